using System.Globalization;
using ThreatShare.Core.Lookup;
using ThreatShare.Core.Trust;
using ThreatShare.Stix;

namespace ThreatShare.Core.Exports;

/// <summary>One problem of an export request: which parameter and what is wrong.</summary>
/// <param name="Parameter">The query parameter.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ExportFilterError(string Parameter, string Message);

/// <summary>
/// What an export selects, beyond what the caller may receive: channels, observable kinds, a TLP
/// ceiling, <c>added_after</c>, minimum confidence, minimum sighting organizations, and whether
/// revoked and expired indicators are included (by default they are not).
/// </summary>
/// <param name="Channels">Only these channels (null: all).</param>
/// <param name="Types">Only indicators naming values of these kinds, and only those values (null: all).</param>
/// <param name="TlpCeiling">Only levels up to this one.</param>
/// <param name="AddedAfter">Only versions stored after this instant (UTC).</param>
/// <param name="MinConfidence">Only indicators whose <c>confidence</c> is at least this (indicators without one are left out).</param>
/// <param name="MinSightingOrganizations">Only indicators sighted by at least this many organizations.</param>
/// <param name="IncludeRevoked">Include revoked indicators.</param>
/// <param name="IncludeExpired">Include indicators whose <c>valid_until</c> has passed.</param>
public sealed record ExportFilter(
    IReadOnlyList<string>? Channels = null,
    IReadOnlyList<ObservableKind>? Types = null,
    Tlp? TlpCeiling = null,
    DateTime? AddedAfter = null,
    int? MinConfidence = null,
    int? MinSightingOrganizations = null,
    bool IncludeRevoked = false,
    bool IncludeExpired = false)
{
    /// <summary>The query parameters an export understands.</summary>
    public static IReadOnlyList<string> Parameters { get; } =
        ["channel", "type", "tlp", "added_after", "min_confidence", "min_sightings", "include_revoked", "include_expired"];

    /// <summary>
    /// Reads the filter from query parameters (each may repeat; <c>channel</c> and <c>type</c> also take
    /// comma-separated lists). Unknown parameters and bad values are errors, all reported at once.
    /// </summary>
    public static ExportFilter? Parse(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> query, out IReadOnlyList<ExportFilterError> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<ExportFilterError>();
        List<string>? channels = null;
        List<ObservableKind>? types = null;
        Tlp? ceiling = null;
        DateTime? addedAfter = null;
        int? minConfidence = null, minSightings = null;
        bool revoked = false, expired = false;
        foreach (var (name, values) in query)
        {
            if (name is not ("channel" or "type") && values.Count > 1)
            {
                problems.Add(new(name, "give it once"));
                continue;
            }
            string first = values.Count > 0 ? values[0] : "";
            switch (name)
            {
                case "channel":
                    channels ??= [];
                    foreach (string c in Items(values))
                    {
                        if (Channel.TryParse(c, out var channel))
                        {
                            channels.Add(channel.Name);
                        }
                        else
                        {
                            problems.Add(new(name, $"'{Clip(c)}' is not a channel: sector:<slug>, cross-sector or national"));
                        }
                    }
                    break;
                case "type":
                    types ??= [];
                    foreach (string t in Items(values))
                    {
                        if (Observables.TryParseKind(t, out var kind))
                        {
                            types.Add(kind);
                        }
                        else
                        {
                            problems.Add(new(name, $"'{Clip(t)}' is not a type: ipv4, ipv6, domain, url, md5, sha1, sha256, sha512 or email"));
                        }
                    }
                    break;
                case "tlp":
                    if (TlpNames.TryParse(first, out var tlp))
                    {
                        ceiling = tlp;
                    }
                    else
                    {
                        problems.Add(new(name, "the highest level to include: clear, green, amber, amber+strict or red (a '+' in a URL query is written %2B)"));
                    }
                    break;
                case "added_after":
                    if (StixTimestamp.TryParse(first, out var at))
                    {
                        addedAfter = at.UtcDateTime;
                    }
                    else
                    {
                        problems.Add(new(name, "an RFC 3339 timestamp in UTC, such as 2026-11-01T00:00:00Z"));
                    }
                    break;
                case "min_confidence":
                    minConfidence = Number(name, first, 0, 100, problems);
                    break;
                case "min_sightings":
                    minSightings = Number(name, first, 0, 1_000_000, problems);
                    break;
                case "include_revoked":
                    revoked = Flag(name, first, problems);
                    break;
                case "include_expired":
                    expired = Flag(name, first, problems);
                    break;
                default:
                    problems.Add(new(name, $"unknown parameter; the filters are {string.Join(", ", Parameters)}"));
                    break;
            }
        }
        errors = problems;
        if (problems.Count > 0)
        {
            return null;
        }
        return new ExportFilter(
            channels?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            types?.Distinct().Order().ToList(),
            ceiling, addedAfter, minConfidence, minSightings, revoked, expired);
    }

    /// <summary>The filter in one canonical line (for the entity tag and the audit record).</summary>
    public string Canonical() => string.Join('&', Describe().Select(p => p.Key + "=" + p.Value));

    /// <summary>The filter as name and value pairs, only what was set.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe()
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (Channels is not null)
        {
            pairs.Add(new("channel", string.Join(',', Channels)));
        }
        if (Types is not null)
        {
            pairs.Add(new("type", string.Join(',', Types.Select(t => t.Name()))));
        }
        if (TlpCeiling is { } tlp)
        {
            pairs.Add(new("tlp", tlp.ToName()));
        }
        if (AddedAfter is { } after)
        {
            pairs.Add(new("added_after", after.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)));
        }
        if (MinConfidence is { } confidence)
        {
            pairs.Add(new("min_confidence", confidence.ToString(CultureInfo.InvariantCulture)));
        }
        if (MinSightingOrganizations is { } sightings)
        {
            pairs.Add(new("min_sightings", sightings.ToString(CultureInfo.InvariantCulture)));
        }
        if (IncludeRevoked)
        {
            pairs.Add(new("include_revoked", "true"));
        }
        if (IncludeExpired)
        {
            pairs.Add(new("include_expired", "true"));
        }
        return pairs;
    }

    /// <summary>True when the kind passes the <see cref="Types"/> filter.</summary>
    public bool Includes(ObservableKind kind) => Types is null || Types.Contains(kind);

    private static IEnumerable<string> Items(IReadOnlyList<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static int? Number(string name, string text, int min, int max, List<ExportFilterError> problems)
    {
        if (text.Length is > 0 and <= 7 && text.All(char.IsAsciiDigit) && int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is var n && n >= min && n <= max)
        {
            return n;
        }
        problems.Add(new(name, $"a whole number from {min} to {max:N0}"));
        return null;
    }

    private static bool Flag(string name, string text, List<ExportFilterError> problems)
    {
        switch (text)
        {
            case "true": return true;
            case "false": return false;
            default:
                problems.Add(new(name, "true or false"));
                return false;
        }
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
