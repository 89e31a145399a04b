using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Organizations;

namespace ThreatShare.Server.Features.Bootstrap;

/// <summary>
/// <c>--seed-demo</c>: three sectors, six companies and the directorate, each with an analyst, an
/// org-admin and an API client, plus a finance moderator and a directorate admin with TOTP. Running
/// it again keeps the data and issues fresh secrets (stored secrets are hashes and cannot be shown).
/// </summary>
internal sealed class DemoSeed(ThreatShareDb db, UserManager<UserAccount> users, MemberDirectory directory)
{
    private static readonly (string Slug, string Name)[] Sectors = [("finance", "Finance"), ("energy", "Energy"), ("health", "Health")];

    private static readonly (string Slug, string Name, string[] Sectors, TrustTier Tier)[] Companies =
    [
        ("bank-a", "Bank A", ["finance"], TrustTier.Member),
        ("bank-b", "Bank B", ["finance"], TrustTier.Trusted),
        ("insurer-c", "Insurer C", ["finance"], TrustTier.Probation),
        ("power-d", "Power D", ["energy"], TrustTier.Member),
        ("hospital-e", "Hospital E", ["health"], TrustTier.Member),
        ("multi-f", "Multi F", ["finance", "energy"], TrustTier.Member),
    ];

    private static readonly string[] ClientScopes = [ApiScopes.StixRead, ApiScopes.StixWrite, ApiScopes.Alerts];

    public async Task<DemoCredentials> RunAsync(CancellationToken ct)
    {
        foreach (var (slug, name) in Sectors)
        {
            if (!await db.Sectors.AnyAsync(s => s.Slug == slug, ct))
            {
                db.Sectors.Add(new Sector { Slug = slug, Name = name });
            }
        }
        await db.SaveChangesAsync(ct);

        var credentials = new DemoCredentials();
        var directorate = await directory.FindOrganizationAsync(FirstStart.DirectorateSlug, ct)
            ?? throw new InvalidOperationException("the directorate must exist before the demo seed runs");
        var all = new List<Organization> { directorate };
        foreach (var (slug, name, sectors, tier) in Companies)
        {
            all.Add(await directory.FindOrganizationAsync(slug, ct) ?? await directory.CreateOrganizationAsync(slug, name, tier, sectors, false, ct));
        }

        foreach (var org in all)
        {
            var (clientId, secret) = await EnsureClientAsync(org, ct);
            credentials.Organizations.Add(new DemoOrganization(
                org.Slug, org.Id.ToString(), org.IdentityId, [.. org.Sectors.Select(s => s.SectorSlug).Order(StringComparer.Ordinal)],
                org.Tier.ToString().ToLowerInvariant(), clientId, secret, ClientScopes));
            credentials.Users.Add(await EnsureUserAsync(org, $"{org.Slug}-analyst", [Roles.Analyst], [], totp: false, ct));
            credentials.Users.Add(await EnsureUserAsync(org, $"{org.Slug}-org-admin", [Roles.Analyst, Roles.OrgAdmin], [], totp: false, ct));
        }
        credentials.Users.Add(await EnsureUserAsync(directorate, "finance-moderator", [Roles.Moderator], ["finance"], totp: true, ct));
        credentials.Users.Add(await EnsureUserAsync(directorate, "directorate-admin", [Roles.DirectorateAdmin], [], totp: true, ct));
        return credentials;
    }

    private async Task<(string ClientId, string Secret)> EnsureClientAsync(Organization org, CancellationToken ct)
    {
        var existing = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.OrganizationId == org.Id && c.Name == "demo client", ct);
        return existing is null
            ? await directory.CreateClientAsync(org, "demo client", ClientScopes, ct)
            : (existing.ClientId, await directory.ResetClientSecretAsync(existing.ClientId, ct));
    }

    private async Task<DemoUser> EnsureUserAsync(Organization org, string userName, string[] roles, string[] moderated, bool totp, CancellationToken ct)
    {
        string password = MemberDirectory.NewSecret();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = await directory.CreateUserAsync(org, userName, password, roles, moderated, ct);
        }
        else
        {
            await directory.SetPasswordAsync(user, password);
        }
        string? totpSecret = totp ? await directory.EnableTotpAsync(user) : null;
        return new DemoUser(userName, password, org.Slug, roles, totpSecret);
    }
}

/// <summary>The shape of <c>demo-credentials.json</c>; scripts outside the project rely on it.</summary>
internal sealed class DemoCredentials
{
    [JsonPropertyName("base_url")]
    public string BaseUrl { get; set; } = "";

    [JsonPropertyName("token_endpoint")]
    public string TokenEndpoint { get; set; } = "";

    [JsonPropertyName("organizations")]
    public List<DemoOrganization> Organizations { get; } = [];

    [JsonPropertyName("users")]
    public List<DemoUser> Users { get; } = [];

    /// <summary>Writes the file readable by its owner only (0600).</summary>
    public async Task WriteAsync(string path, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using var file = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to new files: tighten an existing one too.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await JsonSerializer.SerializeAsync(file, this, DemoJson.Default.DemoCredentials, ct);
    }
}

internal sealed record DemoOrganization(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("identity_id")] string IdentityId,
    [property: JsonPropertyName("sectors")] IReadOnlyList<string> Sectors,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes);

internal sealed record DemoUser(
    [property: JsonPropertyName("username")] string UserName,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("organization")] string Organization,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
    [property: JsonPropertyName("totp_secret")] string? TotpSecret);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DemoCredentials))]
internal sealed partial class DemoJson : JsonSerializerContext;
