using System.Globalization;
using System.Text;
using ThreatShare.Core.Lookup;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Exports;

/// <summary>
/// Suricata rules for exported indicators. Addresses and ranges alert on any IP traffic from
/// <c>$HOME_NET</c> to them; a domain alerts on DNS queries, TLS SNI and HTTP Host headers for it and
/// its subdomains (<c>dotprefix</c> + <c>endswith</c>); an <c>http://</c> URL alerts on its exact host and raw
/// URI; file hashes alert through one rule per algorithm that reads a hash list (the MD5, SHA-1 and
/// SHA-256 block lists, saved as <c>threatshare-md5.list</c>, … beside the rules).
/// </summary>
/// <remarks>
/// A rule's <c>sid</c> is <see cref="SidBase"/> + 4 × the key of the first index entry of that value for
/// that indicator + the rule's slot (0–2): stable across versions of the indicator, distinct for every
/// indicator and value, and never reused. Its <c>rev</c> is the indicator's version number. The hash-list
/// rules take the slots of entry key 0 (which no entry has).
/// </remarks>
public static class SuricataRules
{
    /// <summary>The first <c>sid</c> of ThreatShare rules: far above the ranges public rule sets use.</summary>
    public const long SidBase = 100_000_000;

    /// <summary>The largest <c>sid</c> Suricata accepts (an unsigned 32-bit number).</summary>
    public const long MaxSid = uint.MaxValue;

    /// <summary>The comment heading a rules export.</summary>
    public static string Header(DateTime now) => string.Create(CultureInfo.InvariantCulture,
        $"# ThreatShare Suricata rules, exported {now:yyyy-MM-dd'T'HH:mm:ss'Z'}. File hash rules read threatshare-md5.list, threatshare-sha1.list and threatshare-sha256.list (the md5, sha1 and sha256 exports).\n");

    /// <summary>The hash list file an algorithm's rule reads, or null for a kind that is not a file hash Suricata checks.</summary>
    public static string? HashList(ObservableKind kind) => kind switch
    {
        ObservableKind.Md5 => "threatshare-md5.list",
        ObservableKind.Sha1 => "threatshare-sha1.list",
        ObservableKind.Sha256 => "threatshare-sha256.list",
        _ => null,
    };

    /// <summary>The rule that alerts on files whose hash is on the algorithm's list.</summary>
    public static string HashRule(ObservableKind kind)
    {
        (string keyword, int slot) = kind switch
        {
            ObservableKind.Md5 => ("filemd5", 1),
            ObservableKind.Sha1 => ("filesha1", 2),
            ObservableKind.Sha256 => ("filesha256", 3),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a hash Suricata checks"),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"alert http any any -> any any (msg:\"ThreatShare file {kind.Name()} on hash list\"; flow:established; {keyword}:{HashList(kind)}; metadata:threatshare_list {kind.Name()}; sid:{SidBase + slot}; rev:1;)");
    }

    /// <summary>The rules for one value of an indicator (none for kinds without a rule of their own).</summary>
    public static IEnumerable<string> For(ExportIndicator indicator, ExportValue value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(value);
        long sid = SidBase + (value.FirstKey * 4);
        if (sid + 3 > MaxSid)
        {
            yield break; // past the sid space: no rule rather than a clash
        }
        string v = value.Value.Value;
        string meta = string.Create(CultureInfo.InvariantCulture,
            $"metadata:threatshare_indicator {indicator.StixId}, threatshare_tlp {indicator.Tlp.ToName()}, threatshare_channel {indicator.Channel}; ");
        string tail(int slot) => string.Create(CultureInfo.InvariantCulture, $"sid:{sid + slot}; rev:{Math.Max(indicator.Revision, 1)};)");
        switch (value.Value.Kind)
        {
            case ObservableKind.Ipv4 or ObservableKind.Ipv6:
                yield return $"alert ip $HOME_NET any -> {v} any (msg:\"ThreatShare {value.Value.Kind.Name()} {v}\"; {meta}{tail(0)}";
                break;
            case ObservableKind.Domain:
                string dotted = Content("." + v);
                yield return $"alert dns $HOME_NET any -> any any (msg:\"ThreatShare DNS query {v}\"; dns.query; dotprefix; content:\"{dotted}\"; nocase; endswith; {meta}{tail(0)}";
                yield return $"alert tls $HOME_NET any -> any any (msg:\"ThreatShare TLS SNI {v}\"; tls.sni; dotprefix; content:\"{dotted}\"; nocase; endswith; {meta}{tail(1)}";
                yield return $"alert http $HOME_NET any -> any any (msg:\"ThreatShare HTTP host {v}\"; http.host; dotprefix; content:\"{dotted}\"; endswith; {meta}{tail(2)}";
                break;
            case ObservableKind.Url when v.StartsWith("http://", StringComparison.Ordinal) && ExportValues.UrlHost(v) is { } host && !host.StartsWith('['):
                // Only plain HTTP shows its URL on the wire; the fragment never leaves the browser.
                int path = v.IndexOfAny(['/', '?', '#'], "http://".Length);
                string uri = path < 0 ? "/" : v[path..];
                int hash = uri.IndexOf('#', StringComparison.Ordinal);
                uri = hash < 0 ? uri : uri[..hash];
                if (uri.Length == 0 || uri[0] != '/')
                {
                    uri = "/" + uri;
                }
                string msg = Printable(v) ? v : "http://" + host + "/…";
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"alert http $HOME_NET any -> any any (msg:\"ThreatShare URL {msg}\"; flow:established,to_server; http.host; content:\"{Content(host)}\"; bsize:{Encoding.UTF8.GetByteCount(host)}; http.uri.raw; content:\"{Content(uri)}\"; bsize:{Encoding.UTF8.GetByteCount(uri)}; {meta}{tail(0)}");
                break;
        }
    }

    /// <summary>
    /// Text as a Suricata content string: printable ASCII as it is, except the characters the rule syntax
    /// reserves (<c>"</c>, <c>;</c>, <c>\</c>, <c>|</c>), which go in hex like every other byte.
    /// </summary>
    public static string Content(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        bool inHex = false;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            bool plain = b is >= 0x20 and < 0x7F && b is not ((byte)'"' or (byte)';' or (byte)'\\' or (byte)'|');
            if (plain)
            {
                if (inHex)
                {
                    result.Append('|');
                    inHex = false;
                }
                result.Append((char)b);
            }
            else
            {
                result.Append(inHex ? ' ' : '|');
                inHex = true;
                result.Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        if (inHex)
        {
            result.Append('|');
        }
        return result.ToString();
    }

    /// <summary>True when the text can stand in a <c>msg</c> as it is (no character the rule syntax reserves).</summary>
    private static bool Printable(string text) => text.All(c => c is >= ' ' and < '\x7f' && c is not ('"' or ';' or '\\' or '|'));
}
