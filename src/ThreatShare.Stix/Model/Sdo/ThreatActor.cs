namespace ThreatShare.Stix;

/// <summary><c>threat-actor</c>: an individual, group or organization believed to act with malicious intent.</summary>
public sealed record ThreatActor : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "threat-actor";

    /// <summary>Creates an empty <c>threat-actor</c>; set the required properties with an object initializer.</summary>
    public ThreatActor() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the threat actor.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the threat actor.</summary>
    public string? Description { get; init; }

    /// <summary>Kinds of threat actor (open vocabulary <c>threat-actor-type-ov</c>).</summary>
    public IReadOnlyList<string>? ThreatActorTypes { get; init; }

    /// <summary>Alternative names.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>When the threat actor was first seen.</summary>
    public StixTimestamp? FirstSeen { get; init; }

    /// <summary>When the threat actor was last seen (not earlier than <see cref="FirstSeen"/>).</summary>
    public StixTimestamp? LastSeen { get; init; }

    /// <summary>Roles (open vocabulary <c>threat-actor-role-ov</c>).</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>High-level goals.</summary>
    public IReadOnlyList<string>? Goals { get; init; }

    /// <summary>Skill level (open vocabulary <c>threat-actor-sophistication-ov</c>).</summary>
    public string? Sophistication { get; init; }

    /// <summary>Organizational level of resources (open vocabulary <c>attack-resource-level-ov</c>).</summary>
    public string? ResourceLevel { get; init; }

    /// <summary>Primary reason (open vocabulary <c>attack-motivation-ov</c>).</summary>
    public string? PrimaryMotivation { get; init; }

    /// <summary>Secondary reasons (open vocabulary <c>attack-motivation-ov</c>).</summary>
    public IReadOnlyList<string>? SecondaryMotivations { get; init; }

    /// <summary>Personal reasons (open vocabulary <c>attack-motivation-ov</c>).</summary>
    public IReadOnlyList<string>? PersonalMotivations { get; init; }
}
