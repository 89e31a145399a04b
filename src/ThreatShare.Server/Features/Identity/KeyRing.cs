using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Features.Identity;

/// <summary>
/// The OpenID Connect server's keys, kept in the store so every node signs and validates alike.
/// At start a key older than <see cref="RotationInterval"/> gets a successor; the predecessor keeps
/// validating until <see cref="RetentionAfterRotation"/> has passed (longer than any token lives).
/// </summary>
internal sealed class KeyRing(ThreatShareDb db, TimeProvider time)
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
    }

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

    /// <summary>Loads the keys into OpenIddict, newest first (the first of each use signs or encrypts).</summary>
    internal sealed class ConfigureServer(IServiceScopeFactory scopes) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
            // Options are built once, synchronously, at the first request that needs them.
            var keys = db.SigningKeys.AsNoTracking().ToList().OrderByDescending(k => k.CreatedAt).ToList();
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
