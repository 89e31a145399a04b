using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Moderation;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Alerts;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Problems;
using ThreatShare.Server.Features.Submissions;

namespace ThreatShare.Server.Features.Moderation;

/// <summary>
/// The moderation queue and the moderator's decisions over REST:
/// <c>GET /api/v1/moderation/queue</c> and <c>POST /api/v1/submissions/{id}/decisions</c>.
/// </summary>
internal static class ModerationEndpoints
{
    public const int MaxLimit = 500;

    public static IServiceCollection AddModeration(this IServiceCollection services) => services.AddScoped<ModerationService>();

    public static IEndpointRouteBuilder MapModeration(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/moderation/queue", QueueAsync).RequireAuthorization()
            .Produces<QueueResponse>().ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapPost("/api/v1/submissions/{id:guid}/decisions", DecideAsync).RequireAuthorization().DisableAntiforgery()
            .Accepts<DecisionBody>("application/json").Produces<DecisionResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> QueueAsync(HttpContext http, CallerContext callers, ModerationService moderation, ThreatShareDb db,
        int? limit, string? next, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        if (!IsModerator(caller))
        {
            return Problems.Problems.Forbidden("the moderation queue is for moderators and directorate admins");
        }
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-query", "Invalid query", $"limit must be 1 to {MaxLimit}", [new FieldError("$.limit", $"must be 1 to {MaxLimit}")]);
        }
        var query = moderation.Queue(caller.Reader);
        if (next is not null)
        {
            if (!TryReadCursor(next, out var at, out var after))
            {
                return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-query", "Invalid query", "next must be a value returned by a previous page", [new FieldError("$.next", "not a page cursor")]);
            }
            query = query.Where(s => s.ReceivedAt > at || (s.ReceivedAt == at && s.Id.CompareTo(after) > 0));
        }
        int take = limit ?? 100;
        // Oldest first: the queue is worked in the order it filled.
        var page = await query.OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id).Take(take + 1).ToListAsync(ct);
        bool more = page.Count > take;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }
        var ids = page.Select(s => s.Id).ToList();
        var counts = await db.Objects.AsNoTracking().Where(o => ids.Contains(o.SubmissionId)).GroupBy(o => o.SubmissionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var orgIds = page.Select(s => s.OrganizationId).Distinct().ToList();
        var slugs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Slug, ct);
        var items = page.Select(s => new QueueItem(
            s.Id, slugs[s.OrganizationId], s.Channel, s.Tlp.ToName(), ModerationService.StateName(s.State), s.NeedsReview, s.Anonymous,
            new DateTimeOffset(DateTime.SpecifyKind(s.ReceivedAt, DateTimeKind.Utc)), counts.GetValueOrDefault(s.Id),
            JsonSerializer.Deserialize<List<FindingResponse>>(s.FindingsJson) ?? [], s.RevisesId)).ToList();
        return Results.Ok(new QueueResponse(items, more ? Cursor(page[^1]) : null));
    }

    /// <remarks>A decision is audited by the service in its own transaction; every refusal is audited here.</remarks>
    private static async Task<IResult> DecideAsync(Guid id, JsonElement body, HttpContext http, CallerContext callers, ModerationService moderation,
        AlertDispatcher alerts, AuditLog audit, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        if (!IsModerator(caller))
        {
            // The caller may still be the submitter: its own submission is not its to decide.
            await audit.AppendAsync(AuditActions.ModerationPrefix + "decide", id.ToString(), AuditOutcome.Denied, new { refusal = "not a moderator" }, ct);
            return Problems.Problems.Forbidden("only moderators and directorate admins decide on submissions");
        }
        if (!TryReadDecision(body, out var request, out var errors))
        {
            await audit.AppendAsync(AuditActions.ModerationPrefix + "decide", id.ToString(), AuditOutcome.Failure, new { refusal = "invalid", errors }, ct);
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-request", "Invalid decision", "the request does not have a decision's shape", errors);
        }
        var result = await moderation.ActAsync(id, new ModerationActor(caller.Reader, caller.ActedBy), request, ct);
        alerts.Dispatch(result.Alerts);
        var fieldErrors = result.Errors.Select(e => new FieldError(e.Path, e.Message)).ToList();
        if (result.Refusal is { } refused)
        {
            await audit.AppendAsync(AuditActions.ModerationPrefix + ModerationService.ActionName(request.Action), id.ToString(),
                refused == ModerationRefusal.Forbidden ? AuditOutcome.Denied : AuditOutcome.Failure, new { refusal = refused.ToString(), errors = fieldErrors }, ct);
        }
        return result.Refusal switch
        {
            ModerationRefusal.NotFound => Problems.Problems.NotFound(),
            ModerationRefusal.Forbidden => Problems.Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", fieldErrors[0].Message, fieldErrors),
            ModerationRefusal.WrongState => Problems.Problems.Of(StatusCodes.Status409Conflict, "wrong-state", "Wrong state", fieldErrors[0].Message, fieldErrors),
            ModerationRefusal.Invalid => Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-decision", "Invalid decision", "the decision was refused; nothing was changed", fieldErrors),
            _ => Results.Ok(new DecisionResponse(
                result.Decision!.Id, result.Decision.Action, ModerationService.StateName(result.State), result.Decision.Message,
                [.. result.NewVersions.Select(v => new NewVersion(v.Id, v.Modified))])),
        };
    }

    /// <summary>People moderate by role; a client needs the <c>moderation</c> scope too.</summary>
    private static bool IsModerator(Caller caller) =>
        caller.MayUse(ApiScopes.Moderation) && (caller.Reader.IsDirectorateAdmin || caller.Reader.ModeratedSectors.Count > 0);

    /// <summary>Reads <c>{"action","message","channel","edits":[{"id","properties"}],"drop"}</c>, reporting every shape error by path.</summary>
    private static bool TryReadDecision(JsonElement root, out ModerationRequest request, out List<FieldError> errors)
    {
        errors = [];
        request = new ModerationRequest(ModerationAction.Approve);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$", "the decision must be a JSON object"));
            return false;
        }
        ModerationAction? action = null;
        string? message = null, channel = null;
        var edits = new List<ObjectEdit>();
        var drop = new List<string>();
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "action":
                    action = ModerationService.ParseAction(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null);
                    if (action is null)
                    {
                        errors.Add(new FieldError("$.action", "one of " + string.Join(", ", Enum.GetValues<ModerationAction>().Select(ModerationService.ActionName))));
                    }
                    break;
                case "message" or "channel" when p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null):
                    errors.Add(new FieldError("$." + p.Name, "must be a string"));
                    break;
                case "message":
                    message = p.Value.GetString();
                    break;
                case "channel":
                    channel = p.Value.GetString();
                    break;
                case "drop" when p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(d => d.ValueKind == JsonValueKind.String):
                    drop.AddRange(p.Value.EnumerateArray().Select(d => d.GetString()!));
                    break;
                case "drop":
                    errors.Add(new FieldError("$.drop", "must be a list of STIX ids"));
                    break;
                case "edits" when p.Value.ValueKind == JsonValueKind.Array:
                    ReadEdits(p.Value, edits, errors);
                    break;
                case "edits":
                    errors.Add(new FieldError("$.edits", "must be a list of {\"id\", \"properties\"}"));
                    break;
                default:
                    errors.Add(new FieldError("$." + p.Name, "unknown property"));
                    break;
            }
        }
        if (action is null && !errors.Any(e => e.Path == "$.action"))
        {
            errors.Add(new FieldError("$.action", "required"));
        }
        if (errors.Count > 0)
        {
            return false;
        }
        request = new ModerationRequest(action!.Value, message, channel, edits, drop);
        return true;
    }

    private static void ReadEdits(JsonElement array, List<ObjectEdit> edits, List<FieldError> errors)
    {
        int i = 0;
        foreach (var edit in array.EnumerateArray())
        {
            string path = $"$.edits[{i++}]";
            if (edit.ValueKind != JsonValueKind.Object
                || !edit.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                || !edit.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
                || edit.EnumerateObject().Count() != 2)
            {
                errors.Add(new FieldError(path, "must be {\"id\": \"<stix id>\", \"properties\": {\"<free-text property>\": <new value or null>}}"));
                continue;
            }
            var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var property in properties.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(property.Value.GetRawText());
            }
            edits.Add(new ObjectEdit(id.GetString()!, values));
        }
    }

    private static string Cursor(Submission s) =>
        s.ReceivedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "." + s.Id.ToString("N");

    private static bool TryReadCursor(string cursor, out DateTime at, out Guid after)
    {
        at = default;
        after = default;
        string[] parts = cursor.Split('.');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
            || ticks > DateTime.MaxValue.Ticks || !Guid.TryParseExact(parts[1], "N", out after))
        {
            return false;
        }
        at = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }
}

/// <summary>The decision body (for the OpenAPI description).</summary>
internal sealed record DecisionBody(string Action, string? Message, string? Channel, IReadOnlyList<EditBody>? Edits, IReadOnlyList<string>? Drop);

/// <summary>One redaction edit (for the OpenAPI description).</summary>
internal sealed record EditBody(string Id, JsonElement Properties);

/// <summary>What a decision did.</summary>
internal sealed record DecisionResponse(Guid Id, string Action, string State, string? Message, IReadOnlyList<NewVersion> NewVersions);

/// <summary>An object version a decision published.</summary>
internal sealed record NewVersion(string Id, string Modified);

/// <summary>One page of the moderation queue.</summary>
internal sealed record QueueResponse(IReadOnlyList<QueueItem> Submissions, string? Next);

/// <summary>A submission waiting for a moderator.</summary>
internal sealed record QueueItem(Guid Id, string Organization, string Channel, string Tlp, string State, bool NeedsReview, bool Anonymous,
    DateTimeOffset ReceivedAt, int Objects, IReadOnlyList<FindingResponse> Findings, Guid? Revises);
