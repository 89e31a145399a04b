using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Submissions;
using ThreatShare.Server.Features.Audit;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Hosting;

namespace ThreatShare.Server.Features.Taxii;

/// <summary>
/// TAXII 2.1 (OASIS): discovery, one API root, one collection per channel the caller reads or writes,
/// objects, manifest, versions, delete, and posting into the one submission pipeline with a status
/// resource to follow moderation. Every read goes through the one visibility decision; a collection
/// or object the caller may not see answers 404 exactly like one that does not exist. Every answer,
/// errors included, is <c>application/taxii+json;version=2.1</c>, and every 4xx is the TAXII error
/// resource.
/// </summary>
internal static class TaxiiEndpoints
{
    public const string Prefix = "/taxii2";
    public const string ApiRootName = "threatshare";
    public const string ApiRootPath = Prefix + "/" + ApiRootName + "/";
    public const string DateAddedFirst = "X-TAXII-Date-Added-First";
    public const string DateAddedLast = "X-TAXII-Date-Added-Last";

    private const string CallerKey = "threatshare.taxii.caller";

    /// <summary>Registers HTTP Basic for API clients (used by TAXII only).</summary>
    public static IServiceCollection AddTaxii(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BasicClientAuthentication>(BasicClientAuthentication.SchemeName, null);
        return services;
    }

    public static IEndpointRouteBuilder MapTaxii(this IEndpointRouteBuilder app)
    {
        var taxii = app.MapGroup(Prefix).AddEndpointFilter(GateAsync).ExcludeFromDescription().DisableAntiforgery();
        taxii.MapGet("/", Discovery);
        taxii.MapGet("/" + ApiRootName + "/", ApiRootAsync);
        var root = taxii.MapGroup("/" + ApiRootName);
        root.MapGet("/collections/", CollectionsAsync);
        root.MapGet("/collections/{collectionId}/", CollectionAsync);
        root.MapGet("/collections/{collectionId}/objects/", TaxiiObjects.GetAsync);
        root.MapPost("/collections/{collectionId}/objects/", TaxiiObjects.PostAsync);
        root.MapGet("/collections/{collectionId}/objects/{objectId}/", TaxiiObjects.GetOneAsync);
        root.MapDelete("/collections/{collectionId}/objects/{objectId}/", TaxiiObjects.DeleteAsync)
            .AuditAs(AuditActions.ObjectDelete, Audited.Route("objectId"),
                c => new { collection = c.HttpContext.GetRouteValue("collectionId")?.ToString(), match_version = c.HttpContext.Request.Query["match[version]"].ToString() });
        root.MapGet("/collections/{collectionId}/objects/{objectId}/versions/", TaxiiObjects.VersionsAsync);
        root.MapGet("/collections/{collectionId}/manifest/", TaxiiObjects.ManifestAsync);
        root.MapGet("/status/{statusId}/", StatusAsync);
        // Anything else under the prefix is a TAXII 404, not the web server's empty page.
        taxii.Map("/{**rest}", () => TaxiiResults.NotFound());
        return app;
    }

    /// <summary>The caller the gate resolved for this request.</summary>
    public static Caller CallerOf(HttpContext http) =>
        http.Items[CallerKey] as Caller ?? throw new InvalidOperationException("the TAXII gate did not run");

    /// <summary>
    /// Before every TAXII endpoint: <c>Accept</c> (406), authentication by bearer token or Basic (401
    /// with <c>WWW-Authenticate</c>), and the caller as the trust rules see it; errors the web server
    /// raises while reading the body (413 and other 4xx) become TAXII errors.
    /// </summary>
    private static async ValueTask<object?> GateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            if (!TaxiiMedia.Acceptable(http.Request))
            {
                return TaxiiResults.Error(StatusCodes.Status406NotAcceptable, "Not acceptable", $"this server answers {TaxiiMedia.Taxii}");
            }
            string? authorization = http.Request.Headers.Authorization;
            if (authorization is not null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                var basic = await http.AuthenticateAsync(BasicClientAuthentication.SchemeName);
                if (!basic.Succeeded)
                {
                    return TaxiiResults.Unauthorized();
                }
                http.User = basic.Principal;
            }
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return TaxiiResults.Unauthorized();
            }
            var caller = await http.RequestServices.GetRequiredService<CallerContext>().GetAsync(http.User, http.RequestAborted);
            if (caller is null)
            {
                return TaxiiResults.Unauthorized();
            }
            http.Items[CallerKey] = caller;
            return await next(context);
        }
        catch (BadHttpRequestException e)
        {
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(http.RequestServices.GetRequiredService<IOptions<SubmissionOptions>>().Value.MaxBytes)
                : TaxiiResults.Error(e.StatusCode, "Bad request", "the request could not be read: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or broken infrastructure: logged here, and a TAXII error without details on the wire.
            TaxiiLog.Failed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TaxiiEndpoints)), e, http.Request.Method, http.Request.Path);
            return TaxiiResults.Error(StatusCodes.Status500InternalServerError, "Internal error", "the server could not answer; the error is logged");
        }
    }

    public static IResult TooLarge(long max) =>
        TaxiiResults.Error(StatusCodes.Status413PayloadTooLarge, "Request too large", $"a request body is at most {max} bytes (max_content_length)");

    private static IResult Discovery(HttpContext http, IOptions<ServerOptions> server) => TaxiiResults.Resource(
        new TaxiiDiscovery(
            "ThreatShare",
            "Threat indicators shared by the companies of each sector, under the sharing rules of the national cyber directorate.",
            null,
            BaseUrl(http, server.Value) + ApiRootPath,
            [BaseUrl(http, server.Value) + ApiRootPath]),
        TaxiiJson.Wire.TaxiiDiscovery);

    private static IResult ApiRootAsync(IOptions<SubmissionOptions> submissions) => TaxiiResults.Resource(
        new TaxiiApiRoot("ThreatShare", "One collection per channel: each sector community, cross-sector and national.", [TaxiiMedia.Taxii], submissions.Value.MaxBytes),
        TaxiiJson.Wire.TaxiiApiRoot);

    private static async Task<IResult> CollectionsAsync(HttpContext http, ThreatShareDb db, CancellationToken ct)
    {
        var caller = CallerOf(http);
        var sectors = await SectorNamesAsync(db, ct);
        var collections = TaxiiChannel.For(caller, sectors.Keys).Select(c => c.ToResource(c.Channel.Sector is { } s ? sectors[s] : null)).ToList();
        return TaxiiResults.Resource(new TaxiiCollections(collections.Count == 0 ? null : collections), TaxiiJson.Wire.TaxiiCollections);
    }

    private static async Task<IResult> CollectionAsync(string collectionId, HttpContext http, ThreatShareDb db, CancellationToken ct)
    {
        var sectors = await SectorNamesAsync(db, ct);
        var channel = TaxiiChannel.For(CallerOf(http), sectors.Keys).FirstOrDefault(c => c.Id == collectionId);
        return channel is null ? TaxiiResults.NotFound()
            : TaxiiResults.Resource(channel.ToResource(channel.Channel.Sector is { } s ? sectors[s] : null), TaxiiJson.Wire.TaxiiCollection);
    }

    /// <summary>The collection <paramref name="collectionId"/> as <paramref name="caller"/> sees it, or null (404).</summary>
    public static async Task<TaxiiChannel?> FindCollectionAsync(Caller caller, string collectionId, ThreatShareDb db, CancellationToken ct) =>
        TaxiiChannel.For(caller, (await SectorNamesAsync(db, ct)).Keys).FirstOrDefault(c => c.Id == collectionId);

    private static async Task<Dictionary<string, string>> SectorNamesAsync(ThreatShareDb db, CancellationToken ct) =>
        await db.Sectors.AsNoTracking().OrderBy(s => s.Slug).ToDictionaryAsync(s => s.Slug, s => s.Name, StringComparer.Ordinal, ct);

    private static async Task<IResult> StatusAsync(string statusId, HttpContext http, ThreatShareDb db, CancellationToken ct)
    {
        var status = Guid.TryParse(statusId, out var id) ? await TaxiiStatusBuilder.BuildAsync(db, id, CallerOf(http), ct) : null;
        return status is null ? TaxiiResults.NotFound() : TaxiiResults.Resource(status, TaxiiJson.Wire.TaxiiStatus);
    }

    /// <summary>The address clients reach the server at: the configured public URL, else the request's own.</summary>
    public static string BaseUrl(HttpContext http, ServerOptions server) =>
        server.PublicUrl is { } url ? url.ToString().TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}

/// <summary>Log messages of the TAXII feature (ids 1300–1399).</summary>
internal static partial class TaxiiLog
{
    [LoggerMessage(1301, LogLevel.Error, "TAXII {Method} {Path} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string path);
}
