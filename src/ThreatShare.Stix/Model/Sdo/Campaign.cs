namespace ThreatShare.Stix;

/// <summary><c>campaign</c>: a grouping of adversarial behaviour against a set of targets over a period of time.</summary>
public sealed record Campaign : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "campaign";

    /// <summary>Creates an empty <c>campaign</c>; set the required properties with an object initializer.</summary>
    public Campaign() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the campaign.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the campaign.</summary>
    public string? Description { get; init; }

    /// <summary>Alternative names.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>When the campaign was first seen.</summary>
    public StixTimestamp? FirstSeen { get; init; }

    /// <summary>When the campaign was last seen (not earlier than <see cref="FirstSeen"/>).</summary>
    public StixTimestamp? LastSeen { get; init; }

    /// <summary>The main goal or desired outcome of the campaign.</summary>
    public string? Objective { get; init; }
}
