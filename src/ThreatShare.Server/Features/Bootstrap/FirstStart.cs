using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using ThreatShare.Core.Findings;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Organizations;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThreatShare.Server.Features.Bootstrap;

/// <summary>
/// Runs before the server takes requests: brings the store's schema up to date, makes sure the
/// roles and the OpenID Connect keys exist, and on an empty store creates the directorate and its
/// first admin, whose one-time setup secret is printed to the console (there is no default password).
/// </summary>
internal sealed class FirstStart(
    ThreatShareDb db,
    RoleManager<IdentityRole<Guid>> roles,
    KeyRing keys,
    MemberDirectory directory,
    IOpenIddictApplicationManager applications,
    Microsoft.Extensions.Options.IOptions<Hosting.ServerOptions> server,
    ILogger<FirstStart> logger)
{
    public const string DirectorateSlug = "directorate";
    public const string FirstAdminUserName = "admin";

    public async Task RunAsync(TextWriter console, CancellationToken ct)
    {
        await StorageSetup.MigrateAsync(db, ct);
        // A store written before the lookup index existed gets its entries once (no-op when the index has any).
        await Core.Lookup.LookupIndex.BackfillAsync(db, ct);
        foreach (string role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() });
            }
        }
        await keys.EnsureCurrentAsync(ct);
        await ImportFileProtectionKeysAsync(ct);
        await EnsureCliClientAsync(ct);
        await WarningListStore.EnsureDefaultsAsync(db, DateTime.UtcNow, ct);

        if (await db.Organizations.AnyAsync(o => o.IsDirectorate, ct))
        {
            return;
        }
        var directorate = await directory.CreateOrganizationAsync(DirectorateSlug, "National Cyber Directorate", TrustTier.Trusted, [], isDirectorate: true, ct);
        string secret = MemberDirectory.NewSecret();
        await directory.CreateUserAsync(directorate, FirstAdminUserName, secret, [Roles.DirectorateAdmin], [], ct);
        Log.FirstStart(logger, directorate.Id);
        // The secret goes to the console only, never to the log pipeline.
        await console.WriteLineAsync($"""

            ThreatShare first start: created the directorate and its first admin.
              user:         {FirstAdminUserName}
              setup secret: {secret}
            Sign in with it at /account/login and enrol an authenticator app (required for administrators).
            It is not shown again.

            """);
    }

    /// <summary>The public client people use from the command line: authorization code with PKCE, no secret.</summary>
    /// <summary>
    /// Data-protection keys (sign-in cookies, antiforgery) live in the store so that every node reads
    /// the others' cookies. A data directory written before keeps its keys in files: they move into
    /// the store once, so existing sign-ins stay valid, and the files are deleted.
    /// </summary>
    private async Task ImportFileProtectionKeysAsync(CancellationToken ct)
    {
        var directory = new DirectoryInfo(Path.Combine(server.Value.DataDirectory, "protection-keys"));
        if (!directory.Exists || await db.DataProtectionKeys.AnyAsync(ct))
        {
            return;
        }
        var files = directory.GetFiles("*.xml");
        foreach (var file in files)
        {
            db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file.Name),
                Xml = await File.ReadAllTextAsync(file.FullName, ct),
            });
        }
        await db.SaveChangesAsync(ct);
        foreach (var file in files)
        {
            file.Delete();
        }
        Log.ProtectionKeysImported(logger, files.Length);
    }

    private async Task EnsureCliClientAsync(CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(IdentitySetup.CliClientId, ct) is not null)
        {
            return;
        }
        var cli = new OpenIddictApplicationDescriptor
        {
            ClientId = IdentitySetup.CliClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "threatshare command line",
            RedirectUris = { new Uri(IdentitySetup.CliRedirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
                Permissions.Prefixes.Scope + ApiScopes.StixRead, Permissions.Prefixes.Scope + ApiScopes.StixWrite, Permissions.Prefixes.Scope + ApiScopes.Alerts,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await applications.CreateAsync(cli, ct);
    }
}

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "First start: created directorate organization {OrganizationId} and its first admin")]
    public static partial void FirstStart(ILogger logger, Guid organizationId);

    [LoggerMessage(1002, LogLevel.Information, "Demo data ready; credentials written to {Path}")]
    public static partial void DemoSeeded(ILogger logger, string path);

    [LoggerMessage(1003, LogLevel.Information, "Moved {Count} data-protection keys from the data directory into the store")]
    public static partial void ProtectionKeysImported(ILogger logger, int count);
}
