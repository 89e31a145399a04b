namespace ThreatShare.Stix;

/// <summary><c>incident</c>: a security incident (a stub in STIX 2.1, extended by extensions).</summary>
public sealed record Incident : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "incident";

    /// <summary>Creates an empty <c>incident</c>; set the required properties with an object initializer.</summary>
    public Incident() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the incident.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the incident.</summary>
    public string? Description { get; init; }

    /// <summary>Kill chain phases the incident belongs to.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases { get; init; }
}
