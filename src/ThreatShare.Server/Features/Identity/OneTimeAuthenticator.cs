using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Features.Identity;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, one step of clock drift
/// either way) that are accepted once: a code, or an older one, is refused after a newer or the same
/// time step was used (RFC 6238, section 5.2), so a code seen over a shoulder or in a proxy log
/// cannot be replayed. Two concurrent uses of one code race on the user's concurrency stamp; one loses.
/// </summary>
internal sealed class OneTimeAuthenticator(TimeProvider time) : IUserTwoFactorTokenProvider<UserAccount>
{
    public const int StepSeconds = 30;

    /// <summary>Codes come from the user's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<UserAccount> manager, UserAccount user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<UserAccount> manager, UserAccount user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<UserAccount> manager, UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        string code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        string? key = await manager.GetAuthenticatorKeyAsync(user);
        if (key is null || code.Length != 6 || !code.All(char.IsAsciiDigit) || !TryBase32(key, out byte[] secret))
        {
            return false;
        }
        long now = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (long step = now - 1; step <= now + 1; step++)
        {
            if (step > (user.LastTotpStep ?? long.MinValue) && CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                user.LastTotpStep = step;
                return (await manager.UpdateAsync(user)).Succeeded;
            }
        }
        return false;
    }

    /// <summary>The code of a time step (RFC 4226 dynamic truncation).</summary>
    internal static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps compute HMAC-SHA1; the key, not the hash, carries the strength.
        byte[] hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        int offset = hash[^1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static bool TryBase32(string text, out byte[] bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (char c in text.TrimEnd('=').ToUpperInvariant())
        {
            int value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                bytes = [];
                return false;
            }
            buffer = ((buffer << 5) | value) & 0xFFF; // at most 12 bits are pending
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        bytes = [.. output];
        return bytes.Length > 0;
    }
}
