using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ThreatShare.Stix;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Core.Lookup;

/// <summary>The kinds of values the lookup index knows.</summary>
public enum ObservableKind
{
    /// <summary>An IPv4 address or CIDR range.</summary>
    Ipv4,

    /// <summary>An IPv6 address or CIDR range.</summary>
    Ipv6,

    /// <summary>A domain name.</summary>
    Domain,

    /// <summary>A URL.</summary>
    Url,

    /// <summary>An MD5 file hash.</summary>
    Md5,

    /// <summary>A SHA-1 file hash.</summary>
    Sha1,

    /// <summary>A SHA-256 file hash.</summary>
    Sha256,

    /// <summary>A SHA-512 file hash.</summary>
    Sha512,

    /// <summary>An e-mail address.</summary>
    Email,
}

/// <summary>How a lookup value matched an index entry.</summary>
public enum MatchKind
{
    /// <summary>The same value.</summary>
    Exact,

    /// <summary>The indicator names a parent domain of the value.</summary>
    Parent,

    /// <summary>The indicator names a CIDR range that contains the value.</summary>
    Range,
}

/// <summary>A normalized value: its kind, its canonical text and, for an address range, its prefix length.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Value">Canonical text (a range in network form with its prefix, e.g. <c>45.155.0.0/16</c>).</param>
/// <param name="PrefixLength">The prefix length of a range; null for a single value (an address is not a range).</param>
public sealed record Observable(ObservableKind Kind, string Value, int? PrefixLength = null)
{
    /// <summary>The index term: kind and canonical value in one string, compared with plain equality.</summary>
    public string Term => Observables.Term(Kind, Value);
}

/// <summary>
/// Normalization of observable values, the same at index time and at lookup: lower-case domains,
/// hashes and e-mail addresses, canonical address text (ranges in network form), URLs with lower-case
/// scheme and host. Also detects the kind of a value given without one, and extracts the values of a
/// STIX object (an indicator's pattern, or an observable's own value).
/// </summary>
public static class Observables
{
    /// <summary>The longest value that is indexed or looked up (a B-tree key must stay well under a page).</summary>
    public const int MaxValueLength = 2000;

    private static readonly Dictionary<string, ObservableKind> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ipv4"] = ObservableKind.Ipv4, ["ipv4-addr"] = ObservableKind.Ipv4,
        ["ipv6"] = ObservableKind.Ipv6, ["ipv6-addr"] = ObservableKind.Ipv6,
        ["domain"] = ObservableKind.Domain, ["domain-name"] = ObservableKind.Domain,
        ["url"] = ObservableKind.Url,
        ["md5"] = ObservableKind.Md5,
        ["sha1"] = ObservableKind.Sha1, ["sha-1"] = ObservableKind.Sha1,
        ["sha256"] = ObservableKind.Sha256, ["sha-256"] = ObservableKind.Sha256,
        ["sha512"] = ObservableKind.Sha512, ["sha-512"] = ObservableKind.Sha512,
        ["email"] = ObservableKind.Email, ["email-addr"] = ObservableKind.Email,
    };

    /// <summary>The names <c>type=</c> accepts.</summary>
    public static IReadOnlyCollection<string> TypeNames => KindNames.Keys;

    /// <summary>The wire name of a kind (<c>ipv4</c>, <c>sha256</c>, …).</summary>
    public static string Name(this ObservableKind kind) => kind switch
    {
        ObservableKind.Ipv4 => "ipv4",
        ObservableKind.Ipv6 => "ipv6",
        ObservableKind.Domain => "domain",
        ObservableKind.Url => "url",
        ObservableKind.Md5 => "md5",
        ObservableKind.Sha1 => "sha1",
        ObservableKind.Sha256 => "sha256",
        ObservableKind.Sha512 => "sha512",
        ObservableKind.Email => "email",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The wire name of a match kind.</summary>
    public static string Name(this MatchKind match) => match switch
    {
        MatchKind.Exact => "exact",
        MatchKind.Parent => "parent",
        MatchKind.Range => "range",
        _ => throw new ArgumentOutOfRangeException(nameof(match)),
    };

    /// <summary>Reads a <c>type=</c> name (ours or the STIX type / hash algorithm name).</summary>
    public static bool TryParseKind(string? name, out ObservableKind kind)
    {
        kind = default;
        return name is not null && KindNames.TryGetValue(name, out kind);
    }

    /// <summary>The index term of a canonical value.</summary>
    public static string Term(ObservableKind kind, string canonical) => kind.Name() + ":" + canonical;

    /// <summary>Normalizes a value of a known kind; null when it is not a valid value of that kind.</summary>
    public static Observable? Normalize(ObservableKind kind, string? value)
    {
        if (value is null)
        {
            return null;
        }
        value = value.Trim();
        if (value.Length is 0 or > MaxValueLength)
        {
            return null;
        }
        return kind switch
        {
            ObservableKind.Ipv4 or ObservableKind.Ipv6 => NormalizeAddress(kind, value),
            ObservableKind.Domain => NormalizeDomain(value) is { } d ? new Observable(kind, d) : null,
            ObservableKind.Url => NormalizeUrl(value) is { } u ? new Observable(kind, u) : null,
            ObservableKind.Md5 => Hex(value, 32) ? new Observable(kind, value.ToLowerInvariant()) : null,
            ObservableKind.Sha1 => Hex(value, 40) ? new Observable(kind, value.ToLowerInvariant()) : null,
            ObservableKind.Sha256 => Hex(value, 64) ? new Observable(kind, value.ToLowerInvariant()) : null,
            ObservableKind.Sha512 => Hex(value, 128) ? new Observable(kind, value.ToLowerInvariant()) : null,
            ObservableKind.Email => NormalizeEmail(value) is { } e ? new Observable(kind, e) : null,
            _ => null,
        };
    }

    /// <summary>Detects the kind of a value and normalizes it; null when it is none of the known kinds.</summary>
    public static Observable? Detect(string? value)
    {
        if (value is null)
        {
            return null;
        }
        string v = value.Trim();
        if (v.Contains("://", StringComparison.Ordinal))
        {
            return Normalize(ObservableKind.Url, v);
        }
        if (v.Contains('@', StringComparison.Ordinal))
        {
            return Normalize(ObservableKind.Email, v);
        }
        if (v.Length > 0 && char.IsAsciiDigit(v[0]) && Normalize(ObservableKind.Ipv4, v) is { } v4)
        {
            return v4;
        }
        if (v.Contains(':', StringComparison.Ordinal))
        {
            return Normalize(ObservableKind.Ipv6, v);
        }
        var hash = v.Length switch
        {
            32 => ObservableKind.Md5,
            40 => ObservableKind.Sha1,
            64 => ObservableKind.Sha256,
            128 => ObservableKind.Sha512,
            _ => (ObservableKind?)null,
        };
        if (hash is { } h && Normalize(h, v) is { } hashed)
        {
            return hashed;
        }
        return Normalize(ObservableKind.Domain, v);
    }

    /// <summary>
    /// The terms to look for and how each matches: the value itself (exact), for an address the
    /// network containing it at each range length that occurs in the index (<paramref name="rangeLengths"/>,
    /// per family), for a domain each parent down to, not including, the top-level domain.
    /// </summary>
    public static IEnumerable<(string Term, MatchKind Match, string MatchedValue)> Probes(Observable value, IReadOnlyDictionary<ObservableKind, int[]> rangeLengths)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(rangeLengths);
        yield return (value.Term, MatchKind.Exact, value.Value);
        if (value.Kind is ObservableKind.Ipv4 or ObservableKind.Ipv6 && rangeLengths.TryGetValue(value.Kind, out var lengths))
        {
            int max = value.Kind == ObservableKind.Ipv4 ? 32 : 128;
            int own = value.PrefixLength ?? max;
            string address = value.PrefixLength is null ? value.Value : value.Value[..value.Value.IndexOf('/', StringComparison.Ordinal)];
            var bytes = IPAddress.Parse(address).GetAddressBytes();
            foreach (int length in lengths)
            {
                if (length < own)
                {
                    string network = Network(bytes, length) + "/" + length.ToString(CultureInfo.InvariantCulture);
                    yield return (Term(value.Kind, network), MatchKind.Range, network);
                }
            }
        }
        else if (value.Kind == ObservableKind.Domain)
        {
            string name = value.Value;
            for (int dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', StringComparison.Ordinal))
            {
                name = name[(dot + 1)..];
                if (!name.Contains('.', StringComparison.Ordinal))
                {
                    break; // the top-level domain alone is never a match
                }
                yield return (Term(ObservableKind.Domain, name), MatchKind.Parent, name);
            }
        }
    }

    /// <summary>
    /// The values a STIX object names, for the index: an indicator's STIX pattern (exact values and
    /// CIDR ranges of the supported kinds; LIKE and MATCHES are not lookups), or an observable's own
    /// value (addresses, domain, URL, e-mail address, file and artifact hashes).
    /// </summary>
    public static IReadOnlyList<Observable> Of(StixObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var found = new List<Observable>();
        switch (obj)
        {
            case ThreatShare.Stix.Indicator { PatternType: "stix" } indicator:
                var parsed = StixPatternParser.Parse(indicator.Pattern);
                if (parsed.Pattern is { } pattern)
                {
                    foreach (var o in pattern.ExtractObservables())
                    {
                        if (o.Kind is PatternObservableKind.Exact or PatternObservableKind.Cidr && FromPattern(o) is { } value)
                        {
                            found.Add(value);
                        }
                    }
                }
                break;
            case IPv4Address a:
                Add(found, ObservableKind.Ipv4, a.Value);
                break;
            case IPv6Address a:
                Add(found, ObservableKind.Ipv6, a.Value);
                break;
            case DomainName d:
                Add(found, ObservableKind.Domain, d.Value);
                break;
            case Url u:
                Add(found, ObservableKind.Url, u.Value);
                break;
            case EmailAddress e:
                Add(found, ObservableKind.Email, e.Value);
                break;
            case StixFile f:
                AddHashes(found, f.Hashes);
                break;
            case Artifact a:
                AddHashes(found, a.Hashes);
                break;
        }
        return [.. found.DistinctBy(o => o.Term, StringComparer.Ordinal)];
    }

    private static Observable? FromPattern(PatternObservable o)
    {
        ObservableKind? kind = (o.ObjectType, o.Path) switch
        {
            ("ipv4-addr", "value") => ObservableKind.Ipv4,
            ("ipv6-addr", "value") => ObservableKind.Ipv6,
            ("domain-name", "value") => ObservableKind.Domain,
            ("url", "value") => ObservableKind.Url,
            ("email-addr", "value") => ObservableKind.Email,
            ("file" or "artifact", _) when o.Path.StartsWith("hashes.", StringComparison.Ordinal) => HashKind(o.Path["hashes.".Length..]),
            _ => null,
        };
        return kind is { } k ? Normalize(k, o.Value) : null;
    }

    private static void Add(List<Observable> found, ObservableKind kind, string value)
    {
        if (Normalize(kind, value) is { } o)
        {
            found.Add(o);
        }
    }

    private static void AddHashes(List<Observable> found, IReadOnlyDictionary<string, string>? hashes)
    {
        foreach (var (algorithm, digest) in hashes ?? new Dictionary<string, string>())
        {
            if (HashKind(algorithm) is { } kind)
            {
                Add(found, kind, digest);
            }
        }
    }

    private static ObservableKind? HashKind(string algorithm) =>
        algorithm.Trim('\'').Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "MD5" => ObservableKind.Md5,
            "SHA1" => ObservableKind.Sha1,
            "SHA256" => ObservableKind.Sha256,
            "SHA512" => ObservableKind.Sha512,
            _ => null,
        };

    private static Observable? NormalizeAddress(ObservableKind kind, string value)
    {
        bool v6 = kind == ObservableKind.Ipv6;
        int slash = value.IndexOf('/', StringComparison.Ordinal);
        string address = slash < 0 ? value : value[..slash];
        if (address.Contains('%', StringComparison.Ordinal) || (!v6 && !IsDottedQuad(address)) || !IPAddress.TryParse(address, out var ip)
            || ip.AddressFamily != (v6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork))
        {
            return null;
        }
        int max = v6 ? 128 : 32;
        int length = max;
        if (slash >= 0)
        {
            string digits = value[(slash + 1)..];
            if (digits.Length is 0 or > 3 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > max)
            {
                return null;
            }
        }
        var bytes = ip.GetAddressBytes();
        if (length == max)
        {
            return new Observable(kind, new IPAddress(bytes).ToString());
        }
        return new Observable(kind, Network(bytes, length) + "/" + length.ToString(CultureInfo.InvariantCulture), length);
    }

    /// <summary>The canonical text of the network of <paramref name="length"/> bits containing the address.</summary>
    private static string Network(byte[] address, int length)
    {
        var bytes = (byte[])address.Clone();
        for (int i = 0; i < bytes.Length; i++)
        {
            int keep = Math.Clamp(length - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes).ToString();
    }

    private static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0') && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    private static bool Hex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigit);

    private static string? NormalizeDomain(string value)
    {
        string name = value.TrimEnd('.').ToLowerInvariant();
        if (name.Length is 0 or > 253)
        {
            return null;
        }
        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            return null;
        }
        foreach (string label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return null;
            }
        }
        // A name of digits only at the end is an address, not a domain.
        return labels[^1].All(char.IsAsciiDigit) ? null : name;
    }

    private static string? NormalizeUrl(string value)
    {
        int scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || !value[..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') || value.Any(char.IsWhiteSpace))
        {
            return null;
        }
        int start = scheme + 3;
        int end = value.IndexOfAny(['/', '?', '#'], start);
        string authority = end < 0 ? value[start..] : value[start..end];
        if (authority.Length == 0)
        {
            return null;
        }
        // Scheme and host are case-insensitive; the path, query and fragment are not.
        int at = authority.LastIndexOf('@');
        string host = at < 0 ? authority.ToLowerInvariant() : authority[..(at + 1)] + authority[(at + 1)..].ToLowerInvariant();
        string rest = end < 0 ? "/" : value[end..];
        if (rest[0] != '/')
        {
            rest = "/" + rest;
        }
        return value[..scheme].ToLowerInvariant() + "://" + host + rest;
    }

    private static string? NormalizeEmail(string value)
    {
        int at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || value.Any(char.IsWhiteSpace) || value.Count(c => c == '@') != 1)
        {
            return null;
        }
        return NormalizeDomain(value[(at + 1)..]) is { } domain ? value[..at].ToLowerInvariant() + "@" + domain : null;
    }
}
