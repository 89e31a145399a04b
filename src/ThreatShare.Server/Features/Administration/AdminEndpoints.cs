using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Alerts;
using ThreatShare.Server.Features.Audit;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Organizations;
using ThreatShare.Server.Features.Problems;

namespace ThreatShare.Server.Features.Administration;

/// <summary>
/// Administration over REST: sectors and organizations (directorate admins), users and API clients
/// (an organization's org-admins for their own organization, directorate admins for all).
/// Organizations a caller may not manage answer 404. Secrets are shown once, in the creating response.
/// </summary>
internal static class AdminEndpoints
{
    public sealed record SectorBody(string? Slug, string? Name);

    public sealed record OrganizationBody(string? Slug, string? Name, string? Tier, IReadOnlyList<string>? Sectors);

    public sealed record OrganizationPatch(string? Tier, IReadOnlyList<string>? Sectors, bool? Disabled);

    public sealed record UserBody(string? Username, IReadOnlyList<string>? Roles, IReadOnlyList<string>? ModeratedSectors);

    public sealed record ClientBody(string? Name, IReadOnlyList<string>? Scopes);

    public sealed record DisablePatch(bool? Disabled);

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery();
        api.MapGet("/sectors", async (ThreatShareDb db, CancellationToken ct) =>
            Results.Ok(new { sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Slug).Select(s => new { slug = s.Slug, name = s.Name }).ToListAsync(ct) }));
        // Every change, and every refused attempt, is audited with what was asked (bodies hold no secrets).
        api.MapPost("/sectors", CreateSectorAsync)
            .AuditAs(AuditActions.AdminPrefix + "sector.create", c => c.Argument<SectorBody>()?.Slug, c => c.Argument<SectorBody>());
        api.MapGet("/organizations", ListOrganizationsAsync);
        api.MapPost("/organizations", CreateOrganizationAsync)
            .AuditAs(AuditActions.AdminPrefix + "organization.create", c => c.Argument<OrganizationBody>()?.Slug, c => c.Argument<OrganizationBody>());
        api.MapPatch("/organizations/{slug}", UpdateOrganizationAsync)
            .AuditAs(AuditActions.AdminPrefix + "organization.update", Audited.Route("slug"), c => c.Argument<OrganizationPatch>());
        api.MapGet("/organizations/{slug}/users", ListUsersAsync);
        api.MapPost("/organizations/{slug}/users", CreateUserAsync)
            .AuditAs(AuditActions.AdminPrefix + "user.create", c => $"{c.HttpContext.GetRouteValue("slug")}/{c.Argument<UserBody>()?.Username}", c => c.Argument<UserBody>());
        api.MapPatch("/users/{username}", UpdateUserAsync)
            .AuditAs(AuditActions.AdminPrefix + "user.update", Audited.Route("username"), c => c.Argument<DisablePatch>());
        api.MapGet("/organizations/{slug}/clients", ListClientsAsync);
        api.MapPost("/organizations/{slug}/clients", CreateClientAsync)
            .AuditAs(AuditActions.AdminPrefix + "client.create", c => $"{c.HttpContext.GetRouteValue("slug")}/{c.Argument<ClientBody>()?.Name}", c => c.Argument<ClientBody>());
        api.MapPatch("/clients/{clientId}", UpdateClientAsync)
            .AuditAs(AuditActions.AdminPrefix + "client.update", Audited.Route("clientId"), c => c.Argument<DisablePatch>());
        return app;
    }

    private static async Task<IResult> CreateSectorAsync(SectorBody body, HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        if (await DirectorateAdminAsync(http, callers, ct) is { } refusal)
        {
            return refusal;
        }
        var errors = SlugAndName(body.Slug, body.Name);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        if (await db.Sectors.AnyAsync(s => s.Slug == body.Slug, ct))
        {
            return Problems.Problems.Of(StatusCodes.Status409Conflict, "exists", "Already exists", $"sector '{body.Slug}' exists");
        }
        db.Sectors.Add(new Sector { Slug = body.Slug!, Name = body.Name!.Trim() }); // both checked above
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/v1/sectors/{body.Slug}", new { slug = body.Slug, name = body.Name.Trim() });
    }

    private static async Task<IResult> ListOrganizationsAsync(HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        // Every member may name recipients, so slugs and names are public inside the network;
        // tiers and memberships are shown to directorate admins and to the organization itself.
        var orgs = await db.Organizations.AsNoTracking().Include(o => o.Sectors).Where(o => !o.Disabled || caller.Reader.IsDirectorateAdmin).OrderBy(o => o.Slug).ToListAsync(ct);
        return Results.Ok(new
        {
            organizations = orgs.Select(o => caller.Reader.IsDirectorateAdmin || o.Id == caller.Organization.Id
                ? (object)new { id = o.Id, slug = o.Slug, name = o.Name, identity_id = o.IdentityId, tier = TierName(o.Tier), sectors = o.Sectors.Select(s => s.SectorSlug).Order(StringComparer.Ordinal), disabled = o.Disabled }
                : new { id = o.Id, slug = o.Slug, name = o.Name, identity_id = o.IdentityId }),
        });
    }

    private static async Task<IResult> CreateOrganizationAsync(OrganizationBody body, HttpContext http, CallerContext callers, ThreatShareDb db, MemberDirectory directory, CancellationToken ct)
    {
        if (await DirectorateAdminAsync(http, callers, ct) is { } refusal)
        {
            return refusal;
        }
        var errors = SlugAndName(body.Slug, body.Name);
        var tier = ParseTier(body.Tier ?? "probation", "$.tier", errors);
        var sectors = await CheckSectorsAsync(db, body.Sectors ?? [], "$.sectors", errors, ct);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        if (await db.Organizations.AnyAsync(o => o.Slug == body.Slug, ct))
        {
            return Problems.Problems.Of(StatusCodes.Status409Conflict, "exists", "Already exists", $"organization '{body.Slug}' exists");
        }
        var org = await directory.CreateOrganizationAsync(body.Slug!, body.Name!.Trim(), tier, sectors, isDirectorate: false, ct); // checked above
        return Results.Created($"/api/v1/organizations/{org.Slug}", new { id = org.Id, slug = org.Slug, name = org.Name, identity_id = org.IdentityId, tier = TierName(org.Tier), sectors });
    }

    private static async Task<IResult> UpdateOrganizationAsync(string slug, OrganizationPatch body, HttpContext http, CallerContext callers, ThreatShareDb db,
        MembershipBus live, AfterCommit after, CancellationToken ct)
    {
        if (await DirectorateAdminAsync(http, callers, ct) is { } refusal)
        {
            return refusal;
        }
        var org = await db.Organizations.Include(o => o.Sectors).FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (org is null)
        {
            return Problems.Problems.NotFound();
        }
        var errors = new List<FieldError>();
        var tier = body.Tier is null ? org.Tier : ParseTier(body.Tier, "$.tier", errors);
        var sectors = body.Sectors is null ? null : await CheckSectorsAsync(db, body.Sectors, "$.sectors", errors, ct);
        if (org.IsDirectorate && body.Disabled == true)
        {
            errors.Add(new FieldError("$.disabled", "the directorate cannot be disabled"));
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        org.Tier = tier;
        org.Disabled = body.Disabled ?? org.Disabled;
        if (sectors is not null)
        {
            org.Sectors.Clear();
            foreach (string s in sectors)
            {
                org.Sectors.Add(new OrganizationSector { OrganizationId = org.Id, SectorSlug = s });
            }
        }
        await db.SaveChangesAsync(ct);
        await after.RunOrDeferAsync(c => live.OrganizationChangedAsync(org.Id, c), ct);
        return Results.Ok(new { slug = org.Slug, tier = TierName(org.Tier), sectors = org.Sectors.Select(s => s.SectorSlug).Order(StringComparer.Ordinal), disabled = org.Disabled });
    }

    private static async Task<IResult> ListUsersAsync(string slug, HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        var (org, refusal) = await ManagedOrganizationAsync(slug, http, callers, db, ct);
        if (org is null)
        {
            return refusal!; // set whenever org is null
        }
        var users = await (from u in db.Users.AsNoTracking()
                           where u.OrganizationId == org.Id
                           orderby u.UserName
                           select new
                           {
                               username = u.UserName,
                               disabled = u.Disabled,
                               mfa = u.TwoFactorEnabled,
                               roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
                           }).ToListAsync(ct);
        return Results.Ok(new { users });
    }

    private static async Task<IResult> CreateUserAsync(string slug, UserBody body, HttpContext http, CallerContext callers, ThreatShareDb db, UserManager<UserAccount> users, MemberDirectory directory, CancellationToken ct)
    {
        var (org, refusal) = await ManagedOrganizationAsync(slug, http, callers, db, ct);
        if (org is null)
        {
            return refusal!; // set whenever org is null
        }
        var caller = (await callers.GetAsync(http.User, ct))!; // ManagedOrganizationAsync checked it
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.Username) || body.Username.Length > 64 || body.Username.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@')))
        {
            errors.Add(new FieldError("$.username", "1 to 64 characters of letters, digits, '-', '_', '.' and '@'"));
        }
        var roles = (body.Roles ?? [Roles.Analyst]).Distinct(StringComparer.Ordinal).ToList();
        for (int i = 0; i < roles.Count; i++)
        {
            if (!Roles.All.Contains(roles[i]))
            {
                errors.Add(new FieldError($"$.roles[{i}]", $"unknown role '{roles[i]}'"));
            }
            else if ((roles[i] == Roles.Moderator || roles[i] == Roles.DirectorateAdmin) && !(caller.Reader.IsDirectorateAdmin && org.IsDirectorate))
            {
                errors.Add(new FieldError($"$.roles[{i}]", "moderators and directorate admins are directorate staff, created by a directorate admin"));
            }
        }
        var moderated = await CheckSectorsAsync(db, body.ModeratedSectors ?? [], "$.moderated_sectors", errors, ct);
        if (moderated.Count > 0 && !roles.Contains(Roles.Moderator))
        {
            errors.Add(new FieldError("$.moderated_sectors", "only moderators have moderated sectors"));
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        if (await users.FindByNameAsync(body.Username!) is not null)
        {
            return Problems.Problems.Of(StatusCodes.Status409Conflict, "exists", "Already exists", $"user '{body.Username}' exists");
        }
        string password = MemberDirectory.NewSecret();
        var user = await directory.CreateUserAsync(org, body.Username!, password, roles, moderated, ct); // checked above
        // The password is shown once; people whose role needs MFA enrol TOTP at their first sign-in.
        return Results.Created($"/api/v1/users/{user.UserName}", new { username = user.UserName, organization = org.Slug, roles, password });
    }

    private static async Task<IResult> UpdateUserAsync(string username, DisablePatch body, HttpContext http, CallerContext callers, ThreatShareDb db,
        MembershipBus live, AfterCommit after, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == username, ct);
        var org = user is null ? null : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrganizationId, ct);
        var (managed, refusal) = await ManagedOrganizationAsync(org?.Slug ?? "", http, callers, db, ct);
        if (managed is null || user is null)
        {
            return refusal ?? Problems.Problems.NotFound();
        }
        user.Disabled = body.Disabled ?? user.Disabled;
        await db.SaveChangesAsync(ct);
        await after.RunOrDeferAsync(c => live.OrganizationChangedAsync(user.OrganizationId, c), ct);
        return Results.Ok(new { username = user.UserName, disabled = user.Disabled });
    }

    private static async Task<IResult> ListClientsAsync(string slug, HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        var (org, refusal) = await ManagedOrganizationAsync(slug, http, callers, db, ct);
        if (org is null)
        {
            return refusal!; // set whenever org is null
        }
        var clients = await db.ApiClients.AsNoTracking().Where(c => c.OrganizationId == org.Id).OrderBy(c => c.Name)
            .Select(c => new { client_id = c.ClientId, name = c.Name, scopes = c.Scopes, disabled = c.Disabled }).ToListAsync(ct);
        return Results.Ok(new { clients = clients.Select(c => new { c.client_id, c.name, scopes = c.scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), c.disabled }) });
    }

    private static async Task<IResult> CreateClientAsync(string slug, ClientBody body, HttpContext http, CallerContext callers, ThreatShareDb db, MemberDirectory directory, CancellationToken ct)
    {
        var (org, refusal) = await ManagedOrganizationAsync(slug, http, callers, db, ct);
        if (org is null)
        {
            return refusal!; // set whenever org is null
        }
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            errors.Add(new FieldError("$.name", "required, at most 100 characters"));
        }
        // Moderation automation is the directorate's, granted by its admins.
        var grantable = ApiScopes.GrantableTo(org.IsDirectorate && (await callers.GetAsync(http.User, ct))!.Reader.IsDirectorateAdmin);
        var scopes = (body.Scopes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0)
        {
            errors.Add(new FieldError("$.scopes", $"at least one of {string.Join(", ", grantable)}"));
        }
        for (int i = 0; i < scopes.Count; i++)
        {
            if (!grantable.Contains(scopes[i]))
            {
                errors.Add(new FieldError($"$.scopes[{i}]", $"'{scopes[i]}' cannot be granted; use {string.Join(", ", grantable)}"));
            }
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var (clientId, secret) = await directory.CreateClientAsync(org, body.Name!.Trim(), scopes, ct); // checked above
        return Results.Created($"/api/v1/clients/{clientId}", new { client_id = clientId, client_secret = secret, scopes, organization = org.Slug });
    }

    private static async Task<IResult> UpdateClientAsync(string clientId, DisablePatch body, HttpContext http, CallerContext callers, ThreatShareDb db,
        MembershipBus live, AfterCommit after, CancellationToken ct)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        var org = client is null ? null : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == client.OrganizationId, ct);
        var (managed, refusal) = await ManagedOrganizationAsync(org?.Slug ?? "", http, callers, db, ct);
        if (managed is null || client is null)
        {
            return refusal ?? Problems.Problems.NotFound();
        }
        client.Disabled = body.Disabled ?? client.Disabled;
        await db.SaveChangesAsync(ct);
        await after.RunOrDeferAsync(c => live.OrganizationChangedAsync(client.OrganizationId, c), ct);
        return Results.Ok(new { client_id = client.ClientId, disabled = client.Disabled });
    }

    /// <summary>The organization when the caller may manage it (its org-admin, or a directorate admin); else 404 (or 401).</summary>
    private static async Task<(Organization? Org, IResult? Refusal)> ManagedOrganizationAsync(string slug, HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (caller is null)
        {
            return (null, Results.Unauthorized());
        }
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, ct);
        bool manages = org is not null && !caller.IsClient &&
            (caller.Reader.IsDirectorateAdmin || (org.Id == caller.Organization.Id && caller.HasRole(Roles.OrgAdmin)));
        return manages ? (org, null) : (null, Problems.Problems.NotFound());
    }

    internal static async Task<IResult?> DirectorateAdminAsync(HttpContext http, CallerContext callers, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        return caller is null ? Results.Unauthorized()
            : caller.Reader.IsDirectorateAdmin && !caller.IsClient ? null
            : Problems.Problems.Forbidden("only directorate admins may do this");
    }

    /// <summary>Sectors and organizations share the slug rule and need a name.</summary>
    private static List<FieldError> SlugAndName(string? slug, string? name)
    {
        var errors = new List<FieldError>();
        if (slug is null || !SectorSlug.IsValid(slug))
        {
            errors.Add(new FieldError("$.slug", "2 to 63 characters of a-z, 0-9 and '-', starting with a letter"));
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new FieldError("$.name", "required"));
        }
        return errors;
    }

    private static TrustTier ParseTier(string tier, string path, List<FieldError> errors)
    {
        switch (tier)
        {
            case "probation": return TrustTier.Probation;
            case "member": return TrustTier.Member;
            case "trusted": return TrustTier.Trusted;
            default:
                errors.Add(new FieldError(path, "must be probation, member or trusted"));
                return TrustTier.Probation;
        }
    }

    private static string TierName(TrustTier tier) => tier.ToString().ToLowerInvariant();

    private static async Task<List<string>> CheckSectorsAsync(ThreatShareDb db, IReadOnlyList<string> sectors, string path, List<FieldError> errors, CancellationToken ct)
    {
        var known = await db.Sectors.AsNoTracking().Select(s => s.Slug).ToListAsync(ct);
        for (int i = 0; i < sectors.Count; i++)
        {
            if (!known.Contains(sectors[i]))
            {
                errors.Add(new FieldError($"{path}[{i}]", $"there is no sector '{sectors[i]}'"));
            }
        }
        return [.. sectors.Distinct(StringComparer.Ordinal)];
    }

    private static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-request", "Invalid request", "the request has errors; nothing was changed", errors);
}
