using System.Diagnostics.CodeAnalysis;
using ThreatShare.Core.Lookup;

namespace ThreatShare.Core.Exports;

/// <summary>The export formats.</summary>
public enum ExportFormat
{
    /// <summary>A STIX 2.1 bundle of the indicators.</summary>
    Stix,

    /// <summary>CSV, one row per observable value of each indicator.</summary>
    Csv,

    /// <summary>Suricata rules: IP, DNS query, TLS SNI, HTTP host and URL, file hashes through hash lists.</summary>
    Suricata,

    /// <summary>A DNS response-policy zone (RPZ) of the domains.</summary>
    Rpz,

    /// <summary>Block list: IPv4 addresses and CIDR ranges.</summary>
    Ipv4,

    /// <summary>Block list: IPv6 addresses and CIDR ranges.</summary>
    Ipv6,

    /// <summary>Block list: domain names.</summary>
    Domains,

    /// <summary>Block list: URLs.</summary>
    Urls,

    /// <summary>Block list: MD5 hashes.</summary>
    Md5,

    /// <summary>Block list: SHA-1 hashes.</summary>
    Sha1,

    /// <summary>Block list: SHA-256 hashes.</summary>
    Sha256,

    /// <summary>Block list: SHA-512 hashes.</summary>
    Sha512,
}

/// <summary>Names, media types and kinds of the export formats.</summary>
public static class ExportFormats
{
    private static readonly Dictionary<string, ExportFormat> ByName = Enum.GetValues<ExportFormat>().ToDictionary(f => f.Name(), StringComparer.Ordinal);

    /// <summary>Every format's name, as in <c>/api/v1/exports/{format}</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ExportFormat>().Select(f => f.Name())];

    /// <summary>The format's name.</summary>
    public static string Name(this ExportFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Parses a format name (exact, lowercase).</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out ExportFormat format)
    {
        format = default;
        return name is not null && ByName.TryGetValue(name, out format);
    }

    /// <summary>The media type of the response.</summary>
    public static string MediaType(this ExportFormat format) => format switch
    {
        ExportFormat.Stix => "application/stix+json;version=2.1",
        ExportFormat.Csv => "text/csv; charset=utf-8; header=present",
        _ => "text/plain; charset=utf-8",
    };

    /// <summary>The file name a download suggests.</summary>
    public static string FileName(this ExportFormat format) => format switch
    {
        ExportFormat.Stix => "threatshare.json",
        ExportFormat.Csv => "threatshare.csv",
        ExportFormat.Suricata => "threatshare.rules",
        ExportFormat.Rpz => "threatshare.rpz",
        _ => $"threatshare-{format.Name()}.txt",
    };

    /// <summary>The one observable kind of a block list (and of RPZ: domains); null for the formats that carry every kind.</summary>
    public static ObservableKind? BlockKind(this ExportFormat format) => format switch
    {
        ExportFormat.Ipv4 => ObservableKind.Ipv4,
        ExportFormat.Ipv6 => ObservableKind.Ipv6,
        ExportFormat.Domains or ExportFormat.Rpz => ObservableKind.Domain,
        ExportFormat.Urls => ObservableKind.Url,
        ExportFormat.Md5 => ObservableKind.Md5,
        ExportFormat.Sha1 => ObservableKind.Sha1,
        ExportFormat.Sha256 => ObservableKind.Sha256,
        ExportFormat.Sha512 => ObservableKind.Sha512,
        _ => null,
    };

    /// <summary>
    /// True for the formats that tell the receiver to block or alert (block lists, RPZ, rules): they never
    /// carry a value of the warning lists. STIX and CSV describe what was shared and keep every value.
    /// </summary>
    public static bool Blocks(this ExportFormat format) => format is not (ExportFormat.Stix or ExportFormat.Csv);
}
