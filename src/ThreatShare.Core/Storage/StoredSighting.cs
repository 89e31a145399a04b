namespace ThreatShare.Core.Storage;

/// <summary>
/// "We saw it too": one organization's STIX <c>sighting</c> of an indicator. It is visible wherever
/// its indicator is; its organization is shown only when it chose to be named, else it counts.
/// </summary>
public sealed class StoredSighting
{
    /// <summary>Row key.</summary>
    public long Key { get; set; }

    /// <summary>The STIX id of the sighting (<c>sighting--uuid</c>).</summary>
    public required string StixId { get; set; }

    /// <summary>The STIX id of the indicator it sighted.</summary>
    public required string IndicatorId { get; set; }

    /// <summary>The organization that saw it.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The organization chose to be named to other readers.</summary>
    public bool Named { get; set; }

    /// <summary>How many times it was seen.</summary>
    public int Count { get; set; }

    /// <summary>First seen (UTC).</summary>
    public DateTime FirstSeen { get; set; }

    /// <summary>Last seen (UTC).</summary>
    public DateTime LastSeen { get; set; }

    /// <summary>When the server stored it (UTC).</summary>
    public DateTime AddedAt { get; set; }

    /// <summary>The STIX sighting, whole, as JSON.</summary>
    public string Json { get; set; } = "";
}
