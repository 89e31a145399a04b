using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ThreatShare.Stix.Patterns;

/// <summary>An IPv4 or IPv6 address with a prefix length (a single address has the full length).</summary>
internal readonly record struct IpPrefix(bool IsV6, UInt128 Address, int PrefixLength)
{
    public int MaxLength => IsV6 ? 128 : 32;

    /// <summary>
    /// Parses <c>a.b.c.d</c>, <c>a.b.c.d/n</c>, an IPv6 address, or <c>ipv6/n</c>. IPv4 must be four dotted decimal
    /// parts (the lenient forms <c>127.1</c> or hexadecimal parts are refused).
    /// </summary>
    public static bool TryParse(string text, out IpPrefix prefix)
    {
        prefix = default;
        var span = text.AsSpan();
        int slash = span.IndexOf('/');
        var addressPart = slash < 0 ? span : span[..slash];
        bool v6 = addressPart.Contains(':');
        if (!v6 && !IsDottedQuad(addressPart))
        {
            return false;
        }
        if (addressPart.Contains('%') || !IPAddress.TryParse(addressPart, out var address))
        {
            return false;
        }
        if (v6 != (address.AddressFamily == AddressFamily.InterNetworkV6))
        {
            return false;
        }
        int max = v6 ? 128 : 32;
        int length = max;
        if (slash >= 0)
        {
            var lengthPart = span[(slash + 1)..];
            if (lengthPart.Length is 0 or > 3 || (lengthPart.Length > 1 && lengthPart[0] == '0'))
            {
                return false;
            }
            foreach (char c in lengthPart)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }
            length = int.Parse(lengthPart, NumberStyles.None, CultureInfo.InvariantCulture);
            if (length > max)
            {
                return false;
            }
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int written);
        UInt128 value = 0;
        for (int i = 0; i < written; i++)
        {
            value = (value << 8) | bytes[i];
        }
        prefix = new IpPrefix(v6, value, length);
        return true;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> s)
    {
        int parts = 0;
        foreach (var range in s.Split('.'))
        {
            var part = s[range];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }
            foreach (char c in part)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }
            if (int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
            parts++;
        }
        return parts == 4;
    }

    private UInt128 Mask(int length)
    {
        if (length == 0)
        {
            return 0;
        }
        UInt128 all = IsV6 ? UInt128.MaxValue : uint.MaxValue;
        return all & ~((UInt128.One << (MaxLength - length)) - 1) & all;
    }

    /// <summary>True when every address of this prefix lies inside <paramref name="other"/>.</summary>
    public bool IsSubsetOf(IpPrefix other)
    {
        if (IsV6 != other.IsV6 || PrefixLength < other.PrefixLength)
        {
            return false;
        }
        var mask = Mask(other.PrefixLength);
        return (Address & mask) == (other.Address & mask);
    }

    /// <summary>The text without a redundant full-length prefix, e.g. <c>198.51.100.1/32</c> gives <c>198.51.100.1</c>.</summary>
    public bool IsSingleAddress => PrefixLength == MaxLength;
}
