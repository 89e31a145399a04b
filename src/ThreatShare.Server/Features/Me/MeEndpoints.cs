using ThreatShare.Server.Features.Identity;

namespace ThreatShare.Server.Features.Me;

/// <summary><c>GET /api/v1/me</c>: who the caller is, as the trust rules see it.</summary>
internal static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", async (HttpContext http, CallerContext callers, CancellationToken ct) =>
        {
            var caller = await callers.GetAsync(http.User, ct);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            return Results.Ok(new MeResponse(
                caller.Subject,
                caller.IsClient ? "client" : "user",
                new MeOrganization(caller.Organization.Id, caller.Organization.Slug, caller.Organization.Name, caller.Organization.Tier.ToString().ToLowerInvariant(), caller.Organization.IdentityId, [.. caller.Sectors.Order(StringComparer.Ordinal)]),
                [.. caller.Roles.Order(StringComparer.Ordinal)],
                [.. caller.Scopes.Order(StringComparer.Ordinal)],
                [.. caller.Reader.ModeratedSectors.Order(StringComparer.Ordinal)],
                caller.Reader.IsDirectorateAdmin));
        }).RequireAuthorization();
        return app;
    }
}

/// <summary>The caller.</summary>
internal sealed record MeResponse(string Subject, string Kind, MeOrganization Organization, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes, IReadOnlyList<string> ModeratedSectors, bool SeesEverything);

/// <summary>The caller's organization.</summary>
internal sealed record MeOrganization(Guid Id, string Slug, string Name, string Tier, string IdentityId, IReadOnlyList<string> Sectors);
