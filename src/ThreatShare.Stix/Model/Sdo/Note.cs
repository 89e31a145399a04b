namespace ThreatShare.Stix;

/// <summary><c>note</c>: added text (analysis, context) about other objects, by anyone.</summary>
public sealed record Note : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "note";

    /// <summary>Creates an empty <c>note</c>; set the required properties with an object initializer.</summary>
    public Note() : base(TypeName)
    {
    }

    /// <summary>A brief summary.</summary>
    public string? Abstract { get; init; }

    /// <summary>The content of the note.</summary>
    public required string Content { get; init; }

    /// <summary>Names of the authors.</summary>
    public IReadOnlyList<string>? Authors { get; init; }

    /// <summary>The STIX objects the note refers to.</summary>
    public required IReadOnlyList<StixIdentifier> ObjectRefs { get; init; }
}
