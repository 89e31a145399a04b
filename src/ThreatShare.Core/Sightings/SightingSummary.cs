using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Sightings;

/// <summary>What the network knows of an indicator's sightings: how many organizations, how often, when; names only of those who chose it.</summary>
/// <param name="Organizations">Distinct organizations that saw it.</param>
/// <param name="Count">Total times seen.</param>
/// <param name="FirstSeen">Earliest first seen (UTC), null without sightings.</param>
/// <param name="LastSeen">Latest last seen (UTC), null without sightings.</param>
/// <param name="Named">Organizations that chose to be named.</param>
public sealed record SightingSummary(int Organizations, long Count, DateTime? FirstSeen, DateTime? LastSeen, IReadOnlyList<Guid> Named)
{
    /// <summary>No sightings.</summary>
    public static SightingSummary None { get; } = new(0, 0, null, null, []);

    /// <summary>
    /// The summaries of <paramref name="indicatorIds"/> (missing ones have none). The caller has
    /// already decided, through the visibility decision, that it may see these indicators.
    /// </summary>
    public static async Task<Dictionary<string, SightingSummary>> ForAsync(ThreatShareDb db, IReadOnlyCollection<string> indicatorIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Sightings.AsNoTracking().Where(s => indicatorIds.Contains(s.IndicatorId))
            .GroupBy(s => new { s.IndicatorId, s.OrganizationId })
            .Select(g => new { g.Key.IndicatorId, g.Key.OrganizationId, Count = g.Sum(s => (long)s.Count), First = g.Min(s => s.FirstSeen), Last = g.Max(s => s.LastSeen), Named = g.Max(s => s.Named ? 1 : 0) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.IndicatorId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new SightingSummary(g.Count(), g.Sum(r => r.Count), g.Min(r => r.First), g.Max(r => r.Last),
                [.. g.Where(r => r.Named == 1).Select(r => r.OrganizationId)]),
            StringComparer.Ordinal);
    }
}
