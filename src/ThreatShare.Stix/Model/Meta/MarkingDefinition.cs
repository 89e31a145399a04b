using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// <c>marking-definition</c>: a data marking (handling or sharing rule) that objects reference from
/// <c>object_marking_refs</c> and <c>granular_markings</c>. Marking definitions are never versioned.
/// </summary>
/// <remarks>
/// STIX 2.1 defines the <c>statement</c> and <c>tlp</c> (TLP 1.0) definition types, kept in <see cref="Definition"/>;
/// newer markings such as TLP 2.0 use an extension instead (see <see cref="TlpMarking"/>).
/// </remarks>
public sealed record MarkingDefinition : StixMetaObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "marking-definition";

    /// <summary>Creates an empty marking definition; set the required properties with an object initializer.</summary>
    public MarkingDefinition() : base(TypeName)
    {
    }

    /// <summary>A name for the marking, e.g. <c>TLP:GREEN</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The kind of <see cref="Definition"/>: <c>statement</c> or <c>tlp</c> (absent when an extension defines the marking).</summary>
    public string? DefinitionType { get; init; }

    /// <summary>The marking itself as raw JSON, e.g. <c>{"tlp": "green"}</c> or <c>{"statement": "Copyright ACME"}</c>.</summary>
    public JsonElement? Definition { get; init; }

    /// <summary>The statement text when <see cref="DefinitionType"/> is <c>statement</c>.</summary>
    [JsonIgnore]
    public string? Statement => DefinitionType == "statement" ? StringMember(Definition, "statement") : null;

    /// <summary>
    /// The TLP level this marking stands for, lower case: <c>white</c>/<c>green</c>/<c>amber</c>/<c>red</c> for a TLP 1.0
    /// <c>tlp</c> definition, <c>clear</c>/<c>green</c>/<c>amber</c>/<c>amber+strict</c>/<c>red</c> for a TLP 2.0 extension; otherwise null.
    /// </summary>
    [JsonIgnore]
    public string? TlpLevel =>
        DefinitionType == "tlp"
            ? StringMember(Definition, "tlp")
            : Extensions is { } ext && ext.TryGetValue(TlpMarking.ExtensionDefinitionId, out var tlp) && tlp is RawStixExtension raw
                ? StringMember(raw.Value, "tlp_2_0")
                : null;

    /// <summary>Creates a <c>statement</c> marking (e.g. a copyright or terms of use).</summary>
    public static MarkingDefinition CreateStatement(StixIdentifier id, StixTimestamp created, string statement, StixIdentifier? createdByRef = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return new MarkingDefinition
        {
            Id = id,
            CreatedByRef = createdByRef,
            Created = created,
            DefinitionType = "statement",
            Definition = JsonObject("statement", statement),
        };
    }

    /// <summary>Builds a JSON object with one string member.</summary>
    internal static JsonElement JsonObject(string name, string value) => JsonObject([(name, value)]);

    /// <summary>Builds a JSON object with string members, in order.</summary>
    internal static JsonElement JsonObject(IEnumerable<(string Name, string Value)> members)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in members)
            {
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static string? StringMember(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}
