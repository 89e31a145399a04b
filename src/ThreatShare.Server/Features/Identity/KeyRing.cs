using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Features.Audit;

namespace ThreatShare.Server.Features.Identity;

/// <summary>
/// The OpenID Connect server's keys, kept in the store so every node signs and validates alike.
/// At start a key older than <see cref="RotationInterval"/> gets a successor, and a directorate
/// admin can rotate at any time. A new key is published for validation at once but signs and
/// encrypts only after <see cref="KeyRingOptions.Propagation"/>, so that every node has loaded it
/// (nodes look for changes every <see cref="KeyRingOptions.CheckInterval"/>); the predecessor keeps
/// validating until <see cref="RetentionAfterRotation"/> has passed (longer than any token lives).
/// </summary>
internal sealed class KeyRing(ThreatShareDb db, TimeProvider time, KeyRingChanges changes, AfterCommit after)
{
    public static readonly TimeSpan RotationInterval = TimeSpan.FromDays(90);
    public static readonly TimeSpan RetentionAfterRotation = TimeSpan.FromDays(30);

    public const string Signing = "sig";
    public const string Encryption = "enc";

    /// <summary>Creates missing or due keys, forgets retired ones.</summary>
    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var retired = await db.SigningKeys.Where(k => k.RetireAfter != null && k.RetireAfter < now).ToListAsync(ct);
        db.SigningKeys.RemoveRange(retired);
        foreach (string use in (string[])[Signing, Encryption])
        {
            var newest = await db.SigningKeys.Where(k => k.Use == use).OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
            if (newest is null || now - newest.CreatedAt >= RotationInterval)
            {
                if (newest is not null)
                {
                    newest.RetireAfter = now + RetentionAfterRotation;
                }
                db.SigningKeys.Add(NewKey(use, now));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Starts a new key of each use now (the old ones keep validating for a while).</summary>
    public async Task RotateAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var key in await db.SigningKeys.Where(k => k.RetireAfter == null).ToListAsync(ct))
        {
            key.RetireAfter = now + RetentionAfterRotation;
        }
        db.SigningKeys.Add(NewKey(Signing, now));
        db.SigningKeys.Add(NewKey(Encryption, now));
        await db.SaveChangesAsync(ct);
        // This node publishes the new keys once they are committed; the others see them at their next check.
        await after.RunOrDeferAsync(_ => { changes.Signal(); return Task.CompletedTask; }, ct);
    }

    /// <summary>
    /// When a key starts signing or encrypting: at once when it is the first of its use, else when
    /// the propagation delay after its creation has passed.
    /// </summary>
    public static DateTime InServiceFrom(SigningKey key, IEnumerable<SigningKey> all, TimeSpan propagation) =>
        all.Any(k => k.Use == key.Use && k.CreatedAt < key.CreatedAt) ? key.CreatedAt + propagation : key.CreatedAt;

    /// <summary>
    /// The keys in the order OpenIddict uses them: keys in service newest first, then keys still
    /// propagating. The first of each use signs or encrypts; all of them validate or decrypt.
    /// </summary>
    public static List<SigningKey> InServiceOrder(IReadOnlyCollection<SigningKey> keys, DateTime now, TimeSpan propagation) =>
        [.. keys.OrderBy(k => InServiceFrom(k, keys, propagation) > now).ThenByDescending(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];

    private static SigningKey NewKey(string use, DateTime now)
    {
        using var rsa = RSA.Create(3072);
        return new SigningKey
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Use = use,
            PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(),
            CreatedAt = now,
        };
    }

    /// <summary>Loads the keys into OpenIddict in service order; runs again whenever <see cref="KeyRingChanges"/> signals.</summary>
    internal sealed class ConfigureServer(IServiceScopeFactory scopes, TimeProvider time, IOptions<KeyRingOptions> ring) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
            // Options are built synchronously, at the first request that needs them and after each change.
            var keys = InServiceOrder(db.SigningKeys.AsNoTracking().ToList(), time.GetUtcNow().UtcDateTime, ring.Value.Propagation);
            if (!keys.Any(k => k.Use == Signing) || !keys.Any(k => k.Use == Encryption))
            {
                throw new InvalidOperationException("The store holds no OpenID Connect keys: the server's start-up did not run KeyRing.EnsureCurrentAsync.");
            }
            foreach (var key in keys)
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(key.PrivateKeyPem);
                var securityKey = new RsaSecurityKey(rsa) { KeyId = key.Id };
                if (key.Use == Signing)
                {
                    options.SigningCredentials.Add(new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256));
                }
                else
                {
                    options.EncryptionCredentials.Add(new EncryptingCredentials(securityKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
                }
            }
        }
    }
}
