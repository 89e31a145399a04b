using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// <c>extension-definition</c>: describes an extension (new object type or new properties) with its schema, so that
/// objects can carry it under <c>extensions</c> keyed by this object's id.
/// </summary>
public sealed record ExtensionDefinition : StixMetaObject, IStixVersioned
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "extension-definition";

    /// <summary>Creates an empty extension definition; set the required properties with an object initializer.</summary>
    public ExtensionDefinition() : base(TypeName)
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

    /// <summary>A name for the extension.</summary>
    public required string Name { get; init; }

    /// <summary>What the extension is for.</summary>
    public string? Description { get; init; }

    /// <summary>The schema of the extension: a URL or the schema text itself.</summary>
    public required string Schema { get; init; }

    /// <summary>The version of the extension (semantic versioning recommended).</summary>
    public required string Version { get; init; }

    /// <summary>What the extension adds (<c>new-sdo</c>, <c>new-sco</c>, <c>new-sro</c>, <c>property-extension</c>, <c>toplevel-property-extension</c>).</summary>
    public required IReadOnlyList<string> ExtensionTypes { get; init; }

    /// <summary>For <c>toplevel-property-extension</c>: the names of the properties added at the top level of objects.</summary>
    public IReadOnlyList<string>? ExtensionProperties { get; init; }

    /// <inheritdoc />
    StixObject IStixVersioned.WithModified(StixTimestamp modified) => this with { Modified = modified };

    /// <inheritdoc />
    StixObject IStixVersioned.WithRevoked() => this with { Revoked = true };
}
