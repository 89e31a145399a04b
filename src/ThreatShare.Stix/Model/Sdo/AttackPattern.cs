namespace ThreatShare.Stix;

/// <summary><c>attack-pattern</c>: a way adversaries try to compromise targets (a TTP), often linked to CAPEC or ATT&amp;CK.</summary>
public sealed record AttackPattern : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "attack-pattern";

    /// <summary>Creates an empty <c>attack-pattern</c>; set the required properties with an object initializer.</summary>
    public AttackPattern() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the attack pattern.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the attack pattern.</summary>
    public string? Description { get; init; }

    /// <summary>Alternative names.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Kill chain phases the attack pattern belongs to.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases { get; init; }
}
