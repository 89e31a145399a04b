namespace ThreatShare.Stix;

/// <summary><c>identity</c>: an individual, organization, group or system.</summary>
public sealed record Identity : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "identity";

    /// <summary>Creates an empty <c>identity</c>; set the required properties with an object initializer.</summary>
    public Identity() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the identity.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the identity.</summary>
    public string? Description { get; init; }

    /// <summary>Roles this identity performs, e.g. <c>CEO</c>.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Kind of entity (open vocabulary <c>identity-class-ov</c>).</summary>
    public string? IdentityClass { get; init; }

    /// <summary>Industry sectors (open vocabulary <c>industry-sector-ov</c>).</summary>
    public IReadOnlyList<string>? Sectors { get; init; }

    /// <summary>How to contact the identity.</summary>
    public string? ContactInformation { get; init; }
}
