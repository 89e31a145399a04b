using System.Text.Json;
using ThreatShare.Core.Lookup;
using ThreatShare.Core.Sightings;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Problems;

namespace ThreatShare.Server.Features.Lookup;

/// <summary>
/// "Is this address bad?": <c>GET /api/v1/lookup?value=…[&amp;type=…]</c> for one value and
/// <c>POST /api/v1/lookup</c> for up to <see cref="MaxValues"/>. The answer lists the indicators (and
/// observables) the caller may see (the one visibility decision) whose current version names the
/// value, a range containing it, or a parent domain of it. No source is shown, so an anonymized
/// publication reveals nothing of its submitter.
/// </summary>
internal static class LookupEndpoints
{
    public const int MaxValues = 10_000;

    public static IEndpointRouteBuilder MapLookup(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/lookup", GetAsync).RequireAuthorization()
            .Produces<LookupResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapPost("/api/v1/lookup", PostAsync).RequireAuthorization().DisableAntiforgery()
            .Accepts<LookupBody>("application/json").Produces<LookupResponses>().ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(string? value, string? type, HttpContext http, CallerContext callers, ThreatShareDb db, TimeProvider time, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (Refused(caller, out var refusal))
        {
            return refusal;
        }
        var errors = new List<FieldError>();
        ObservableKind? kind = null;
        if (type is not null)
        {
            kind = ReadKind(type, "$.type", errors);
        }
        var observable = value is null ? null : Normalize(value, kind, "$.value", errors);
        if (value is null)
        {
            errors.Add(new FieldError("$.value", "required: the value to look up"));
        }
        if (errors.Count > 0 || observable is null)
        {
            return Invalid(errors);
        }
        var results = await LookupIndex.LookupAsync(db, caller.Reader, [observable], time.GetUtcNow().UtcDateTime, ct);
        return Results.Ok(Render(value!, results[0]));
    }

    private static async Task<IResult> PostAsync(JsonElement body, HttpContext http, CallerContext callers, ThreatShareDb db, TimeProvider time, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (Refused(caller, out var refusal))
        {
            return refusal;
        }
        if (!TryRead(body, out var inputs, out var values, out var errors))
        {
            return Invalid(errors);
        }
        var results = await LookupIndex.LookupAsync(db, caller.Reader, values, time.GetUtcNow().UtcDateTime, ct);
        return Results.Ok(new LookupResponses([.. results.Select((r, i) => Render(inputs[i], r))]));
    }

    private static bool Refused([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] Caller? caller, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IResult? refusal)
    {
        // Clients need the 'stix.read' scope; people need a role (every role reads: analyst, org-admin, moderator, directorate-admin).
        refusal = caller is null ? Results.Unauthorized()
            : !caller.MayUse(ApiScopes.StixRead) ? Problems.Problems.Forbidden("this client was not granted the 'stix.read' scope")
            : !caller.IsClient && !Roles.All.Any(caller.HasRole) ? Problems.Problems.Forbidden("looking up needs a role in your organization")
            : null;
        return refusal is not null;
    }

    private static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-lookup", "Invalid lookup", "the lookup request has errors; see errors", errors);

    /// <summary>Reads <c>{"values": ["…" | {"value","type"}], "type"?}</c>, reporting every error by path.</summary>
    private static bool TryRead(JsonElement root, out List<string> inputs, out List<Observable> values, out List<FieldError> errors)
    {
        inputs = [];
        values = [];
        errors = [];
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$", "the body must be a JSON object: {\"values\": [...]}"));
            return false;
        }
        ObservableKind? defaultKind = null;
        JsonElement? list = null;
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "values" when p.Value.ValueKind == JsonValueKind.Array:
                    list = p.Value;
                    break;
                case "values":
                    errors.Add(new FieldError("$.values", "must be an array of values"));
                    break;
                case "type" when p.Value.ValueKind == JsonValueKind.String:
                    defaultKind = ReadKind(p.Value.GetString()!, "$.type", errors);
                    break;
                case "type":
                    errors.Add(new FieldError("$.type", "must be a string"));
                    break;
                default:
                    errors.Add(new FieldError("$." + p.Name, "unknown property"));
                    break;
            }
        }
        if (list is null)
        {
            if (!errors.Any(e => e.Path == "$.values"))
            {
                errors.Add(new FieldError("$.values", "required: the values to look up"));
            }
            return false;
        }
        int count = list.Value.GetArrayLength();
        if (count > MaxValues)
        {
            errors.Add(new FieldError("$.values", $"at most {MaxValues:N0} values per request; this one has {count:N0}: split it"));
            return false;
        }
        if (count == 0)
        {
            errors.Add(new FieldError("$.values", "at least one value"));
            return false;
        }
        int i = 0;
        foreach (var item in list.Value.EnumerateArray())
        {
            string path = $"$.values[{i++}]";
            string? value = null;
            ObservableKind? kind = defaultKind;
            if (item.ValueKind == JsonValueKind.String)
            {
                value = item.GetString();
            }
            else if (item.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in item.EnumerateObject())
                {
                    switch (p.Name)
                    {
                        case "value" when p.Value.ValueKind == JsonValueKind.String:
                            value = p.Value.GetString();
                            break;
                        case "type" when p.Value.ValueKind == JsonValueKind.String:
                            kind = ReadKind(p.Value.GetString()!, path + ".type", errors);
                            break;
                        default:
                            errors.Add(new FieldError(path + "." + p.Name, p.Name is "value" or "type" ? "must be a string" : "unknown property"));
                            break;
                    }
                }
                if (value is null && !errors.Any(e => e.Path == path + ".value"))
                {
                    errors.Add(new FieldError(path + ".value", "required"));
                }
            }
            else
            {
                errors.Add(new FieldError(path, "must be a string or {\"value\", \"type\"}"));
            }
            if (value is not null && Normalize(value, kind, path, errors) is { } observable)
            {
                inputs.Add(value);
                values.Add(observable);
            }
        }
        return errors.Count == 0;
    }

    private static ObservableKind? ReadKind(string type, string path, List<FieldError> errors)
    {
        if (Observables.TryParseKind(type, out var kind))
        {
            return kind;
        }
        errors.Add(new FieldError(path, "unknown type; one of ipv4, ipv6, domain, url, md5, sha1, sha256, sha512, email"));
        return null;
    }

    private static Observable? Normalize(string value, ObservableKind? kind, string path, List<FieldError> errors)
    {
        if (value.Length > Observables.MaxValueLength)
        {
            errors.Add(new FieldError(path, $"longer than {Observables.MaxValueLength:N0} characters"));
            return null;
        }
        var observable = kind is { } k ? Observables.Normalize(k, value) : Observables.Detect(value);
        if (observable is null)
        {
            errors.Add(new FieldError(path, kind is { } known
                ? $"not a valid {known.Name()} value"
                : "type not recognized: give an IPv4 or IPv6 address or CIDR range, a domain, a URL, an MD5/SHA-1/SHA-256/SHA-512 hash or an e-mail address, or say which with type"));
        }
        return observable;
    }

    private static LookupResponse Render(string input, LookupResult result) => new(
        input,
        result.Value.Value,
        result.Kind.Name(),
        [.. result.Matches.Select(m => new MatchResponse(
            m.ObjectType == "indicator" ? m.ObjectId : null,
            m.ObjectType == "indicator" ? null : m.ObjectId,
            m.ObjectType,
            m.Match.Name(),
            m.MatchedValue,
            m.Channel,
            m.Tlp.ToName(),
            Sightings(m.Sightings),
            Utc(m.ValidFrom),
            Utc(m.ValidUntil)))]);

    private static SightingsResponse Sightings(SightingSummary s) => new(s.Organizations, s.Count, Utc(s.FirstSeen), Utc(s.LastSeen));

    private static DateTimeOffset? Utc(DateTime? t) => t is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}

/// <summary>The bulk request (for the OpenAPI description): values as strings or <c>{value, type}</c>.</summary>
internal sealed record LookupBody(IReadOnlyList<string> Values, string? Type);

/// <summary>The bulk answer: one result per value, in input order.</summary>
internal sealed record LookupResponses(IReadOnlyList<LookupResponse> Results);

/// <summary>The answer for one value.</summary>
internal sealed record LookupResponse(string Value, string Normalized, string Type, IReadOnlyList<MatchResponse> Matches);

/// <summary>One match: an indicator (or, for an observable object, its id in <c>observable_id</c>).</summary>
internal sealed record MatchResponse(string? IndicatorId, string? ObservableId, string ObjectType, string Match, string MatchedValue,
    string Channel, string Tlp, SightingsResponse Sightings, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);

/// <summary>What the network saw of it: organizations as a count.</summary>
internal sealed record SightingsResponse(int Organizations, long Count, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen);
