namespace ThreatShare.Stix;

/// <summary><c>infrastructure</c>: systems, software services and resources used for a purpose (e.g. command and control).</summary>
public sealed record Infrastructure : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "infrastructure";

    /// <summary>Creates an empty <c>infrastructure</c>; set the required properties with an object initializer.</summary>
    public Infrastructure() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the infrastructure.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the infrastructure.</summary>
    public string? Description { get; init; }

    /// <summary>Kinds of infrastructure (open vocabulary <c>infrastructure-type-ov</c>).</summary>
    public IReadOnlyList<string>? InfrastructureTypes { get; init; }

    /// <summary>Alternative names.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Kill chain phases the infrastructure belongs to.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases { get; init; }

    /// <summary>When the infrastructure was first seen.</summary>
    public StixTimestamp? FirstSeen { get; init; }

    /// <summary>When the infrastructure was last seen (not earlier than <see cref="FirstSeen"/>).</summary>
    public StixTimestamp? LastSeen { get; init; }
}
