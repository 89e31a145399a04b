using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Moderation;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Submissions;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Alerts;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Problems;
using ThreatShare.Stix;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Server.Features.Submissions;

/// <summary><c>POST /api/v1/submissions</c> into the one pipeline, and <c>GET /api/v1/submissions/{id}</c>.</summary>
internal static class SubmissionEndpoints
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services)
    {
        services.AddOptions<SubmissionOptions>().BindConfiguration("Submissions")
            .Validate(o => o.MaxBytes > 0 && o.MaxObjects > 0, "Submissions:MaxBytes and Submissions:MaxObjects must be positive").ValidateOnStart();
        services.AddSingleton(sp => new StixValidator(StixLimits.Default with
        {
            MaxDocumentBytes = sp.GetRequiredService<IOptions<SubmissionOptions>>().Value.MaxBytes,
            MaxBundleObjects = sp.GetRequiredService<IOptions<SubmissionOptions>>().Value.MaxObjects,
        }));
        services.AddScoped(sp => new SubmissionPipeline(
            sp.GetRequiredService<ThreatShareDb>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SubmissionOptions>>().Value,
            sp.GetRequiredService<StixValidator>(),
            sp.GetRequiredService<AuditLog>()));
        return services;
    }

    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/submissions", SubmitAsync).RequireAuthorization().DisableAntiforgery()
            .Accepts<SubmissionBody>("application/json")
            .Produces<SubmissionResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        app.MapGet("/api/v1/submissions/{id:guid}", GetAsync).RequireAuthorization()
            .Produces<SubmissionDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, CallerContext callers, SubmissionPipeline pipeline, IOptions<SubmissionOptions> options,
        AlertDispatcher alerts, CancellationToken ct)
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
        if (!(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type", "send the submission as application/json");
        }

        int max = options.Value.MaxBytes;
        if (http.Request.ContentLength > max)
        {
            return TooLarge(max);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = StixLimits.Default.MaxJsonDepth }, ct);
        }
        catch (JsonException e)
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "malformed-json", "Malformed JSON", "the body is not valid JSON",
                [new FieldError("$", $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}")]);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max);
        }

        using (document)
        {
            if (!TryReadBody(document.RootElement, out var request, out var shapeErrors))
            {
                return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-request", "Invalid submission", "the request does not have the submission's shape", shapeErrors);
            }
            var submitter = new Submitter(caller.Poster, caller.Reader, caller.ActedBy, caller.Organization.IdentityId);
            var result = await pipeline.SubmitAsync(request, submitter, ct);
            if (result.IsRejected)
            {
                var errors = result.Errors.Select(e => new FieldError(e.Path, e.Message)).ToList();
                return result.RejectionCode switch
                {
                    "not-allowed" => Problems.Problems.Of(StatusCodes.Status403Forbidden, "not-allowed", "Not allowed", "you may not post this to this channel", errors),
                    "version-conflict" => Problems.Problems.Of(StatusCodes.Status409Conflict, "version-conflict", "Version conflict", "an object version conflicts with what is stored", errors),
                    var code => Problems.Problems.Of(StatusCodes.Status400BadRequest, code ?? "invalid", "Submission rejected", "the submission was rejected; nothing was stored", errors),
                };
            }
            alerts.Dispatch(result.Alerts);
            var response = SubmissionResponse.From(result);
            return Results.Created($"/api/v1/submissions/{result.Id}", response);
        }
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        // Anyone else gets 404, as if it did not exist.
        if (submission is null || !caller.Reader.CanSeeSubmission(submission.OrganizationId, submission.Channel))
        {
            return Problems.Problems.NotFound();
        }
        var objects = await db.Objects.AsNoTracking().Where(o => o.SubmissionId == id).OrderBy(o => o.Key).Select(o => o.StixId).ToListAsync(ct);
        var findings = JsonSerializer.Deserialize<List<FindingResponse>>(submission.FindingsJson) ?? [];
        var decisions = await db.ModerationDecisions.AsNoTracking().Where(d => d.SubmissionId == id).OrderBy(d => d.At).ToListAsync(ct);
        var revisedBy = await db.Submissions.AsNoTracking().Where(s => s.RevisesId == id).OrderBy(s => s.ReceivedAt).Select(s => s.Id).ToListAsync(ct);
        return Results.Ok(new SubmissionDetails(
            submission.Id, ModerationService.StateName(submission.State), submission.Channel, [.. objects.Distinct(StringComparer.Ordinal)], findings,
            submission.NeedsReview, submission.RevisesId, revisedBy,
            [.. decisions.Select(d => new DecisionRecord(d.Action, d.Message, new DateTimeOffset(DateTime.SpecifyKind(d.At, DateTimeKind.Utc)), JsonDocument.Parse(d.DetailsJson).RootElement))]));
    }

    private static IResult TooLarge(int max) => Problems.Problems.Of(StatusCodes.Status413PayloadTooLarge, "too-large", "Submission too large", $"a submission is at most {max} bytes");

    private static string FirstSentence(string message) => message.Split(". ", 2)[0];

    /// <summary>Reads <c>{"channel","tlp","recipients","anonymous","bundle"}</c>, reporting every shape error by path.</summary>
    private static bool TryReadBody(JsonElement root, out SubmissionRequest request, out List<FieldError> errors)
    {
        errors = [];
        request = new SubmissionRequest(null, null, null, false, default);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$", "the submission must be a JSON object"));
            return false;
        }
        string? channel = null, tlp = null;
        List<string>? recipients = null;
        bool anonymous = false;
        Guid? revises = null;
        JsonElement bundle = default;
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "channel" when p.Value.ValueKind == JsonValueKind.String:
                    channel = p.Value.GetString();
                    break;
                case "tlp" when p.Value.ValueKind == JsonValueKind.String:
                    tlp = p.Value.GetString();
                    break;
                case "anonymous" when p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    anonymous = p.Value.GetBoolean();
                    break;
                case "recipients" when p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(r => r.ValueKind == JsonValueKind.String):
                    recipients = [.. p.Value.EnumerateArray().Select(r => r.GetString()!)]; // strings, checked above
                    break;
                case "recipients" when p.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "revises" when p.Value.ValueKind == JsonValueKind.String && Guid.TryParse(p.Value.GetString(), out var revised):
                    revises = revised;
                    break;
                case "revises":
                    errors.Add(new FieldError("$.revises", "must be the id of a submission with changes requested"));
                    break;
                case "bundle":
                    bundle = p.Value; // the document lives until the pipeline has finished
                    break;
                case "channel" or "tlp":
                    errors.Add(new FieldError("$." + p.Name, "must be a string"));
                    break;
                case "anonymous":
                    errors.Add(new FieldError("$.anonymous", "must be true or false"));
                    break;
                case "recipients":
                    errors.Add(new FieldError("$.recipients", "must be a list of organization slugs or ids"));
                    break;
                default:
                    errors.Add(new FieldError("$." + p.Name, "unknown property"));
                    break;
            }
        }
        if (channel is null && !errors.Any(e => e.Path == "$.channel"))
        {
            errors.Add(new FieldError("$.channel", "required"));
        }
        if (tlp is null && !errors.Any(e => e.Path == "$.tlp"))
        {
            errors.Add(new FieldError("$.tlp", "required"));
        }
        if (bundle.ValueKind == JsonValueKind.Undefined)
        {
            errors.Add(new FieldError("$.bundle", "required"));
        }
        request = new SubmissionRequest(channel, tlp, recipients, anonymous, bundle) { Revises = revises };
        return errors.Count == 0;
    }
}

/// <summary>The request body (for the OpenAPI description).</summary>
internal sealed record SubmissionBody(string Channel, string Tlp, IReadOnlyList<string>? Recipients, bool Anonymous, JsonElement Bundle, Guid? Revises);

/// <summary>A submission as its submitter and moderators see it.</summary>
internal sealed record SubmissionResponse(Guid Id, string State, string Channel, IReadOnlyList<string> Objects, IReadOnlyList<FindingResponse> Findings, bool NeedsReview)
{
    public static SubmissionResponse From(SubmissionResult r) => new(
        r.Id ?? Guid.Empty,
        ModerationService.StateName(r.State ?? SubmissionState.Pending),
        r.Channel ?? "",
        r.Objects,
        [.. r.Findings.Select(f => new FindingResponse(f.Kind, f.Path, f.Message))],
        r.NeedsReview);
}

/// <summary>A submission with its moderation history, as its submitter and moderators read it.</summary>
internal sealed record SubmissionDetails(Guid Id, string State, string Channel, IReadOnlyList<string> Objects, IReadOnlyList<FindingResponse> Findings,
    bool NeedsReview, Guid? Revises, IReadOnlyList<Guid> RevisedBy, IReadOnlyList<DecisionRecord> Decisions);

/// <summary>A moderator's decision as the submitter reads it: what, why, when and what changed (not who).</summary>
internal sealed record DecisionRecord(string Action, string? Message, DateTimeOffset At, JsonElement Details);

/// <summary>A finding of the automatic checks.</summary>
internal sealed record FindingResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("kind")] string Kind,
    [property: System.Text.Json.Serialization.JsonPropertyName("path")] string Path,
    [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);
