namespace ThreatShare.Core.Lookup;

/// <summary>
/// One value a stored object version names, for lookup: written with the object row, in the same
/// transaction, whatever the row's state. Keyed to its row by (<see cref="StixId"/>, <see cref="Version"/>),
/// which the writer knows before the database gives the row its key (the binary COPY path gets no keys back).
/// Whether a reader finds it is decided at lookup, by joining the row through the visibility decision.
/// </summary>
public sealed class ObservableEntry
{
    /// <summary>Row key.</summary>
    public long Key { get; set; }

    /// <summary>The object's STIX id.</summary>
    public required string StixId { get; set; }

    /// <summary>The object row's stored version (see <see cref="Storage.StoredObject.Version"/>).</summary>
    public required string Version { get; set; }

    /// <summary>Kind and canonical value (<see cref="Observable.Term"/>), e.g. <c>ipv4:45.155.0.0/16</c>.</summary>
    public required string Term { get; set; }

    /// <summary>An indicator's <c>valid_from</c> (UTC).</summary>
    public DateTime? ValidFrom { get; set; }

    /// <summary>An indicator's <c>valid_until</c> (UTC): from then on it is expired and not found.</summary>
    public DateTime? ValidUntil { get; set; }
}

/// <summary>
/// A CIDR prefix length that occurs in the index for an address family. An address is looked up at
/// its own value and at its network for each of these lengths, so containment is plain equality on
/// <see cref="ObservableEntry.Term"/>. Rows are only ever added.
/// </summary>
public sealed class RangeLength
{
    /// <summary><c>ipv4</c> or <c>ipv6</c>.</summary>
    public required string Family { get; set; }

    /// <summary>The prefix length.</summary>
    public int Length { get; set; }
}
