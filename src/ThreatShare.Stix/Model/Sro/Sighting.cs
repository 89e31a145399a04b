namespace ThreatShare.Stix;

/// <summary><c>sighting</c>: the belief that something (an indicator, malware, ...) was seen; the basis of "we saw it too".</summary>
public sealed record Sighting : StixRelationshipObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "sighting";

    /// <summary>Creates an empty <c>sighting</c>; set the required properties with an object initializer.</summary>
    public Sighting() : base(TypeName)
    {
    }

    /// <summary>More details and context about the sighting.</summary>
    public string? Description { get; init; }

    /// <summary>Beginning of the time window of the sighting.</summary>
    public StixTimestamp? FirstSeen { get; init; }

    /// <summary>End of the time window of the sighting.</summary>
    public StixTimestamp? LastSeen { get; init; }

    /// <summary>How many times it was seen in the window (0 to 999,999,999).</summary>
    public int? Count { get; init; }

    /// <summary>The SDO that was sighted (e.g. an indicator).</summary>
    public required StixIdentifier SightingOfRef { get; init; }

    /// <summary><c>observed-data</c> objects with the raw data of the sighting.</summary>
    public IReadOnlyList<StixIdentifier>? ObservedDataRefs { get; init; }

    /// <summary><c>identity</c> or <c>location</c> objects of where it was seen.</summary>
    public IReadOnlyList<StixIdentifier>? WhereSightedRefs { get; init; }

    /// <summary>Whether this sighting is a summary of several others.</summary>
    public bool? Summary { get; init; }
}
