namespace ThreatShare.Stix;

/// <summary><c>intrusion-set</c>: a grouped set of adversarial behaviour and resources believed to be run by one organization.</summary>
public sealed record IntrusionSet : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "intrusion-set";

    /// <summary>Creates an empty <c>intrusion-set</c>; set the required properties with an object initializer.</summary>
    public IntrusionSet() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the intrusion set.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the intrusion set.</summary>
    public string? Description { get; init; }

    /// <summary>Alternative names.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>When the intrusion set was first seen.</summary>
    public StixTimestamp? FirstSeen { get; init; }

    /// <summary>When the intrusion set was last seen (not earlier than <see cref="FirstSeen"/>).</summary>
    public StixTimestamp? LastSeen { get; init; }

    /// <summary>High-level goals.</summary>
    public IReadOnlyList<string>? Goals { get; init; }

    /// <summary>Organizational level of resources (open vocabulary <c>attack-resource-level-ov</c>).</summary>
    public string? ResourceLevel { get; init; }

    /// <summary>Primary reason (open vocabulary <c>attack-motivation-ov</c>).</summary>
    public string? PrimaryMotivation { get; init; }

    /// <summary>Secondary reasons (open vocabulary <c>attack-motivation-ov</c>).</summary>
    public IReadOnlyList<string>? SecondaryMotivations { get; init; }
}
