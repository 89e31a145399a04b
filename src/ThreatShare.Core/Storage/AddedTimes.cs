using Microsoft.EntityFrameworkCore;

namespace ThreatShare.Core.Storage;

/// <summary>
/// The time an object version is added to its channel, given at publication together with its
/// sequence number: whole microseconds, strictly increasing with the sequence within a channel.
/// </summary>
/// <remarks>
/// TAXII clients poll with <c>added_after</c>, a timestamp. Readers must never miss an object that
/// commits after they polled, so a later sequence number must never carry an earlier or equal time:
/// the clock of another node may lag, and a submission's rows would otherwise share one time, so that
/// a page boundary inside it would skip the rest. The caller holds the channel's sequence row
/// (<see cref="Sequencer"/>) until commit, so the row before its first number is committed and its
/// time is final. Microseconds, because PostgreSQL keeps no finer and the times must compare exactly
/// on both providers.
/// </remarks>
public static class AddedTimes
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>
    /// The time of the row numbered <paramref name="firstSequence"/> in <paramref name="channel"/>: <paramref name="now"/>
    /// (to the microsecond), or one microsecond after the time of the channel's previous row when that is later.
    /// Row <c>firstSequence + i</c> gets this time plus <c>i</c> microseconds (<see cref="Nth"/>).
    /// </summary>
    public static async Task<DateTime> FirstAsync(ThreatShareDb db, string channel, long firstSequence, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var start = Truncate(now);
        // The newest earlier row (rows may have been deleted, leaving gaps in the numbers).
        var previous = await db.Objects.AsNoTracking()
            .Where(o => o.Channel == channel && o.Sequence != null && o.Sequence < firstSequence)
            .OrderByDescending(o => o.Sequence).Select(o => (DateTime?)o.AddedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (previous is { } p)
        {
            var after = Truncate(DateTime.SpecifyKind(p, DateTimeKind.Utc)).AddTicks(TicksPerMicrosecond);
            if (after > start)
            {
                start = after;
            }
        }
        return start;
    }

    /// <summary>The time of the <paramref name="index"/>th row after the first (see <see cref="FirstAsync"/>).</summary>
    public static DateTime Nth(DateTime first, int index) => first.AddTicks(index * TicksPerMicrosecond);

    /// <summary><paramref name="time"/> cut to whole microseconds, as UTC.</summary>
    public static DateTime Truncate(DateTime time) => new(time.Ticks - (time.Ticks % TicksPerMicrosecond), DateTimeKind.Utc);
}
