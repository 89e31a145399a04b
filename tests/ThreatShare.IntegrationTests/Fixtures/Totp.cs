using System.Security.Cryptography;

namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits), computed the way an authenticator app does.</summary>
public static class Totp
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastStep = new(StringComparer.Ordinal);

    /// <summary>
    /// A code the server has not accepted yet: the server takes each time step once, so a second
    /// sign-in within 30 seconds uses the next step (inside the one-step drift the server allows),
    /// or waits for the clock.
    /// </summary>
    public static async Task<string> FreshCodeAsync(string base32Secret)
    {
        while (true)
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            long last = LastStep.GetOrAdd(base32Secret, long.MinValue);
            long step = Math.Max(now, last == long.MinValue ? now : last + 1);
            if (step <= now + 1)
            {
                if (LastStep.TryUpdate(base32Secret, step, last))
                {
                    return Code(base32Secret, DateTimeOffset.FromUnixTimeSeconds(step * 30));
                }
                continue;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

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
