using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Features.Administration;
using ThreatShare.Server.Features.Audit;

namespace ThreatShare.Server.Features.Identity;

/// <summary>
/// The OpenID Connect keys for directorate admins: which exist and in which state, and rotation on
/// demand (after a suspected compromise, or by policy). Private key material never leaves the store.
/// </summary>
internal static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/keys").RequireAuthorization().DisableAntiforgery();
        api.MapGet("", ListAsync);
        api.MapPost("/rotate", RotateAsync).AuditAs(AuditActions.AdminPrefix + "keys.rotate", _ => "keys");
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, CallerContext callers, ThreatShareDb db, TimeProvider time,
        IOptions<KeyRingOptions> ring, CancellationToken ct) =>
        await AdminEndpoints.DirectorateAdminAsync(http, callers, ct) ?? Results.Ok(await DescribeAsync(db, time, ring.Value, ct));

    private static async Task<IResult> RotateAsync(HttpContext http, CallerContext callers, ThreatShareDb db, KeyRing keys, TimeProvider time,
        IOptions<KeyRingOptions> ring, CancellationToken ct)
    {
        if (await AdminEndpoints.DirectorateAdminAsync(http, callers, ct) is { } refusal)
        {
            return refusal;
        }
        await keys.RotateAsync(ct);
        return Results.Ok(await DescribeAsync(db, time, ring.Value, ct));
    }

    private static async Task<object> DescribeAsync(ThreatShareDb db, TimeProvider time, KeyRingOptions ring, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var all = await db.SigningKeys.AsNoTracking().ToListAsync(ct);
        return new
        {
            keys = KeyRing.InServiceOrder(all, now, ring.Propagation).Select(k =>
            {
                var from = KeyRing.InServiceFrom(k, all, ring.Propagation);
                return new KeyResponse(
                    k.Id,
                    k.Use == KeyRing.Signing ? "signing" : "encryption",
                    k.RetireAfter is not null ? "retiring" : from > now ? "propagating" : "in-service",
                    Utc(k.CreatedAt),
                    Utc(from),
                    k.RetireAfter is { } retire ? Utc(retire) : null);
            }),
        };
    }

    private static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}

/// <summary>One key as the admin API shows it (no key material).</summary>
internal sealed record KeyResponse(string Kid, string Use, string State, DateTimeOffset CreatedAt, DateTimeOffset InServiceFrom, DateTimeOffset? RetireAfter);
