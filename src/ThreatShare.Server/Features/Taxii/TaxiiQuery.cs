using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Stix;

namespace ThreatShare.Server.Features.Taxii;

/// <summary>Which versions of an object <c>match[version]</c> asks for.</summary>
internal abstract record VersionMatch
{
    public sealed record First : VersionMatch;

    public sealed record Last : VersionMatch;

    public sealed record All : VersionMatch;

    /// <summary>The version with this <c>modified</c> (or <c>created</c>); for an observable, the one added at this time.</summary>
    public sealed record At(string Sortable, DateTime Added) : VersionMatch;
}

/// <summary>
/// The filters and paging of a TAXII read (<c>added_after</c>, <c>limit</c>, <c>next</c>,
/// <c>match[id|type|version|spec_version]</c>), parsed and checked, and applied to a query of one
/// collection's published objects after the visibility decision.
/// </summary>
/// <remarks>
/// Pages follow the channel's sequence numbers, which are given in commit order (the channel's
/// sequence row stays locked until the publishing transaction ends). A <c>next</c> cursor is the last
/// sequence number returned, so a reader paging while others post neither skips nor repeats an
/// object; <c>added_after</c> works as well because <see cref="AddedTimes"/> makes the times strictly
/// increase with the sequence numbers.
/// </remarks>
internal sealed class TaxiiQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The only STIX version the network stores (the pipeline validates everything as 2.1).</summary>
    public const string SpecVersion = "2.1";

    private TaxiiQuery()
    {
    }

    public IReadOnlyList<string>? Ids { get; private init; }

    public IReadOnlyList<string>? Types { get; private init; }

    public IReadOnlyList<string>? SpecVersions { get; private init; }

    public IReadOnlyList<VersionMatch> Versions { get; private init; } = [new VersionMatch.Last()];

    public DateTime? AddedAfter { get; private init; }

    public int Limit { get; private init; } = DefaultLimit;

    /// <summary>The sequence number after which this page starts (from <c>next</c>), else 0.</summary>
    public long After { get; private init; }

    private string Fingerprint { get; init; } = "";

    /// <summary>Which parameters an endpoint takes.</summary>
    [Flags]
    public enum Accepts
    {
        Paging = 1,
        IdAndType = 2,
        Version = 4,
    }

    /// <summary>Parses the query string; a malformed value is an error (400), an unknown parameter is ignored.</summary>
    /// <param name="query">The request's query.</param>
    /// <param name="scope">What the results belong to (collection, object, endpoint): a <c>next</c> from elsewhere is refused.</param>
    /// <param name="accepts">The parameters the endpoint takes.</param>
    /// <param name="defaultVersion">What <c>match[version]</c> means when absent.</param>
    /// <param name="parsed">The filters.</param>
    /// <param name="errors">Every malformed parameter, by path.</param>
    public static bool TryParse(IQueryCollection query, string scope, Accepts accepts, VersionMatch defaultVersion,
        out TaxiiQuery parsed, out List<TaxiiErrorDetail> errors)
    {
        errors = [];
        IReadOnlyList<string>? ids = null, types = null, specs = null;
        List<VersionMatch> versions = [defaultVersion];
        DateTime? addedAfter = null;
        int limit = DefaultLimit;
        long after = 0;

        if (accepts.HasFlag(Accepts.Paging) && Single(query, "added_after", errors) is { } aa)
        {
            if (StixTimestamp.TryParse(aa, out var ts))
            {
                addedAfter = new DateTime(ts.Value.UtcTicks, DateTimeKind.Utc);
            }
            else
            {
                errors.Add(new("$.added_after", "must be a timestamp such as 2026-11-01T10:00:00.000000Z"));
            }
        }
        if (accepts.HasFlag(Accepts.Paging) && Single(query, "limit", errors) is { } l)
        {
            if (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                errors.Add(new("$.limit", "must be a whole number of at least 1"));
            }
            // The server returns at most MaxLimit objects a page, whatever is asked (the specification lets it).
            limit = Math.Clamp(limit, 1, MaxLimit);
        }
        if (accepts.HasFlag(Accepts.IdAndType))
        {
            ids = List(query, "match[id]", errors);
            types = List(query, "match[type]", errors);
        }
        specs = List(query, "match[spec_version]", errors);
        if (accepts.HasFlag(Accepts.Version) && List(query, "match[version]", errors) is { } vs)
        {
            versions = [];
            foreach (string v in vs)
            {
                switch (v)
                {
                    case "first":
                        versions.Add(new VersionMatch.First());
                        break;
                    case "last":
                        versions.Add(new VersionMatch.Last());
                        break;
                    case "all":
                        versions.Add(new VersionMatch.All());
                        break;
                    default:
                        if (StixTimestamp.TryParse(v, out var at))
                        {
                            versions.Add(new VersionMatch.At(StixTime.ToSortable(at), new DateTime(at.Value.UtcTicks, DateTimeKind.Utc)));
                        }
                        else
                        {
                            errors.Add(new("$.match[version]", $"'{v}' is not first, last, all or a timestamp"));
                        }
                        break;
                }
            }
        }

        string fingerprint = FingerprintOf(scope, ids, types, specs, versions, addedAfter);
        if (accepts.HasFlag(Accepts.Paging) && Single(query, "next", errors) is { } next)
        {
            if (!TryReadNext(next, out after, out string issuedFor) || after < 0)
            {
                errors.Add(new("$.next", "not a value of 'next' this server gave"));
            }
            else if (issuedFor != fingerprint)
            {
                errors.Add(new("$.next", "this 'next' was given for other filters; send the same filters with it"));
            }
        }
        parsed = new TaxiiQuery
        {
            Ids = ids,
            Types = types,
            SpecVersions = specs,
            Versions = versions,
            AddedAfter = addedAfter,
            Limit = limit,
            After = after,
            Fingerprint = fingerprint,
        };
        return errors.Count == 0;
    }

    /// <summary>The <c>next</c> value that continues after <paramref name="sequence"/> with these filters.</summary>
    public string NextAfter(long sequence)
    {
        byte[] text = Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture) + "." + Fingerprint);
        return Base64Url.EncodeToString(text);
    }

    /// <summary>
    /// The published versions in <paramref name="channel"/> that <paramref name="reader"/> may see: the
    /// one visibility decision, then the collection. Pending versions are not in a collection until a
    /// moderator publishes them; their submitter follows them through the status resource.
    /// </summary>
    public static IQueryable<StoredObject> Collection(ThreatShareDb db, Reader reader, string channel) =>
        db.Objects.AsNoTracking().VisibleTo(reader).Where(o => o.Channel == channel && o.State == SubmissionState.Published && o.Sequence != null);

    /// <summary>
    /// Applies the filters that the database evaluates alone to <paramref name="objects"/>, a query of
    /// <see cref="Collection"/>: ids, types, spec versions, <c>added_after</c>, and version timestamps
    /// when the version filter is nothing else. <c>first</c> and <c>last</c> are decided by
    /// <see cref="SelectAsync"/>.
    /// </summary>
    public IQueryable<StoredObject> Filter(IQueryable<StoredObject> objects)
    {
        var query = objects;
        if (Ids is { } ids)
        {
            query = query.Where(o => ids.Contains(o.StixId));
        }
        if (Types is { } types)
        {
            query = query.Where(o => types.Contains(o.Type));
        }
        if (SpecVersions is { } specs && !specs.Contains(SpecVersion, StringComparer.Ordinal))
        {
            query = query.Where(o => false);
        }
        if (Versions.All(v => v is VersionMatch.At))
        {
            query = query.Where(Or(Versions.Cast<VersionMatch.At>().Select(at => AtPredicate(at.Sortable, at.Added))));
        }
        if (AddedAfter is { } since)
        {
            query = query.Where(o => o.AddedAt > since);
        }
        return query;
    }

    /// <summary>
    /// The matching versions after the page's start in sequence order, at most <paramref name="take"/>.
    /// First and last versions are found per batch of candidates, by one grouped query over the
    /// candidates' ids in <paramref name="collection"/> (the versions the reader may see here), rather
    /// than by a correlated subquery per row, whose plan PostgreSQL can turn quadratic on fresh statistics.
    /// </summary>
    public async Task<List<StoredObject>> SelectAsync(IQueryable<StoredObject> filtered, IQueryable<StoredObject> collection, int take, CancellationToken ct)
    {
        bool bounds = !Versions.Any(v => v is VersionMatch.All) && Versions.Any(v => v is VersionMatch.First or VersionMatch.Last);
        int batch = bounds ? Math.Clamp(take, 100, MaxLimit + 1) : take;
        var kept = new List<StoredObject>();
        long after = After;
        while (kept.Count < take)
        {
            var candidates = await filtered.Where(o => o.Sequence > after).OrderBy(o => o.Sequence).Take(batch).ToListAsync(ct);
            if (!bounds)
            {
                return candidates;
            }
            if (candidates.Count == 0)
            {
                break;
            }
            string[] ids = [.. candidates.Select(c => c.StixId).Distinct(StringComparer.Ordinal)];
            var range = (await collection.Where(p => ids.Contains(p.StixId)).GroupBy(p => p.StixId)
                .Select(g => new { g.Key, MinVersion = g.Min(p => p.Version), MaxVersion = g.Max(p => p.Version), MinSequence = g.Min(p => p.Sequence), MaxSequence = g.Max(p => p.Sequence) })
                .ToListAsync(ct)).ToDictionary(r => r.Key, StringComparer.Ordinal);
            foreach (var row in candidates)
            {
                var r = range[row.StixId]; // the row itself is in the collection
                bool observable = row.Version.StartsWith("sco:", StringComparison.Ordinal);
                bool first = observable ? row.Sequence == r.MinSequence : row.Version == r.MinVersion;
                bool last = observable ? row.Sequence == r.MaxSequence : row.Version == r.MaxVersion;
                if (Versions.Any(v => v switch
                {
                    VersionMatch.First => first,
                    VersionMatch.Last => last,
                    VersionMatch.At at => row.Version == at.Sortable || (observable && DateTime.SpecifyKind(row.AddedAt, DateTimeKind.Utc) == at.Added),
                    _ => false,
                }))
                {
                    kept.Add(row);
                }
            }
            after = candidates[^1].Sequence ?? after;
            if (candidates.Count < batch)
            {
                break;
            }
        }
        return kept.Count > take ? kept[..take] : kept;
    }

    /// <summary>One page (and one more row, to tell whether there is more) of the filtered query.</summary>
    public Task<List<StoredObject>> PageAsync(IQueryable<StoredObject> filtered, IQueryable<StoredObject> collection, CancellationToken ct) =>
        SelectAsync(filtered, collection, Limit + 1, ct);

    private static Expression<Func<StoredObject, bool>> AtPredicate(string sortable, DateTime added) =>
        o => o.Version == sortable || (o.Version.StartsWith("sco:") && o.AddedAt == added);

    private static Expression<Func<StoredObject, bool>> Or(IEnumerable<Expression<Func<StoredObject, bool>>> parts)
    {
        var o = Expression.Parameter(typeof(StoredObject), "o");
        var body = parts.Select(p => new Rebind(p.Parameters[0], o).Visit(p.Body)).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<StoredObject, bool>>(body, o);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private static string? Single(IQueryCollection query, string name, List<TaxiiErrorDetail> errors)
    {
        if (!query.TryGetValue(name, out StringValues values))
        {
            return null;
        }
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            errors.Add(new("$." + name, "give it once, with a value"));
            return null;
        }
        return values[0];
    }

    /// <summary>Comma-separated values (several mean any of them).</summary>
    private static List<string>? List(IQueryCollection query, string name, List<TaxiiErrorDetail> errors)
    {
        if (Single(query, name, errors) is not { } text)
        {
            return null;
        }
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Any(string.IsNullOrEmpty))
        {
            errors.Add(new("$." + name, "an empty value in the list"));
            return null;
        }
        return [.. items.Distinct(StringComparer.Ordinal)];
    }

    private static string FingerprintOf(string scope, IReadOnlyList<string>? ids, IReadOnlyList<string>? types, IReadOnlyList<string>? specs,
        IReadOnlyList<VersionMatch> versions, DateTime? addedAfter)
    {
        string Join(IEnumerable<string>? items) => items is null ? "-" : string.Join(",", items.Order(StringComparer.Ordinal));
        string text = string.Join("|", scope, Join(ids), Join(types), Join(specs),
            Join(versions.Select(v => v is VersionMatch.At at ? at.Sortable : v.GetType().Name)),
            addedAfter?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 9));
    }

    private static bool TryReadNext(string next, out long after, out string fingerprint)
    {
        after = 0;
        fingerprint = "";
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(next);
        }
        catch (FormatException)
        {
            return false;
        }
        string text = Encoding.ASCII.GetString(bytes);
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 1 || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return false;
        }
        fingerprint = text[(dot + 1)..];
        return true;
    }
}

/// <summary>How the TAXII resources write times and versions.</summary>
internal static class TaxiiTime
{
    /// <summary><c>date_added</c>: UTC to the microsecond, as stored.</summary>
    public static string DateAdded(DateTime addedAt) =>
        DateTime.SpecifyKind(addedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The object's version as it states it (<c>modified</c>, else <c>created</c>); an observable's version is its <c>date_added</c>.</summary>
    public static string VersionOf(string json, DateTime addedAt)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        string? created = null;
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool modified = reader.ValueTextEquals("modified"u8);
                bool isCreated = reader.ValueTextEquals("created"u8);
                reader.Read();
                if (modified && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString()!; // a string token has text
                }
                if (isCreated && reader.TokenType == JsonTokenType.String)
                {
                    created = reader.GetString();
                }
                reader.Skip();
            }
        }
        return created ?? DateAdded(addedAt);
    }
}
