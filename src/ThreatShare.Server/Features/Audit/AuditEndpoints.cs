using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Features.Administration;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Problems;

namespace ThreatShare.Server.Features.Audit;

/// <summary>
/// The audit log for directorate admins: <c>GET /api/v1/audit</c> (filters: actor, organization,
/// action (a trailing <c>*</c> matches a prefix), target, outcome, from, to; pages by
/// <c>after</c> sequence) and <c>GET /api/v1/audit/verify</c> (walks the chain; <c>checkpoint</c>
/// = <c>sequence:hash</c> kept from an earlier verification). Reading the log is itself recorded.
/// </summary>
internal static class AuditEndpoints
{
    private const int MaxLimit = 1000;

    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddScoped<AuditActor>().AddScoped<AuditLog>().AddScoped<AfterCommit>();

    /// <summary>Every request starts as an anonymous actor from its network address; the caller's identity fills in when resolved.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var actor = http.RequestServices.GetRequiredService<AuditActor>();
        actor.Actor = "anonymous";
        actor.SetSource(http.Connection.RemoteIpAddress);
        return next(http);
    });

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").RequireAuthorization();
        api.MapGet("", ListAsync).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/verify", VerifyAsync).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, CallerContext callers, ThreatShareDb db, AuditLog audit,
        string? actor, string? organization, string? action, string? target, string? outcome, string? from, string? to, string? after, string? limit, CancellationToken ct)
    {
        if (await RefusedAsync(http, callers, audit, null, ct) is { } refusal)
        {
            return refusal;
        }
        var errors = new List<FieldError>();
        DateTime? since = Time(from, "$.from", errors);
        DateTime? until = Time(to, "$.to", errors);
        long cursor = 0;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out cursor)))
        {
            errors.Add(new FieldError("$.after", "must be a record sequence number (0 or more)"));
        }
        int take = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
        {
            errors.Add(new FieldError("$.limit", $"must be 1 to {MaxLimit}"));
        }
        if (outcome is not null and not (AuditOutcome.Success or AuditOutcome.Failure or AuditOutcome.Denied))
        {
            errors.Add(new FieldError("$.outcome", "must be success, failure or denied"));
        }
        if (errors.Count > 0)
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-query", "Invalid query", "the query is not valid", errors);
        }

        var query = db.AuditRecords.AsNoTracking().Where(r => r.Sequence > cursor);
        query = actor is null ? query : query.Where(r => r.Actor == actor);
        query = organization is null ? query : query.Where(r => r.Organization == organization);
        query = target is null ? query : query.Where(r => r.Target == target);
        query = outcome is null ? query : query.Where(r => r.Outcome == outcome);
        query = since is null ? query : query.Where(r => r.At >= since);
        query = until is null ? query : query.Where(r => r.At < until);
        if (action is not null)
        {
            string prefix = action.TrimEnd('*');
            query = action.EndsWith('*') ? query.Where(r => r.Action.StartsWith(prefix)) : query.Where(r => r.Action == action);
        }
        var page = await query.OrderBy(r => r.Sequence).Take(take + 1).ToListAsync(ct);
        bool more = page.Count > take;
        var records = page.Take(take).Select(r => new AuditRecordResponse(
            r.Sequence, new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.Actor, r.Organization, r.Action, r.Target, r.Outcome, r.Source,
            r.Details is null ? null : JsonDocument.Parse(r.Details).RootElement, r.Hash)).ToList();
        await audit.AppendAsync(AuditActions.AuditRead, null, AuditOutcome.Success, new { records = records.Count, filters = new { actor, organization, action, target, outcome, from, to, after } }, ct);
        return Results.Ok(new AuditPage(records, more ? records[^1].Sequence : null));
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, CallerContext callers, ThreatShareDb db, AuditLog audit, string? checkpoint, CancellationToken ct)
    {
        if (await RefusedAsync(http, callers, audit, "verify", ct) is { } refusal)
        {
            return refusal;
        }
        (long, string)? external = null;
        if (checkpoint is not null)
        {
            if (!AuditVerifier.TryParseCheckpoint(checkpoint, out var parsed))
            {
                return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-query", "Invalid query", "the query is not valid",
                    [new FieldError("$.checkpoint", "must be <sequence>:<sha-256 hex>, as last_sequence and last_hash of an earlier verification")]);
            }
            external = parsed;
        }
        var result = await AuditVerifier.VerifyAsync(db, external, ct);
        // Recorded after the walk, so the answer describes the log as it was asked about.
        await audit.AppendAsync(AuditActions.AuditRead, "verify", AuditOutcome.Success, new { intact = result.Intact, broken_at = result.BrokenAt }, ct);
        return Results.Ok(new VerifyResponse(result.Intact, result.Records, result.LastSequence, result.LastHash, result.BrokenAt, result.Problem));
    }

    /// <summary>The refusal for anyone but a directorate admin, recorded: trying to read the log is itself worth knowing.</summary>
    private static async Task<IResult?> RefusedAsync(HttpContext http, CallerContext callers, AuditLog audit, string? target, CancellationToken ct)
    {
        var refusal = await AdminEndpoints.DirectorateAdminAsync(http, callers, ct);
        if (refusal is not null)
        {
            await audit.AppendAsync(AuditActions.AuditRead, target, AuditOutcome.Denied, null, ct);
        }
        return refusal;
    }

    private static DateTime? Time(string? text, string path, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.UtcDateTime;
        }
        errors.Add(new FieldError(path, "must be an RFC 3339 time such as 2026-11-25T08:00:00Z"));
        return null;
    }
}

/// <summary>One audit record as directorate admins read it.</summary>
internal sealed record AuditRecordResponse(long Sequence, DateTimeOffset At, string Actor, string? Organization, string Action, string? Target,
    string Outcome, string? Source, JsonElement? Details, string Hash);

/// <summary>A page of the audit log; <c>next</c> is the <c>after</c> of the next page.</summary>
internal sealed record AuditPage(IReadOnlyList<AuditRecordResponse> Records, long? Next);

/// <summary>The result of walking the chain.</summary>
internal sealed record VerifyResponse(bool Intact, long Records, long LastSequence, string LastHash, long? BrokenAt, string? Problem);
