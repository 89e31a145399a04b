using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThreatShare.Server.Features.Organizations;

/// <summary>
/// Creates organizations, users and API clients with everything they need (STIX identity, roles,
/// OpenIddict application). Used by the first start, the demo seed and the administration API.
/// </summary>
internal sealed class MemberDirectory(
    ThreatShareDb db,
    UserManager<UserAccount> users,
    IOpenIddictApplicationManager applications,
    TimeProvider time)
{
    public async Task<Organization> CreateOrganizationAsync(string slug, string name, TrustTier tier, IReadOnlyList<string> sectors, bool isDirectorate, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (identityId, identityJson) = OrganizationIdentity.Create(name, now);
        var org = new Organization
        {
            Id = Guid.NewGuid(),
            Slug = slug,
            Name = name,
            Tier = tier,
            IsDirectorate = isDirectorate,
            IdentityId = identityId,
            IdentityJson = identityJson,
            CreatedAt = now.UtcDateTime,
        };
        foreach (string sector in sectors)
        {
            org.Sectors.Add(new OrganizationSector { OrganizationId = org.Id, SectorSlug = sector });
        }
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        return org;
    }

    public async Task<UserAccount> CreateUserAsync(Organization org, string userName, string password, IReadOnlyList<string> roles, IReadOnlyList<string> moderatedSectors, CancellationToken ct)
    {
        var user = new UserAccount
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            OrganizationId = org.Id,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, password), userName);
        Check(await users.AddToRolesAsync(user, roles), userName);
        foreach (string sector in moderatedSectors)
        {
            db.ModeratorSectors.Add(new ModeratorSector { UserId = user.Id, SectorSlug = sector });
        }
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Enables TOTP for a user and returns the authenticator secret (base32).</summary>
    public async Task<string> EnableTotpAsync(UserAccount user)
    {
        Check(await users.ResetAuthenticatorKeyAsync(user), user.UserName);
        Check(await users.SetTwoFactorEnabledAsync(user, true), user.UserName);
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("no authenticator key after reset");
    }

    public async Task SetPasswordAsync(UserAccount user, string password)
    {
        Check(await users.RemovePasswordAsync(user), user.UserName);
        Check(await users.AddPasswordAsync(user, password), user.UserName);
    }

    /// <summary>Creates an API client of <paramref name="org"/>; returns its id and secret (shown once, stored hashed).</summary>
    public async Task<(string ClientId, string Secret)> CreateClientAsync(Organization org, string name, IReadOnlyList<string> scopes, CancellationToken ct)
    {
        string clientId = $"{org.Slug}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        string secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (string scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        await applications.CreateAsync(descriptor, ct);
        db.ApiClients.Add(new ApiClient
        {
            ClientId = clientId,
            OrganizationId = org.Id,
            Name = name,
            Scopes = string.Join(' ', scopes),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return (clientId, secret);
    }

    /// <summary>Gives an existing client a new secret (the old one stops working).</summary>
    public async Task<string> ResetClientSecretAsync(string clientId, CancellationToken ct)
    {
        var app = await applications.FindByClientIdAsync(clientId, ct) ?? throw new InvalidOperationException($"no application '{clientId}'");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, app, ct);
        string secret = NewSecret();
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(app, descriptor, ct);
        return secret;
    }

    public Task<Organization?> FindOrganizationAsync(string slug, CancellationToken ct) =>
        db.Organizations.Include(o => o.Sectors).FirstOrDefaultAsync(o => o.Slug == slug, ct);

    /// <summary>A random secret: 32 bytes, base64url.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Check(IdentityResult result, string? who)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"identity operation for '{who}' failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
