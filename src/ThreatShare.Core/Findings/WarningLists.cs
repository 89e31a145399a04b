using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Findings;

/// <summary>
/// The warning lists, compiled for lookups: address ranges (IPv4 and IPv6 CIDR), public resolvers,
/// benign domains (each covers its subdomains) and hashes of the empty file. A hit is a finding, never
/// a rejection. Shipped as editable data (<c>default-warning-lists.json</c>), kept in the store and
/// administered by the directorate.
/// </summary>
public sealed class WarningLists
{
    /// <summary>The list names, in the order they are shown.</summary>
    public static IReadOnlyList<string> Names { get; } = [AddressRanges, PublicResolvers, BenignDomains, EmptyFileHashes];

    /// <summary>CIDR ranges (loopback, private, link-local, multicast, reserved, documentation).</summary>
    public const string AddressRanges = "address-ranges";

    /// <summary>Addresses of well-known public DNS resolvers.</summary>
    public const string PublicResolvers = "public-resolvers";

    /// <summary>Widely used benign domains; a listed domain covers its subdomains.</summary>
    public const string BenignDomains = "benign-domains";

    /// <summary>MD5, SHA-1, SHA-256 and SHA-512 of the empty file.</summary>
    public const string EmptyFileHashes = "empty-file-hashes";

    private readonly (IPNetwork Network, string Note)[] _ranges;
    private readonly FrozenDictionary<string, string> _resolvers;
    private readonly FrozenDictionary<string, string> _domains;
    private readonly FrozenDictionary<string, string> _hashes;

    private WarningLists(IEnumerable<(string List, string Value, string Note)> entries)
    {
        var all = entries.ToList();
        _ranges = [.. all.Where(e => e.List == AddressRanges).Select(e => (IPNetwork.Parse(e.Value), e.Note))];
        _resolvers = Dictionary(all, PublicResolvers);
        _domains = Dictionary(all, BenignDomains);
        _hashes = Dictionary(all, EmptyFileHashes);
    }

    /// <summary>Compiles entries that passed <see cref="Normalize"/>.</summary>
    public static WarningLists From(IEnumerable<(string List, string Value, string Note)> entries) => new(entries);

    /// <summary>The shipped defaults.</summary>
    public static IReadOnlyList<(string List, string Value, string Note)> Defaults { get; } = LoadDefaults();

    /// <summary>
    /// The lists as the store holds them now (an edit on any node counts at the next submission).
    /// Compiled lists are kept per store and read again only when a list's <see cref="WarningList.UpdatedAt"/>
    /// changed, so a submission costs one read of the four list rows, not of every entry.
    /// </summary>
    public static async Task<WarningLists> LoadAsync(ThreatShareDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamps = await db.WarningLists.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Name, l.UpdatedAt }).ToListAsync(ct);
        string stamp = string.Join(';', stamps.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Name}={l.UpdatedAt.Ticks}")));
        string store = db.Database.GetConnectionString() ?? "";
        if (Compiled.TryGetValue(store, out var cached) && cached.Stamp == stamp)
        {
            return cached.Lists;
        }
        var rows = await db.WarningListEntries.AsNoTracking().Select(e => new { e.List, e.Value, e.Note }).ToListAsync(ct);
        var lists = new WarningLists(rows.Select(r => (r.List, r.Value, r.Note)));
        Compiled[store] = (stamp, lists);
        return lists;
    }

    private static readonly ConcurrentDictionary<string, (string Stamp, WarningLists Lists)> Compiled = new(StringComparer.Ordinal);

    /// <summary>The entry in canonical form, or null with <paramref name="error"/> when it is not a value of that list.</summary>
    public static string? Normalize(string list, string? value, out string? error)
    {
        error = null;
        string text = (value ?? "").Trim();
        switch (list)
        {
            case AddressRanges when text.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(text, out var network) && IPAddress.Parse(text.AsSpan(0, text.IndexOf('/', StringComparison.Ordinal))).Equals(network.BaseAddress):
                return network.ToString();
            case AddressRanges:
                error = "must be a CIDR range such as 10.0.0.0/8 or fc00::/7, with no bits set past the prefix";
                return null;
            case PublicResolvers when IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal):
                return address.ToString();
            case PublicResolvers:
                error = "must be an IPv4 or IPv6 address";
                return null;
            case BenignDomains when IsDomain(text):
                return text.TrimEnd('.').ToLowerInvariant();
            case BenignDomains:
                error = "must be a domain name such as example.com";
                return null;
            case EmptyFileHashes when text.Length is 32 or 40 or 64 or 128 && text.All(char.IsAsciiHexDigit):
                return text.ToLowerInvariant();
            case EmptyFileHashes:
                error = "must be an MD5, SHA-1, SHA-256 or SHA-512 hash in hexadecimal";
                return null;
            default:
                error = $"there is no warning list '{list}'";
                return null;
        }
    }

    /// <summary>Why an address is listed (a range containing it, or a resolver), or null.</summary>
    public string? OfAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (_resolvers.TryGetValue(address.ToString(), out string? resolver))
        {
            return resolver;
        }
        foreach (var (network, note) in _ranges)
        {
            if (Covers(network, address))
            {
                return $"{note} ({network})";
            }
        }
        return null;
    }

    /// <summary>Why a CIDR block is listed (it overlaps a listed range), or null.</summary>
    public string? OfRange(IPNetwork block)
    {
        foreach (var (network, note) in _ranges)
        {
            if (Covers(network, block.BaseAddress) || Covers(block, network.BaseAddress))
            {
                return $"{note} ({network})";
            }
        }
        return null;
    }

    /// <summary>
    /// True when <paramref name="address"/> is in <paramref name="network"/>, bit by bit and in the same family.
    /// (<see cref="IPNetwork.Contains"/> answers true for an IPv4-mapped address such as <c>::ffff:0:0</c> in
    /// any IPv6 network, which made every IPv6 range overlap the IPv4-mapped range.)
    /// </summary>
    private static bool Covers(IPNetwork network, IPAddress address)
    {
        if (network.BaseAddress.AddressFamily != address.AddressFamily)
        {
            return false;
        }
        byte[] net = network.BaseAddress.GetAddressBytes(), bytes = address.GetAddressBytes();
        int bits = network.PrefixLength;
        for (int i = 0; bits > 0; i++, bits -= 8)
        {
            int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((net[i] & mask) != (bytes[i] & mask))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Why a domain is listed (it or a parent domain is), or null.</summary>
    public string? OfDomain(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        string name = domain.TrimEnd('.').ToLowerInvariant();
        while (true)
        {
            if (_domains.TryGetValue(name, out string? note))
            {
                return $"{note} ({name})";
            }
            int dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                return null;
            }
            name = name[(dot + 1)..];
        }
    }

    /// <summary>Why a hash is listed, or null.</summary>
    public string? OfHash(string hash) => _hashes.GetValueOrDefault((hash ?? "").ToLowerInvariant());

    private static FrozenDictionary<string, string> Dictionary(List<(string List, string Value, string Note)> entries, string list) =>
        entries.Where(e => e.List == list).GroupBy(e => e.Value, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First().Note, StringComparer.Ordinal);

    private static bool IsDomain(string text) =>
        text.Length is > 0 and <= 253 && text.TrimEnd('.').Split('.').All(label => label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-');

    private static List<(string, string, string)> LoadDefaults()
    {
        using var stream = typeof(WarningLists).Assembly.GetManifestResourceStream("ThreatShare.Core.Findings.default-warning-lists.json")
            ?? throw new InvalidOperationException("the default warning lists are not embedded");
        using var document = JsonDocument.Parse(stream);
        var entries = new List<(string, string, string)>();
        foreach (var list in document.RootElement.EnumerateObject())
        {
            foreach (var entry in list.Value.EnumerateArray())
            {
                string value = Normalize(list.Name, entry[0].GetString(), out string? error)
                    ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"default warning list {list.Name}: {error}"));
                entries.Add((list.Name, value, entry[1].GetString() ?? ""));
            }
        }
        return entries;
    }
}
