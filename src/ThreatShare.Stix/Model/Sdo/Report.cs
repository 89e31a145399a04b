namespace ThreatShare.Stix;

/// <summary><c>report</c>: a collection of threat intelligence on one or more topics, published as a whole.</summary>
public sealed record Report : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "report";

    /// <summary>Creates an empty <c>report</c>; set the required properties with an object initializer.</summary>
    public Report() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the report.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the report.</summary>
    public string? Description { get; init; }

    /// <summary>Primary subjects (open vocabulary <c>report-type-ov</c>).</summary>
    public IReadOnlyList<string>? ReportTypes { get; init; }

    /// <summary>When the report was officially published.</summary>
    public required StixTimestamp Published { get; init; }

    /// <summary>The STIX objects the report refers to.</summary>
    public required IReadOnlyList<StixIdentifier> ObjectRefs { get; init; }
}
