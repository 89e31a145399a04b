using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;

namespace ThreatShare.Server.Features.Taxii;

/// <summary>The TAXII 2.1 media types and content negotiation.</summary>
internal static class TaxiiMedia
{
    /// <summary>What every TAXII response says it is, errors included.</summary>
    public const string Taxii = "application/taxii+json;version=2.1";

    /// <summary>What the objects of a collection are.</summary>
    public const string Stix = "application/stix+json;version=2.1";

    /// <summary>
    /// True when the <c>Accept</c> header allows a TAXII 2.1 answer: no header, a wildcard, or
    /// <c>application/taxii+json</c> without a version or with version 2.1, at a quality above zero.
    /// </summary>
    public static bool Acceptable(HttpRequest request)
    {
        var values = request.Headers.Accept;
        if (values.Count == 0 || values.All(string.IsNullOrWhiteSpace))
        {
            return true;
        }
        if (!MediaTypeHeaderValue.TryParseList(values, out var ranges))
        {
            return false;
        }
        foreach (var range in ranges)
        {
            if (range.Quality is <= 0)
            {
                continue;
            }
            if (range.MatchesAllTypes || (range.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && range.MatchesAllSubTypes))
            {
                return true;
            }
            if (IsTaxii21(range))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when <c>Content-Type</c> is TAXII 2.1 (<c>application/taxii+json</c>, version 2.1 or none).</summary>
    public static bool IsTaxiiContent(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && IsTaxii21(type);

    private static bool IsTaxii21(MediaTypeHeaderValue type)
    {
        if (!type.MediaType.Equals("application/taxii+json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var version = type.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase));
        return version is null || version.Value.Equals("2.1", StringComparison.Ordinal);
    }
}

/// <summary>TAXII answers: resources and the error resource, always as <see cref="TaxiiMedia.Taxii"/>.</summary>
internal static class TaxiiResults
{
    public static IResult Resource<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        new Bytes(JsonSerializer.SerializeToUtf8Bytes(value, type), status, null);

    /// <summary>The error resource: <c>title</c>, <c>description</c>, <c>http_status</c> and, when there are several, <c>details</c> by JSON path.</summary>
    public static IResult Error(int status, string title, string description, IReadOnlyList<TaxiiErrorDetail>? details = null) =>
        new Bytes(JsonSerializer.SerializeToUtf8Bytes(
            new TaxiiError(title, description, status.ToString(System.Globalization.CultureInfo.InvariantCulture), details is { Count: > 0 } ? details : null),
            TaxiiJson.Wire.TaxiiError), status, null);

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "Not found", "There is no such resource, or you may not see it.");

    public static IResult Unauthorized() => new Bytes(JsonSerializer.SerializeToUtf8Bytes(
        new TaxiiError("Unauthorized", "Send a bearer token from the token endpoint, or an API client's id and secret with HTTP Basic.", "401", null),
        TaxiiJson.Wire.TaxiiError), StatusCodes.Status401Unauthorized, ("WWW-Authenticate", "Bearer, Basic realm=\"ThreatShare TAXII\", charset=\"UTF-8\""));

    public static IResult Forbidden(string description) => Error(StatusCodes.Status403Forbidden, "Forbidden", description);

    public static IResult BadRequest(string description, IReadOnlyList<TaxiiErrorDetail>? details = null) =>
        Error(StatusCodes.Status400BadRequest, "Bad request", description, details);

    /// <summary>Raw UTF-8 JSON with the TAXII media type, an optional header, and optional extra headers set by the caller.</summary>
    public sealed class Bytes(byte[] body, int status, (string Name, string Value)? header) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = TaxiiMedia.Taxii;
            if (header is { } h)
            {
                response.Headers[h.Name] = h.Value;
            }
            foreach (var (name, value) in Headers)
            {
                response.Headers[name] = value;
            }
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body).AsTask();
        }
    }
}

/// <summary>The TAXII error resource.</summary>
internal sealed record TaxiiError(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("http_status")] string HttpStatus,
    [property: JsonPropertyName("details"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TaxiiErrorDetail>? Details);

/// <summary>One problem of a request, by JSON path into it.</summary>
internal sealed record TaxiiErrorDetail(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("message")] string Message);

internal sealed record TaxiiDiscovery(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("contact"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Contact,
    [property: JsonPropertyName("default")] string Default,
    [property: JsonPropertyName("api_roots")] IReadOnlyList<string> ApiRoots);

internal sealed record TaxiiApiRoot(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("versions")] IReadOnlyList<string> Versions,
    [property: JsonPropertyName("max_content_length")] long MaxContentLength);

internal sealed record TaxiiCollection(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("can_read")] bool CanRead,
    [property: JsonPropertyName("can_write")] bool CanWrite,
    [property: JsonPropertyName("media_types")] IReadOnlyList<string> MediaTypes);

internal sealed record TaxiiCollections(
    [property: JsonPropertyName("collections"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TaxiiCollection>? Collections);

internal sealed record TaxiiManifestRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("date_added")] string DateAdded,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("media_type")] string MediaType);

internal sealed record TaxiiManifest(
    [property: JsonPropertyName("more")] bool More,
    [property: JsonPropertyName("next"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next,
    [property: JsonPropertyName("objects"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TaxiiManifestRecord>? Objects);

internal sealed record TaxiiVersions(
    [property: JsonPropertyName("more")] bool More,
    [property: JsonPropertyName("next"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next,
    [property: JsonPropertyName("versions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Versions);

internal sealed record TaxiiStatusDetail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message);

internal sealed record TaxiiStatus(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("request_timestamp")] string RequestTimestamp,
    [property: JsonPropertyName("total_count")] int TotalCount,
    [property: JsonPropertyName("success_count")] int SuccessCount,
    [property: JsonPropertyName("successes")] IReadOnlyList<TaxiiStatusDetail> Successes,
    [property: JsonPropertyName("failure_count")] int FailureCount,
    [property: JsonPropertyName("failures")] IReadOnlyList<TaxiiStatusDetail> Failures,
    [property: JsonPropertyName("pending_count")] int PendingCount,
    [property: JsonPropertyName("pendings")] IReadOnlyList<TaxiiStatusDetail> Pendings);

/// <summary>The TAXII resources' JSON, source-generated.</summary>
[JsonSerializable(typeof(TaxiiError))]
[JsonSerializable(typeof(TaxiiDiscovery))]
[JsonSerializable(typeof(TaxiiApiRoot))]
[JsonSerializable(typeof(TaxiiCollection))]
[JsonSerializable(typeof(TaxiiCollections))]
[JsonSerializable(typeof(TaxiiManifest))]
[JsonSerializable(typeof(TaxiiVersions))]
[JsonSerializable(typeof(TaxiiStatus))]
internal sealed partial class TaxiiJson : JsonSerializerContext
{
    /// <summary>The context TAXII answers use: media types and messages written as they read (<c>+</c> and quotes unescaped).</summary>
    public static TaxiiJson Wire { get; } = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
