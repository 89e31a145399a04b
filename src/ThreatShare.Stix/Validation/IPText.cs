using System.Net;
using System.Net.Sockets;

namespace ThreatShare.Stix.Validation;

/// <summary>Strict textual forms of IP addresses and CIDR blocks as STIX writes them.</summary>
internal static class IPText
{
    /// <summary>Dotted decimal with exactly four parts of 0–255 (no leading zeros), optionally <c>/0</c>–<c>/32</c>.</summary>
    public static bool IsIPv4OrCidr(ReadOnlySpan<char> text)
    {
        if (!SplitPrefix(ref text, 32))
        {
            return false;
        }
        int parts = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (++parts > 4 || part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !IsDigits(part) || int.Parse(part, provider: null) > 255)
            {
                return false;
            }
        }
        return parts == 4;
    }

    /// <summary>Any RFC 4291 text form without a zone, optionally <c>/0</c>–<c>/128</c>.</summary>
    public static bool IsIPv6OrCidr(ReadOnlySpan<char> text) =>
        SplitPrefix(ref text, 128) && text.Contains(':') && !text.Contains('%')
        && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>Removes a valid <c>/n</c> suffix (n ≤ <paramref name="max"/>); false when the suffix is malformed.</summary>
    private static bool SplitPrefix(ref ReadOnlySpan<char> text, int max)
    {
        int slash = text.IndexOf('/');
        if (slash < 0)
        {
            return true;
        }
        var prefix = text[(slash + 1)..];
        text = text[..slash];
        return prefix.Length is > 0 and <= 3 && IsDigits(prefix) && (prefix.Length == 1 || prefix[0] != '0') && int.Parse(prefix, provider: null) <= max;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
