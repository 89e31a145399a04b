using System.Security.Cryptography;

namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits), computed the way an authenticator app does.</summary>
public static class Totp
{
    public static string Code(string base32Secret, DateTimeOffset at)
    {
        byte[] key = Base32(base32Secret);
        long counter = at.ToUnixTimeSeconds() / 30;
        byte[] message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this is what they compute.
        byte[] hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        int offset = hash[^1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (char c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
