using ThreatShare.Stix;

namespace ThreatShare.Core.Storage;

/// <summary>
/// STIX timestamps as stored: fixed-width text with nine fractional digits
/// (<c>2016-05-12T08:17:27.000000000Z</c>), so that every provider sorts and compares them
/// exactly, to the nanosecond, as plain strings.
/// </summary>
public static class StixTime
{
    /// <summary>The sortable form of a timestamp.</summary>
    public static string ToSortable(StixTimestamp timestamp) => timestamp.WithPrecision(StixTimestamp.MaxPrecision).ToString();
}
