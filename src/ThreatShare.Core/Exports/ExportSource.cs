using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Findings;
using ThreatShare.Core.Lookup;
using ThreatShare.Core.Sightings;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Exports;

/// <summary>Who asks for an export and what it selects.</summary>
/// <param name="Reader">The caller, for the visibility decision.</param>
/// <param name="Audience">The caller, for the redistribution rule.</param>
/// <param name="ReaderIsDirectorate">The caller belongs to the directorate (it sees the true source of anonymized publications).</param>
/// <param name="DirectorateIdentityId">The directorate's STIX identity, shown as the source of anonymized publications.</param>
/// <param name="Filter">The filters.</param>
/// <param name="Now">The time against which <c>valid_until</c> is judged.</param>
public sealed record ExportRequest(Reader Reader, ExportAudience Audience, bool ReaderIsDirectorate, string DirectorateIdentityId, ExportFilter Filter, DateTime Now);

/// <summary>One value an exported indicator names.</summary>
/// <param name="Value">The value, normalized.</param>
/// <param name="FirstKey">The key of the first index entry of this value for this indicator: stable across the indicator's versions (rule <c>sid</c>s).</param>
public sealed record ExportValue(Observable Value, long FirstKey);

/// <summary>One exported indicator: its current version as the caller may receive it.</summary>
/// <param name="StixId">The STIX id.</param>
/// <param name="Version">The stored version.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Tlp">Its TLP level.</param>
/// <param name="Revoked">It is revoked (only with <see cref="ExportFilter.IncludeRevoked"/>).</param>
/// <param name="Json">The object as the caller is shown it (an anonymized source replaced by the directorate).</param>
/// <param name="Confidence">Its <c>confidence</c>, if any.</param>
/// <param name="Values">The values it names, kept by the type filter.</param>
/// <param name="Sightings">What the network saw of it.</param>
/// <param name="Revision">How many published versions it has had up to this one (1 for the first).</param>
public sealed record ExportIndicator(string StixId, string Version, string Channel, Tlp Tlp, bool Revoked, string Json, int? Confidence,
    IReadOnlyList<ExportValue> Values, SightingSummary Sightings, int Revision);

/// <summary>
/// Reads what an export may hold, batch by batch, in constant memory: the exportable indicators
/// (<see cref="Redistribution.Exportable"/>, which stands on the one visibility decision) with the
/// filters applied, in id order; or, for block lists, the distinct values of one kind in value order.
/// </summary>
public sealed class ExportSource(ThreatShareDb db)
{
    /// <summary>Rows read per query.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>What the indicator stream needs beyond the rows: sightings (CSV) and revisions (rules).</summary>
    [Flags]
    public enum Extras
    {
        /// <summary>Nothing more.</summary>
        None = 0,

        /// <summary>Sighting summaries.</summary>
        Sightings = 1,

        /// <summary>Revision numbers.</summary>
        Revisions = 2,
    }

    /// <summary>The exportable indicators, in batches, ordered by id.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ExportIndicator>> IndicatorsAsync(ExportRequest request, Extras extras, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = request.Filter;
        var selected = Selected(request);
        string after = "";
        while (true)
        {
            string from = after;
            var rows = await selected.Where(o => string.Compare(o.StixId, from) > 0).OrderBy(o => o.StixId).Take(BatchSize)
                .Select(o => new { o.StixId, o.Version, o.Channel, o.Tlp, o.Revoked, o.Anonymous, o.SubmitterOrganizationId, o.Json })
                .ToListAsync(ct);
            if (rows.Count == 0)
            {
                yield break;
            }
            after = rows[^1].StixId;
            string[] ids = [.. rows.Select(r => r.StixId)];
            var entries = await db.ObservableEntries.AsNoTracking().Where(e => ids.Contains(e.StixId))
                .Select(e => new { e.StixId, e.Version, e.Term, e.Key }).ToListAsync(ct);
            var firstKeys = entries.GroupBy(e => (e.StixId, e.Term)).ToDictionary(g => g.Key, g => g.Min(e => e.Key));
            var current = entries.ToLookup(e => (e.StixId, e.Version), e => e.Term);
            var sightings = (extras & Extras.Sightings) != 0 ? await SightingSummary.ForAsync(db, ids, ct) : [];
            ILookup<string, string>? versions = null;
            if ((extras & Extras.Revisions) != 0)
            {
                // Only versions this reader may see count: a hidden version must not show through the rule's revision.
                versions = (await db.Objects.AsNoTracking().VisibleTo(request.Reader).Where(o => ids.Contains(o.StixId) && o.State == SubmissionState.Published)
                    .Select(o => new { o.StixId, o.Version }).ToListAsync(ct)).ToLookup(v => v.StixId, v => v.Version);
            }

            var batch = new List<ExportIndicator>(rows.Count);
            foreach (var row in rows)
            {
                var facts = IndicatorFacts.Read(row.Json);
                if (!filter.IncludeExpired && facts.ValidUntil is { } until && until <= request.Now)
                {
                    continue;
                }
                if (filter.MinConfidence is { } min && (facts.Confidence ?? -1) < min)
                {
                    continue;
                }
                var values = new List<ExportValue>();
                foreach (string term in current[(row.StixId, row.Version)].Order(StringComparer.Ordinal))
                {
                    if (ExportValues.FromTerm(term) is { } value && filter.Includes(value.Kind))
                    {
                        values.Add(new ExportValue(value, firstKeys[(row.StixId, term)]));
                    }
                }
                if (filter.Types is not null && values.Count == 0)
                {
                    continue;
                }
                string json = row.Anonymous && !request.ReaderIsDirectorate && row.SubmitterOrganizationId != request.Reader.OrganizationId
                    ? ObjectProjection.AttributedTo(row.Json, request.DirectorateIdentityId)
                    : row.Json;
                int revision = versions is null ? 0 : versions[row.StixId].Count(v => string.CompareOrdinal(v, row.Version) <= 0);
                batch.Add(new ExportIndicator(row.StixId, row.Version, row.Channel, row.Tlp, row.Revoked, json, facts.Confidence, values,
                    sightings.GetValueOrDefault(row.StixId) ?? SightingSummary.None, revision));
            }
            yield return batch;
        }
    }

    /// <summary>
    /// The distinct values of <paramref name="kind"/> named by exportable indicators, in batches, in value
    /// order, leaving out what <paramref name="warnings"/> lists (a block list never holds them).
    /// <paramref name="skipped"/> counts the values left out for that reason.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<Observable>> ValuesAsync(ExportRequest request, ObservableKind kind, WarningLists warnings, StrongBox<int> skipped,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(skipped);
        var filter = request.Filter;
        if (!filter.Includes(kind))
        {
            yield break;
        }
        string prefix = kind.Name() + ":";
        DateTime now = request.Now;
        bool expired = filter.IncludeExpired;
        var joined = from e in db.ObservableEntries.AsNoTracking()
                     where e.Term.StartsWith(prefix) && (expired || e.ValidUntil == null || e.ValidUntil > now)
                     join o in Selected(request) on new { e.StixId, e.Version } equals new { o.StixId, o.Version }
                     select new { e.Term, Json = filter.MinConfidence != null ? o.Json : null };
        // One query, read as the database sends it: the database joins and sorts as it sees fit (a hash join and
        // one sort beat a million index probes), and only the current batch is held here.
        string? emitted = null;
        var batch = new List<Observable>(BatchSize);
        await foreach (var row in joined.OrderBy(r => r.Term).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row.Term == emitted || (filter.MinConfidence is { } min && (IndicatorFacts.Read(row.Json!).Confidence ?? -1) < min))
            {
                continue;
            }
            emitted = row.Term;
            if (ExportValues.FromTerm(row.Term) is not { } value)
            {
                continue;
            }
            if (ExportValues.WarningOf(value, warnings) is not null)
            {
                skipped.Value++;
                continue;
            }
            batch.Add(value);
            if (batch.Count == BatchSize)
            {
                yield return batch;
                batch = new List<Observable>(BatchSize);
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>The exportable indicators with the filters that the database applies.</summary>
    private IQueryable<StoredObject> Selected(ExportRequest request)
    {
        var filter = request.Filter;
        var query = Redistribution.Exportable(db.Objects.AsNoTracking(), request.Reader, request.Audience, "indicator");
        if (filter.Channels is { } channels)
        {
            string[] names = [.. channels];
            query = query.Where(o => names.Contains(o.Channel));
        }
        if (filter.TlpCeiling is { } ceiling)
        {
            query = query.Where(o => o.Tlp <= ceiling);
        }
        if (filter.AddedAfter is { } addedAfter)
        {
            query = query.Where(o => o.AddedAt > addedAfter);
        }
        if (!filter.IncludeRevoked)
        {
            // Revocation is final: any published revoked version takes the object out, as lookup does.
            query = query.Where(o => !db.Objects.Any(x => x.StixId == o.StixId && x.Revoked && x.State == SubmissionState.Published));
        }
        if (filter.MinSightingOrganizations is > 0 and var min)
        {
            query = query.Where(o => db.Sightings.Where(s => s.IndicatorId == o.StixId).Select(s => s.OrganizationId).Distinct().Count() >= min);
        }
        return query;
    }
}

/// <summary>One consistent view of the store for a whole export.</summary>
public static class ExportSnapshot
{
    /// <summary>
    /// Begins a read transaction that sees one snapshot for every query of the export: repeatable read on
    /// PostgreSQL; on SQLite a deferred transaction (a plain <c>BEGIN</c>), which in WAL mode reads one
    /// snapshot without taking the write lock, so publications go on during a long export.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginAsync(ThreatShareDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            var transaction = sqlite.BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, ct);
            return new Deferred(db, transaction);
        }
        return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
    }

    private sealed class Deferred(ThreatShareDb db, Microsoft.Data.Sqlite.SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The few properties of an indicator that exports filter on, read without building the object.</summary>
/// <param name="Confidence">Its <c>confidence</c>.</param>
/// <param name="ValidUntil">Its <c>valid_until</c> (UTC).</param>
public readonly record struct IndicatorFacts(int? Confidence, DateTime? ValidUntil)
{
    /// <summary>Reads the top-level <c>confidence</c> and <c>valid_until</c> of an object's JSON.</summary>
    public static IndicatorFacts Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        int? confidence = null;
        DateTime? validUntil = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isConfidence = reader.ValueTextEquals("confidence"u8);
            bool isValidUntil = !isConfidence && reader.ValueTextEquals("valid_until"u8);
            reader.Read();
            if (isConfidence && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int c))
            {
                confidence = c;
            }
            else if (isValidUntil && reader.TokenType == JsonTokenType.String && ThreatShare.Stix.StixTimestamp.TryParse(reader.GetString(), out var until))
            {
                validUntil = until.UtcDateTime;
            }
            else
            {
                reader.Skip();
            }
        }
        return new IndicatorFacts(confidence, validUntil);
    }
}

/// <summary>Index terms back to values, and the warning-list test of a value about to be blocked.</summary>
public static class ExportValues
{
    /// <summary>The value of an index term (<c>ipv4:45.155.0.0/16</c>); null for a term of no known kind.</summary>
    public static Observable? FromTerm(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        int colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Observables.TryParseKind(term[..colon], out var kind))
        {
            return null;
        }
        string value = term[(colon + 1)..];
        int? prefix = null;
        if (kind is ObservableKind.Ipv4 or ObservableKind.Ipv6 && value.IndexOf('/', StringComparison.Ordinal) is var slash and > 0)
        {
            prefix = int.Parse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        return new Observable(kind, value, prefix);
    }

    /// <summary>Why a value is on a warning list (so never exported as a block entry), or null.</summary>
    public static string? WarningOf(Observable value, WarningLists warnings)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(warnings);
        switch (value.Kind)
        {
            case ObservableKind.Ipv4 or ObservableKind.Ipv6 when value.PrefixLength is not null:
                return warnings.OfRange(System.Net.IPNetwork.Parse(value.Value));
            case ObservableKind.Ipv4 or ObservableKind.Ipv6:
                return warnings.OfAddress(System.Net.IPAddress.Parse(value.Value));
            case ObservableKind.Domain:
                return warnings.OfDomain(value.Value);
            case ObservableKind.Url:
                return UrlHost(value.Value) is { } host
                    ? System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? warnings.OfAddress(ip) : warnings.OfDomain(host)
                    : null;
            case ObservableKind.Email:
                return warnings.OfDomain(value.Value[(value.Value.LastIndexOf('@') + 1)..]);
            default:
                return warnings.OfHash(value.Value);
        }
    }

    /// <summary>The host of a normalized URL, without user information or port.</summary>
    public static string? UrlHost(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }
        int start = scheme + 3;
        int end = url.IndexOfAny(['/', '?', '#'], start);
        string authority = end < 0 ? url[start..] : url[start..end];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? null : authority[..(close + 1)];
        }
        int colon = authority.IndexOf(':', StringComparison.Ordinal);
        string host = colon < 0 ? authority : authority[..colon];
        return host.Length == 0 ? null : host;
    }
}
