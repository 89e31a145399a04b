namespace ThreatShare.Stix;

/// <summary><c>grouping</c>: a set of objects that share a context, without the finished-report meaning of a <c>report</c>.</summary>
public sealed record Grouping : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "grouping";

    /// <summary>Creates an empty <c>grouping</c>; set the required properties with an object initializer.</summary>
    public Grouping() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the grouping.</summary>
    public string? Name { get; init; }

    /// <summary>More details and context about the grouping.</summary>
    public string? Description { get; init; }

    /// <summary>The context of the grouping (open vocabulary <c>grouping-context-ov</c>).</summary>
    public required string Context { get; init; }

    /// <summary>The STIX objects the grouping refers to.</summary>
    public required IReadOnlyList<StixIdentifier> ObjectRefs { get; init; }
}
