using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;
using OpenIddict.Validation.AspNetCore;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Exports;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Problems;

namespace ThreatShare.Server.Features.Exports;

/// <summary>
/// <c>GET /api/v1/exports/{format}</c>: the indicators the caller may receive in bulk (the one
/// visibility decision, then the redistribution rule, <see cref="Redistribution"/>), filtered, as a
/// STIX bundle, CSV, a block list, Suricata rules or an RPZ zone. Streamed from the store in batches,
/// with a weak entity tag so that a poller whose copy is current gets 304. Every export is audited
/// with its format, filters and counts.
/// </summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        // Authentication is checked here rather than by the authorization middleware, so that an expired
        // or revoked token gets problem details that say so (feeds are read by unattended tools).
        app.MapGet("/api/v1/exports/{format}", ExportAsync)
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> ExportAsync(string format, HttpContext http, CallerContext callers, ThreatShareDb db, AuditLog audit, TimeProvider time,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return await UnauthenticatedAsync(http);
        }
        var caller = await callers.GetAsync(http.User, ct);
        if (caller is null)
        {
            await audit.AppendAsync(AuditActions.Export, format, AuditOutcome.Denied, new { status = 401 }, ct);
            return Unauthorized(http, "invalid_token", "The token's client or user has been disabled or removed (a revoked feed token): ask the organization's admin.");
        }
        ExportAudience audience;
        if (caller.IsClient)
        {
            if (caller.Scopes.Contains(ApiScopes.Feeds))
            {
                audience = ExportAudience.Feed;
            }
            else if (caller.Scopes.Contains(ApiScopes.StixRead))
            {
                audience = ExportAudience.OwnTool;
            }
            else
            {
                await audit.AppendAsync(AuditActions.Export, format, AuditOutcome.Denied, new { status = 403 }, ct);
                return Problems.Problems.Forbidden("exports need the 'feeds' or the 'stix.read' scope");
            }
        }
        else if (Roles.All.Any(caller.HasRole))
        {
            audience = ExportAudience.Person;
        }
        else
        {
            await audit.AppendAsync(AuditActions.Export, format, AuditOutcome.Denied, new { status = 403 }, ct);
            return Problems.Problems.Forbidden("exporting needs a role in your organization");
        }

        var errors = new List<FieldError>();
        if (!ExportFormats.TryParse(format, out var exportFormat))
        {
            errors.Add(new FieldError("$.format", $"unknown format '{(format.Length > 40 ? format[..40] + "…" : format)}'; one of {string.Join(", ", ExportFormats.Names)}"));
        }
        var filter = ExportFilter.Parse(http.Request.Query.Select(q => new KeyValuePair<string, IReadOnlyList<string>>(q.Key, [.. q.Value.Select(v => v ?? "")])), out var filterErrors);
        errors.AddRange(filterErrors.Select(e => new FieldError("$." + e.Parameter, e.Message)));
        if (errors.Count > 0 || filter is null)
        {
            await audit.AppendAsync(AuditActions.Export, format, AuditOutcome.Failure, new { status = 400, errors = errors.Select(e => e.Path) }, ct);
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-export", "Invalid export request", "the export request has errors; see errors", errors);
        }

        string directorate = await db.DirectorateIdentityAsync(ct);
        var request = new ExportRequest(caller.Reader, audience, caller.Organization.IsDirectorate, directorate, filter, time.GetUtcNow().UtcDateTime);
        return new ExportResult(exportFormat, request, audience, logs.CreateLogger(typeof(ExportEndpoints).FullName!));
    }

    private static async Task<IResult> UnauthenticatedAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        string? error = Item(result, OpenIddictValidationAspNetCoreConstants.Properties.Error);
        string? description = Item(result, OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription);
        return error is null
            ? Unauthorized(http, null, "Exports need an access token: a feed client's or your own (Authorization: Bearer …).")
            : Unauthorized(http, error, $"The access token was refused: {description ?? error}. Expired tokens are renewed at the token endpoint.");
    }

    private static string? Item(AuthenticateResult result, string key) =>
        result.Properties is { } p && p.Items.TryGetValue(key, out string? value) ? value : null;

    private static IResult Unauthorized(HttpContext http, string? error, string detail)
    {
        http.Response.Headers.WWWAuthenticate = error is null ? "Bearer" : $"Bearer error=\"{error}\"";
        return Problems.Problems.Of(StatusCodes.Status401Unauthorized, error is null ? "unauthenticated" : "invalid-token", "Unauthorized", detail);
    }

    /// <summary>Streams the export, or answers 304 when the caller's copy is current.</summary>
    private sealed class ExportResult(ExportFormat format, ExportRequest request, ExportAudience audience, ILogger logger) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var services = http.RequestServices;
            var db = services.GetRequiredService<ThreatShareDb>();
            var audit = services.GetRequiredService<AuditLog>();
            var ct = http.RequestAborted;
            ExportCounts? counts = null;
            string? failure = null;
            // One snapshot for the tag and every batch: the export is consistent even while others publish.
            await using (await ExportSnapshot.BeginAsync(db, ct))
            {
                string etag = await ExportStamp.ComputeAsync(db, format, request, ct);
                var response = http.Response;
                response.Headers.ETag = etag;
                response.Headers.CacheControl = "private, no-cache";
                response.Headers.Vary = "Authorization";
                if (Matches(http.Request.Headers.IfNoneMatch, etag))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
                var warnings = await Core.Findings.WarningLists.LoadAsync(db, ct);
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = format.MediaType();
                response.Headers.ContentDisposition = $"attachment; filename=\"{format.FileName()}\"";
                response.Headers.XContentTypeOptions = "nosniff";
                await response.StartAsync(ct);
                try
                {
                    await using var output = new StreamWriter(response.Body, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    counts = await new ExportWriter(new ExportSource(db), request, warnings).WriteAsync(format, output, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The status is sent: a cut connection is the only way left to say the file is incomplete.
                    ExportLog.Failed(logger, e, format.Name());
                    failure = e.GetType().Name;
                    http.Abort();
                }
                catch (OperationCanceledException)
                {
                    failure = "cancelled";
                }
            }
            var details = new
            {
                status = failure is null ? 200 : 500,
                format = format.Name(),
                audience = audience.Name(),
                filters = request.Filter.Describe().ToDictionary(p => p.Key, p => p.Value),
                indicators = counts?.Indicators,
                entries = counts?.Entries,
                warning_listed = counts?.WarningListed,
                error = failure,
            };
            await audit.AppendAsync(AuditActions.Export, format.Name(), failure is null ? AuditOutcome.Success : AuditOutcome.Failure, details, CancellationToken.None);
            if (counts is not null)
            {
                ExportLog.Exported(logger, format.Name(), counts.Indicators, counts.Entries);
            }
        }

        private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string etag)
        {
            if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
            {
                return false;
            }
            var ours = EntityTagHeaderValue.Parse(etag);
            // If-None-Match compares weakly (RFC 9110, 13.1.2).
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
        }
    }
}

internal static partial class ExportLog
{
    [LoggerMessage(1301, LogLevel.Information, "Export {Format}: {Indicators} indicators, {Entries} entries")]
    public static partial void Exported(ILogger logger, string format, long indicators, long entries);

    [LoggerMessage(1302, LogLevel.Error, "Export {Format} failed after the response started; the connection was cut")]
    public static partial void Failed(ILogger logger, Exception exception, string format);
}
