using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Sightings;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Stix;

namespace ThreatShare.Core.Lookup;

/// <summary>One indicator (or observable) found for a looked-up value.</summary>
/// <param name="ObjectId">The STIX id of the indicator or observable.</param>
/// <param name="ObjectType">Its STIX type.</param>
/// <param name="Match">How it matched.</param>
/// <param name="MatchedValue">The value it names that matched (the value itself, a parent domain, a range).</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Tlp">Its TLP level.</param>
/// <param name="Sightings">What the network saw of it.</param>
/// <param name="ValidFrom">An indicator's <c>valid_from</c>.</param>
/// <param name="ValidUntil">An indicator's <c>valid_until</c>.</param>
public sealed record LookupMatch(string ObjectId, string ObjectType, MatchKind Match, string MatchedValue, string Channel, Tlp Tlp,
    SightingSummary Sightings, DateTime? ValidFrom, DateTime? ValidUntil);

/// <summary>The answer for one looked-up value.</summary>
/// <param name="Value">The value as normalized.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Matches">What was found, exact matches first.</param>
public sealed record LookupResult(Observable Value, ObservableKind Kind, IReadOnlyList<LookupMatch> Matches);

/// <summary>
/// The observable index: written with every stored object row (<c>Add</c>, <see cref="WriteAsync"/>),
/// read by <see cref="LookupAsync"/> through the one visibility decision.
/// </summary>
public sealed class LookupIndex(ThreatShareDb db)
{
    private readonly List<ObservableEntry> _entries = [];
    private readonly HashSet<(string Family, int Length)> _ranges = [];

    /// <summary>The entries collected so far (for the binary COPY path).</summary>
    public IReadOnlyList<ObservableEntry> Entries => _entries;

    /// <summary>Collects the entries of one object row about to be stored.</summary>
    public void Add(StoredObject row, StixObject obj)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(obj);
        var values = Observables.Of(obj);
        if (values.Count == 0)
        {
            return;
        }
        DateTime? validFrom = null, validUntil = null;
        if (obj is Indicator indicator)
        {
            validFrom = indicator.ValidFrom.UtcDateTime;
            validUntil = indicator.ValidUntil?.UtcDateTime;
        }
        foreach (var value in values)
        {
            _entries.Add(new ObservableEntry { StixId = row.StixId, Version = row.Version, Term = value.Term, ValidFrom = validFrom, ValidUntil = validUntil });
            if (value.PrefixLength is { } length)
            {
                _ranges.Add((value.Kind.Name(), length));
            }
        }
    }

    /// <summary>Collects the entries of one object row about to be stored, from its JSON.</summary>
    public void Add(StoredObject row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Add(row, StixJson.Deserialize(row.Json));
    }

    /// <summary>
    /// Writes the collected entries inside the caller's transaction: by binary COPY when
    /// <paramref name="bulk"/> (PostgreSQL), else tracked for the caller's <c>SaveChanges</c>. New range
    /// lengths are recorded at once (insert or nothing, so concurrent writers do not conflict).
    /// </summary>
    public async Task WriteAsync(bool bulk, CancellationToken ct)
    {
        foreach (var (family, length) in _ranges)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"RangeLengths\" (\"Family\", \"Length\") VALUES ({0}, {1}) ON CONFLICT DO NOTHING", [family, length], ct);
        }
        if (bulk)
        {
            await PostgresCopy.InsertAsync(db, _entries, ct);
        }
        else
        {
            db.ObservableEntries.AddRange(_entries);
        }
        _entries.Clear();
        _ranges.Clear();
    }

    /// <summary>STIX types whose objects can name a value the index knows.</summary>
    public static IReadOnlyList<string> IndexedTypes { get; } = ["indicator", "ipv4-addr", "ipv6-addr", "domain-name", "url", "email-addr", "file", "artifact"];

    /// <summary>
    /// Indexes the objects of a store that was written before the index existed: when the index is
    /// empty and there are objects of the indexed types, every such row is indexed, in batches of its
    /// own transactions. Runs at start, after the migrations; a store with entries is left alone.
    /// Returns how many rows were read.
    /// </summary>
    public static async Task<int> BackfillAsync(ThreatShareDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.ObservableEntries.AnyAsync(ct))
        {
            return 0;
        }
        string[] types = [.. IndexedTypes];
        long after = 0;
        int read = 0;
        while (true)
        {
            var batch = await db.Objects.AsNoTracking().Where(o => o.Key > after && types.Contains(o.Type)).OrderBy(o => o.Key).Take(2000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return read;
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var index = new LookupIndex(db);
            foreach (var row in batch)
            {
                index.Add(row);
            }
            await index.WriteAsync(bulk: false, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            after = batch[^1].Key;
            read += batch.Count;
        }
    }

    /// <summary>The range lengths that occur in the index, per family, longest first.</summary>
    public static async Task<Dictionary<ObservableKind, int[]>> RangeLengthsAsync(ThreatShareDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.RangeLengths.AsNoTracking().Select(r => new { r.Family, r.Length }).ToListAsync(ct);
        var result = new Dictionary<ObservableKind, int[]>();
        foreach (var family in rows.GroupBy(r => r.Family, StringComparer.Ordinal))
        {
            if (Observables.TryParseKind(family.Key, out var kind))
            {
                result[kind] = [.. family.Select(r => r.Length).OrderDescending()];
            }
        }
        return result;
    }

    /// <summary>
    /// Looks values up for <paramref name="reader"/>. Only published object versions that the visibility
    /// decision lets the reader see count, and of each object only the newest such version: an object
    /// is left out when that version no longer names the value, when any published version of it is
    /// revoked (revocation is final), or when that version's <c>valid_until</c> is not after
    /// <paramref name="now"/>. Results come in input order.
    /// </summary>
    public static async Task<IReadOnlyList<LookupResult>> LookupAsync(ThreatShareDb db, Reader reader, IReadOnlyList<Observable> values, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(values);
        var lengths = values.Any(v => v.Kind is ObservableKind.Ipv4 or ObservableKind.Ipv6)
            ? await RangeLengthsAsync(db, ct)
            : [];
        var probes = values.Select(v => Observables.Probes(v, lengths).ToList()).ToList();
        var terms = probes.SelectMany(p => p).Select(p => p.Term).Distinct(StringComparer.Ordinal).ToList();

        var visible = db.Objects.AsNoTracking().VisibleTo(reader).Where(o => o.State == SubmissionState.Published);
        var rows = await (
            from e in db.ObservableEntries.AsNoTracking()
            where terms.Contains(e.Term)
            join o in visible on new { e.StixId, e.Version } equals new { o.StixId, o.Version }
            where (e.ValidUntil == null || e.ValidUntil > now)
                && o.Version == visible.Where(x => x.StixId == o.StixId).Max(x => x.Version)
                && !db.Objects.Any(x => x.StixId == o.StixId && x.Revoked && x.State == SubmissionState.Published)
            select new { e.Term, o.StixId, o.Type, o.Channel, o.Tlp, e.ValidFrom, e.ValidUntil })
            .ToListAsync(ct);

        var byTerm = rows.ToLookup(r => r.Term, StringComparer.Ordinal);
        var sightings = rows.Count == 0
            ? []
            : await SightingSummary.ForAsync(db, [.. rows.Select(r => r.StixId).Distinct(StringComparer.Ordinal)], ct);
        var results = new List<LookupResult>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            var matches = new List<LookupMatch>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            // Probes come exact first, then the closest range or parent: each object is reported once, at its best match.
            foreach (var (term, match, matched) in probes[i])
            {
                foreach (var r in byTerm[term])
                {
                    if (seen.Add(r.StixId))
                    {
                        matches.Add(new LookupMatch(r.StixId, r.Type, match, matched, r.Channel, r.Tlp,
                            sightings.GetValueOrDefault(r.StixId) ?? SightingSummary.None, Utc(r.ValidFrom), Utc(r.ValidUntil)));
                    }
                }
            }
            results.Add(new LookupResult(values[i], values[i].Kind, matches));
        }
        return results;
    }

    private static DateTime? Utc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
