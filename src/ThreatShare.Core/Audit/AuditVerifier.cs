using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Audit;

/// <summary>What a walk of the audit chain found.</summary>
/// <param name="Intact">Every record is in place and matches its hash; nothing is missing at the tail.</param>
/// <param name="Records">Records walked.</param>
/// <param name="LastSequence">The last record reached (0 for an empty log).</param>
/// <param name="LastHash">Its hash: keep it as an external checkpoint.</param>
/// <param name="BrokenAt">The first record that is altered, missing or out of place; null when intact.</param>
/// <param name="Problem">What is wrong there, for a person.</param>
public sealed record AuditVerification(bool Intact, long Records, long LastSequence, string LastHash, long? BrokenAt, string? Problem);

/// <summary>
/// Walks the audit chain from the first record and names the first broken one: a changed field or
/// a moved record (its hash no longer matches), a deleted record (a gap), a truncated tail (the
/// sequence counter, a stored checkpoint or a checkpoint the caller kept lies beyond the end).
/// </summary>
public static class AuditVerifier
{
    private const int Page = 5000;

    /// <summary>Verifies the chain in <paramref name="db"/>; <paramref name="external"/> is a checkpoint kept outside the store.</summary>
    public static async Task<AuditVerification> VerifyAsync(ThreatShareDb db, (long Sequence, string Hash)? external, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().Select(c => new { c.Sequence, c.Hash }).ToDictionaryAsync(c => c.Sequence, c => c.Hash, ct);
        var expected = new Dictionary<long, (string Hash, string Name)>();
        foreach (var (sequence, hash) in checkpoints)
        {
            expected[sequence] = (hash, "a stored checkpoint");
        }
        if (external is { } kept)
        {
            expected[kept.Sequence] = (kept.Hash.ToLowerInvariant(), "the checkpoint given");
        }
        long counter = await db.ChannelSequences.AsNoTracking().Where(c => c.Channel == AuditLog.SequencerKey).Select(c => c.Last).FirstOrDefaultAsync(ct);

        string previous = AuditChain.Genesis;
        long next = 1;
        while (true)
        {
            long from = next;
            var page = await db.AuditRecords.AsNoTracking().Where(r => r.Sequence >= from).OrderBy(r => r.Sequence).Take(Page).ToListAsync(ct);
            foreach (var record in page)
            {
                if (record.Sequence != next)
                {
                    return Broken(next, previous, Invariant($"record {next} is missing (the next record is {record.Sequence})"));
                }
                if (AuditChain.Hash(previous, record) != record.Hash)
                {
                    return Broken(next, previous, Invariant($"record {next} does not match its hash: it was changed or moved after it was written"));
                }
                if (expected.TryGetValue(next, out var checkpoint) && checkpoint.Hash != record.Hash)
                {
                    return Broken(next, previous, Invariant($"record {next} differs from {checkpoint.Name}: the chain was rewritten from here or before"));
                }
                previous = record.Hash;
                next++;
            }
            if (page.Count < Page)
            {
                break;
            }
        }
        long last = next - 1;
        if (counter > last)
        {
            return Broken(next, previous, Invariant($"the log ends at record {last} but had reached record {counter}: the tail was removed"));
        }
        if (expected.Keys.Where(s => s > last).Order().FirstOrDefault() is > 0 and long beyond)
        {
            return Broken(next, previous, Invariant($"the log ends at record {last} but {expected[beyond].Name} names record {beyond}: the tail was removed"));
        }
        return new AuditVerification(true, last, last, previous, null, null);

        // Everything before the broken record was verified.
        static AuditVerification Broken(long at, string previous, string problem) => new(false, at - 1, at - 1, previous, at, problem);
    }

    /// <summary>Parses a checkpoint written as <c>sequence:hash</c>.</summary>
    public static bool TryParseCheckpoint(string? text, out (long Sequence, string Hash) checkpoint)
    {
        checkpoint = default;
        int colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out long sequence) || sequence < 1)
        {
            return false;
        }
        string hash = text![(colon + 1)..];
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
        {
            return false;
        }
        checkpoint = (sequence, hash.ToLowerInvariant());
        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
