using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary><c>language-content</c>: translations of text properties of another object, by language.</summary>
public sealed record LanguageContent : StixMetaObject, IStixVersioned
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "language-content";

    /// <summary>Creates an empty language content; set the required properties with an object initializer.</summary>
    public LanguageContent() : base(TypeName)
    {
    }

    /// <inheritdoc />
    [JsonPropertyOrder(StixPropertyOrder.Modified)]
    public required StixTimestamp Modified { get; init; }

    /// <inheritdoc />
    [JsonPropertyOrder(StixPropertyOrder.Revoked)]
    public bool? Revoked { get; init; }

    /// <summary>Terms describing the object.</summary>
    [JsonPropertyOrder(StixPropertyOrder.Labels)]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Confidence of the creator in the object, 0 to 100.</summary>
    [JsonPropertyOrder(StixPropertyOrder.Confidence)]
    public int? Confidence { get; init; }

    /// <summary>The object whose text is translated.</summary>
    public required StixIdentifier ObjectRef { get; init; }

    /// <summary>The <c>modified</c> of the version of that object that was translated.</summary>
    public StixTimestamp? ObjectModified { get; init; }

    /// <summary>
    /// Translations by language tag (e.g. <c>de</c>), then by property name; each value is raw JSON (a string, a list
    /// of strings, or a nested object for properties holding objects).
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>> Contents { get; init; }

    /// <inheritdoc />
    StixObject IStixVersioned.WithModified(StixTimestamp modified) => this with { Modified = modified };

    /// <inheritdoc />
    StixObject IStixVersioned.WithRevoked() => this with { Revoked = true };
}
