using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Exports;

/// <summary>
/// The entity tag of an export: a hash of everything its content depends on, cheap to compute, so a
/// poller that already has the content is answered 304 without the export being run. It covers the
/// format and filters; who asks (organization, sectors, moderated sectors, audience); every channel's
/// publication counter (each publication, revocation, redaction or escalation takes a number);
/// the sightings; the warning lists' change times; and the last <c>valid_until</c> that has passed.
/// The tag is weak: two exports with the same tag hold the same entries, not the same bytes (a bundle
/// id, a zone serial).
/// </summary>
public static class ExportStamp
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string State, DateTime? Passed, DateTime? Next)> Expiries = new(StringComparer.Ordinal);

    /// <summary>
    /// The latest <c>valid_until</c> not after <paramref name="now"/>. It takes a scan of the index, so it is kept per
    /// store with the next <c>valid_until</c> to come, and read again only when the store changed or that time passed.
    /// Every node computes the same answer from the same data, so every node gives the same tag.
    /// </summary>
    private static async Task<DateTime?> LastExpiryAsync(Storage.ThreatShareDb db, string state, DateTime now, CancellationToken ct)
    {
        string store = db.Database.GetConnectionString() ?? "";
        if (Expiries.TryGetValue(store, out var known) && known.State == state && (known.Passed is null || known.Passed <= now) && (known.Next is null || now < known.Next))
        {
            return known.Passed;
        }
        var bounds = await db.ObservableEntries.AsNoTracking().Where(e => e.ValidUntil != null).GroupBy(e => 1)
            .Select(g => new { Passed = g.Max(e => e.ValidUntil <= now ? e.ValidUntil : null), Next = g.Min(e => e.ValidUntil > now ? e.ValidUntil : null) })
            .FirstOrDefaultAsync(ct);
        Expiries[store] = (state, bounds?.Passed, bounds?.Next);
        return bounds?.Passed;
    }

    /// <summary>Computes the tag (quoted, with the weak prefix).</summary>
    public static async Task<string> ComputeAsync(Storage.ThreatShareDb db, ExportFormat format, ExportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder("threatshare-export-1\n");
        var reader = request.Reader;
        text.Append(CultureInfo.InvariantCulture, $"{format.Name()}\n{request.Filter.Canonical()}\n{reader.OrganizationId}|{request.Audience}|{reader.IsDirectorateAdmin}|{request.ReaderIsDirectorate}\n");
        text.Append(string.Join(',', reader.MemberSectors.Order(StringComparer.Ordinal))).Append('|').Append(string.Join(',', reader.ModeratedSectors.Order(StringComparer.Ordinal))).Append('\n');
        var counters = await db.ChannelSequences.AsNoTracking()
            .Where(c => c.Channel.StartsWith(Channel.SectorPrefix) || c.Channel == Channel.CrossSectorName || c.Channel == Channel.NationalName)
            .OrderBy(c => c.Channel).Select(c => new { c.Channel, c.Last }).ToListAsync(ct);
        foreach (var c in counters)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c.Channel}={c.Last};");
        }
        long sightings = await db.Sightings.AsNoTracking().Select(s => (long?)s.Key).MaxAsync(ct) ?? 0;
        text.Append(CultureInfo.InvariantCulture, $"\nsightings={sightings}\n");
        var lists = await db.WarningLists.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Name, l.UpdatedAt }).ToListAsync(ct);
        foreach (var l in lists)
        {
            text.Append(CultureInfo.InvariantCulture, $"{l.Name}={l.UpdatedAt.Ticks};");
        }
        if (!request.Filter.IncludeExpired)
        {
            // What expired last decides which indicators have expired (any indicator's expiry counts: a superset is safe).
            text.Append(CultureInfo.InvariantCulture, $"\nexpired={(await LastExpiryAsync(db, text.ToString(), request.Now, ct))?.Ticks ?? 0}");
        }
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "W/\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"";
    }
}
