using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Findings;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Features.Administration;
using ThreatShare.Server.Features.Audit;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Problems;

namespace ThreatShare.Server.Features.WarningLists;

/// <summary>
/// The warning lists for directorate admins: <c>GET /api/v1/warning-lists</c>, <c>GET</c> and
/// <c>PUT /api/v1/warning-lists/{name}</c> (replaces the list whole; every entry checked, nothing
/// stored when one is wrong). An edit counts for the next submission on every node: the lists are
/// read from the store.
/// </summary>
internal static class WarningListEndpoints
{
    public static IEndpointRouteBuilder MapWarningLists(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/warning-lists").RequireAuthorization().DisableAntiforgery();
        api.MapGet("", ListAsync);
        api.MapGet("/{name}", GetAsync);
        api.MapPut("/{name}", PutAsync).ProducesProblem(StatusCodes.Status400BadRequest).AuditAs(AuditActions.WarningListEdit, Audited.Route("name"));
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        if (await AdminEndpoints.DirectorateAdminAsync(http, callers, ct) is { } refusal)
        {
            return refusal;
        }
        var lists = await db.WarningLists.AsNoTracking().OrderBy(l => l.Name)
            .Select(l => new { name = l.Name, entries = l.Entries.Count, updated_at = l.UpdatedAt, updated_by = l.UpdatedBy }).ToListAsync(ct);
        return Results.Ok(new { lists });
    }

    private static async Task<IResult> GetAsync(string name, HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        if (await AdminEndpoints.DirectorateAdminAsync(http, callers, ct) is { } refusal)
        {
            return refusal;
        }
        var list = await db.WarningLists.AsNoTracking().Include(l => l.Entries).FirstOrDefaultAsync(l => l.Name == name, ct);
        return list is null
            ? Problems.Problems.NotFound()
            : Results.Ok(new { name = list.Name, updated_at = list.UpdatedAt, updated_by = list.UpdatedBy, entries = list.Entries.OrderBy(e => e.Value, StringComparer.Ordinal).Select(e => new { value = e.Value, note = e.Note }) });
    }

    private static async Task<IResult> PutAsync(string name, JsonElement body, HttpContext http, CallerContext callers, ThreatShareDb db, TimeProvider time, CancellationToken ct)
    {
        if (await AdminEndpoints.DirectorateAdminAsync(http, callers, ct) is { } refusal)
        {
            return refusal;
        }
        if (!Core.Findings.WarningLists.Names.Contains(name))
        {
            return Problems.Problems.NotFound();
        }
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array
            || body.EnumerateObject().Count() != 1)
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-request", "Invalid warning list", "send {\"entries\": [{\"value\", \"note\"}]}",
                [new FieldError("$.entries", "required: a list of {\"value\", \"note\"}")]);
        }
        var items = new List<(string?, string?)>();
        var shape = new List<FieldError>();
        int i = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            {
                items.Add((value.GetString(), entry.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null));
            }
            else
            {
                shape.Add(new FieldError($"$.entries[{i}]", "must be {\"value\": \"…\", \"note\": \"…\"}"));
            }
            i++;
        }
        if (shape.Count > 0)
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-request", "Invalid warning list", "the list was not changed", shape);
        }
        var caller = (await callers.GetAsync(http.User, ct))!;
        var (errors, added, removed) = await WarningListStore.ReplaceAsync(db, name, items, caller.ActedBy, time.GetUtcNow().UtcDateTime, ct);
        Audited.Describe(http, "added", added);
        Audited.Describe(http, "removed", removed);
        return errors.Count > 0
            ? Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-entries", "Invalid entries", "the list was not changed", [.. errors.Select(e => new FieldError(e.Path, e.Message))])
            : await GetAsync(name, http, callers, db, ct);
    }
}
