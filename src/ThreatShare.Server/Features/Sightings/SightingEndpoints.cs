using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Alerts;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Sightings;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Submissions;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Alerts;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Problems;
using ThreatShare.Stix;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Server.Features.Sightings;

/// <summary>
/// "We saw it too": <c>POST /api/v1/sightings</c> stores a STIX sighting from the caller's
/// organization; <c>GET /api/v1/objects/{id}/sightings</c> shows what the network saw of an indicator.
/// Both exist only for indicators the caller may see (the one visibility decision); for any other
/// the answer is 404, as if it did not exist.
/// </summary>
internal static class SightingEndpoints
{
    public const int MaxCount = 999_999_999;

    public static IEndpointRouteBuilder MapSightings(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/sightings", SightAsync).RequireAuthorization().DisableAntiforgery()
            .Accepts<SightingBody>("application/json").Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/objects/{stixId}/sightings", SummaryAsync).RequireAuthorization()
            .Produces<SightingsResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> SightAsync(JsonElement body, HttpContext http, CallerContext callers, ThreatShareDb db,
        StixValidator validator, TimeProvider time, AlertDispatcher dispatcher, AuditLog audit, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        if (!caller.MayUse(ApiScopes.StixWrite))
        {
            return Problems.Problems.Forbidden("this client was not granted the 'stix.write' scope");
        }
        if (!TryRead(body, out var request, out var errors))
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-request", "Invalid sighting", "the request does not have a sighting's shape", errors);
        }
        // The sighting lives where its indicator does: the newest version the caller sees gives its TLP.
        var indicator = await db.Objects.AsNoTracking().Include(o => o.Recipients).VisibleTo(caller.Reader)
            .Where(o => o.StixId == request.SightingOf && o.Type == "indicator")
            .OrderByDescending(o => o.Version).FirstOrDefaultAsync(ct);
        if (indicator is null)
        {
            return Problems.Problems.NotFound();
        }

        var alerts = new AlertWriter(db);
        var now = StixTimestamp.FromDateTimeOffset(time.GetUtcNow(), 3).ToString();
        var sighting = new JsonObject
        {
            ["type"] = "sighting",
            ["spec_version"] = "2.1",
            ["id"] = "sighting--" + Guid.NewGuid(),
            ["created"] = now,
            ["modified"] = now,
            ["created_by_ref"] = caller.Organization.IdentityId,
            ["sighting_of_ref"] = request.SightingOf,
            ["count"] = request.Count,
            ["first_seen"] = request.FirstSeen.ToString(),
            ["last_seen"] = request.LastSeen.ToString(),
            ["object_marking_refs"] = new JsonArray(TlpMarkings.ForLevel(indicator.Tlp).Value),
        };
        if (request.Named)
        {
            sighting["where_sighted_refs"] = new JsonArray(caller.Organization.IdentityId);
        }
        using var document = JsonDocument.Parse(sighting.ToJsonString());
        var result = validator.Validate(document.RootElement);
        if (!result.IsValid)
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-sighting", "Invalid sighting", "the sighting is not valid STIX",
                [.. result.Errors.Select(e => new FieldError(e.Path, e.Message))]);
        }
        string json = StixJson.Serialize(StixJson.Deserialize(document.RootElement.GetRawText()));
        var stored = new StoredSighting
        {
            StixId = sighting["id"]!.GetValue<string>(),
            IndicatorId = request.SightingOf,
            OrganizationId = caller.Organization.Id,
            Named = request.Named,
            Count = request.Count,
            FirstSeen = request.FirstSeen.UtcDateTime,
            LastSeen = request.LastSeen.UtcDateTime,
            AddedAt = time.GetUtcNow().UtcDateTime,
            Json = json,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Sightings.Add(stored);
            // Announced wherever the indicator's alerts go, once published; a sighting of a pending indicator waits with it.
            if (indicator.State == SubmissionState.Published)
            {
                await alerts.SightingAsync(stored, indicator, stored.AddedAt, ct);
            }
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(AuditActions.Sighting, stored.IndicatorId, AuditOutcome.Success, new { sighting = stored.StixId, count = stored.Count, named = stored.Named }, ct);
            await tx.CommitAsync(ct);
        }
        dispatcher.Dispatch(alerts.Written);
        return Results.Text(json, "application/json", statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> SummaryAsync(string stixId, HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        if (!caller.MayUse(ApiScopes.StixRead))
        {
            return Problems.Problems.Forbidden("this client was not granted the 'stix.read' scope");
        }
        if (!await db.Objects.AsNoTracking().VisibleTo(caller.Reader).AnyAsync(o => o.StixId == stixId && o.Type == "indicator", ct))
        {
            return Problems.Problems.NotFound();
        }
        var summary = (await SightingSummary.ForAsync(db, [stixId], ct)).GetValueOrDefault(stixId) ?? SightingSummary.None;
        var named = await db.Organizations.AsNoTracking().Where(o => summary.Named.Contains(o.Id)).OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync(ct);
        bool mine = await db.Sightings.AsNoTracking().AnyAsync(s => s.IndicatorId == stixId && s.OrganizationId == caller.Organization.Id, ct);
        return Results.Ok(new SightingsResponse(stixId, summary.Organizations, summary.Count, Utc(summary.FirstSeen), Utc(summary.LastSeen), named, mine));
    }

    private static DateTimeOffset? Utc(DateTime? t) => t is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    /// <summary>Reads <c>{"sighting_of_ref","count","first_seen","last_seen","named"}</c>, reporting every error by path.</summary>
    private static bool TryRead(JsonElement root, out SightingRequest request, out List<FieldError> errors)
    {
        errors = [];
        request = default!;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$", "the sighting must be a JSON object"));
            return false;
        }
        string? of = null;
        int count = 1;
        StixTimestamp? first = null, last = null;
        bool named = false;
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "sighting_of_ref" when p.Value.ValueKind == JsonValueKind.String && StixIdentifier.TryParse(p.Value.GetString(), out var id) && id.Type == "indicator":
                    of = id.ToString();
                    break;
                case "sighting_of_ref":
                    errors.Add(new FieldError("$.sighting_of_ref", "must be an indicator id (indicator--<uuid>)"));
                    break;
                case "count" when p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out int n) && n is >= 1 and <= MaxCount:
                    count = n;
                    break;
                case "count":
                    errors.Add(new FieldError("$.count", $"must be a whole number from 1 to {MaxCount:N0}"));
                    break;
                case "first_seen" or "last_seen" when p.Value.ValueKind == JsonValueKind.String && StixTimestamp.TryParse(p.Value.GetString(), out var t):
                    (p.Name == "first_seen" ? ref first : ref last) = t;
                    break;
                case "first_seen" or "last_seen":
                    errors.Add(new FieldError("$." + p.Name, "must be a STIX timestamp (e.g. 2026-11-01T10:00:00Z)"));
                    break;
                case "named" when p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    named = p.Value.GetBoolean();
                    break;
                case "named":
                    errors.Add(new FieldError("$.named", "must be true or false"));
                    break;
                default:
                    errors.Add(new FieldError("$." + p.Name, "unknown property"));
                    break;
            }
        }
        if (of is null && !errors.Any(e => e.Path == "$.sighting_of_ref"))
        {
            errors.Add(new FieldError("$.sighting_of_ref", "required"));
        }
        foreach (var (name, value) in new[] { ("first_seen", first), ("last_seen", last) })
        {
            if (value is null && !errors.Any(e => e.Path == "$." + name))
            {
                errors.Add(new FieldError("$." + name, "required"));
            }
        }
        if (first is { } f && last is { } l && l < f)
        {
            errors.Add(new FieldError("$.last_seen", "must not be before first_seen"));
        }
        if (errors.Count > 0)
        {
            return false;
        }
        request = new SightingRequest(of!, count, first!.Value, last!.Value, named);
        return true;
    }

    private sealed record SightingRequest(string SightingOf, int Count, StixTimestamp FirstSeen, StixTimestamp LastSeen, bool Named);
}

/// <summary>The request body (for the OpenAPI description).</summary>
internal sealed record SightingBody(string SightingOfRef, int Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, bool Named);

/// <summary>What the network saw of an indicator: organizations as a count, names only of those who chose it.</summary>
internal sealed record SightingsResponse(string Indicator, int Organizations, long Count, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen,
    IReadOnlyList<string> NamedOrganizations, bool SeenByYou);
