namespace ThreatShare.Stix;

/// <summary><c>relationship</c>: links two SDOs or SCOs, e.g. an indicator <c>indicates</c> a malware.</summary>
public sealed record Relationship : StixRelationshipObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "relationship";

    /// <summary>Creates an empty <c>relationship</c>; set the required properties with an object initializer.</summary>
    public Relationship() : base(TypeName)
    {
    }

    /// <summary>The kind of relationship, e.g. <c>indicates</c>, <c>uses</c>, <c>targets</c>.</summary>
    public required string RelationshipType { get; init; }

    /// <summary>More details and context about the relationship.</summary>
    public string? Description { get; init; }

    /// <summary>The source object.</summary>
    public required StixIdentifier SourceRef { get; init; }

    /// <summary>The target object.</summary>
    public required StixIdentifier TargetRef { get; init; }

    /// <summary>From when the relationship holds.</summary>
    public StixTimestamp? StartTime { get; init; }

    /// <summary>Until when the relationship holds (later than <see cref="StartTime"/>).</summary>
    public StixTimestamp? StopTime { get; init; }
}
