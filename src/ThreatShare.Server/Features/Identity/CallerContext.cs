using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThreatShare.Server.Features.Identity;

/// <summary>
/// The authenticated caller as the trust rules see it. Built per request from the token's subject
/// and the store (never from the request), so a disabled user or client, or a changed membership,
/// takes effect at the next request.
/// </summary>
/// <param name="Subject">Token subject: a user id, or <c>client:&lt;client_id&gt;</c>.</param>
/// <param name="IsClient">An API client rather than a person.</param>
/// <param name="Organization">The caller's organization.</param>
/// <param name="Sectors">Slugs of the organization's sectors.</param>
/// <param name="Roles">The person's roles (empty for clients).</param>
/// <param name="Scopes">Granted scopes of the token.</param>
/// <param name="Reader">The caller for the visibility decision.</param>
/// <param name="Poster">The caller for the write rules.</param>
internal sealed record Caller(
    string Subject,
    bool IsClient,
    Organization Organization,
    IReadOnlySet<string> Sectors,
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Scopes,
    Reader Reader,
    Poster Poster)
{
    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>The caller's name in records: <c>user:&lt;id&gt;</c> or <c>client:&lt;client_id&gt;</c>.</summary>
    public string ActedBy => CallerContext.ActorOf(Subject);

    /// <summary>People act with their roles; clients only within the scopes they were granted.</summary>
    public bool MayUse(string scope) => !IsClient || Scopes.Contains(scope);
}

/// <summary>Resolves the <see cref="Caller"/> of the current request.</summary>
internal sealed class CallerContext(ThreatShareDb db, AuditActor audit)
{
    public const string OrganizationClaim = "ts_org";

    private const string ClientPrefix = "client:";

    public static string ClientSubject(string clientId) => ClientPrefix + clientId;

    /// <summary>How records name a person: <c>user:&lt;id&gt;</c>.</summary>
    public static string UserActor(Guid userId) => "user:" + userId;

    /// <summary>How records name the holder of a token subject: the client subject as is, a person as <see cref="UserActor"/>.</summary>
    public static string ActorOf(string subject) => subject.StartsWith(ClientPrefix, StringComparison.Ordinal) ? subject : "user:" + subject;

    /// <summary>The caller, or null when the token's subject no longer exists or is disabled.</summary>
    public async Task<Caller?> GetAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        string? subject = principal.GetClaim(Claims.Subject);
        if (subject is null)
        {
            return null;
        }

        Guid organizationId;
        bool isClient = subject.StartsWith(ClientPrefix, StringComparison.Ordinal);
        // Whatever comes next, the audit log names who asked.
        audit.Actor = ActorOf(subject);
        HashSet<string> roles = new(StringComparer.Ordinal);
        HashSet<string> moderated = new(StringComparer.Ordinal);
        if (isClient)
        {
            string clientId = subject[ClientPrefix.Length..];
            var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
            if (client is null || client.Disabled)
            {
                return null;
            }
            organizationId = client.OrganizationId;
        }
        else
        {
            if (!Guid.TryParse(subject, out var userId))
            {
                return null;
            }
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null || user.Disabled)
            {
                return null;
            }
            organizationId = user.OrganizationId;
            roles.UnionWith(await (from ur in db.UserRoles
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   where ur.UserId == userId
                                   select r.Name).Where(n => n != null).Select(n => n!).ToListAsync(ct));
            if (roles.Contains(Core.Storage.Roles.Moderator))
            {
                moderated.UnionWith(await db.ModeratorSectors.Where(m => m.UserId == userId).Select(m => m.SectorSlug).ToListAsync(ct));
            }
        }

        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null || org.Disabled)
        {
            return null;
        }
        audit.Organization = org.Slug;
        var sectors = (await db.OrganizationSectors.Where(m => m.OrganizationId == org.Id).Select(m => m.SectorSlug).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var scopes = principal.GetScopes().ToHashSet(StringComparer.Ordinal);
        if (isClient && org.IsDirectorate && scopes.Contains(ApiScopes.Moderation))
        {
            // The directorate's moderation automation stands for the directorate: every sector is its scope.
            moderated.UnionWith(await db.Sectors.Select(s => s.Slug).ToListAsync(ct));
        }
        // Moderation and administration are directorate powers: the roles count only inside the directorate.
        bool admin = roles.Contains(Core.Storage.Roles.DirectorateAdmin) && org.IsDirectorate;
        if (!org.IsDirectorate)
        {
            moderated.Clear();
        }
        return new Caller(
            subject,
            isClient,
            org,
            sectors,
            roles,
            scopes,
            new Reader(org.Id, sectors, moderated, admin),
            new Poster(org.Id, org.IsDirectorate, org.Tier, sectors));
    }
}
