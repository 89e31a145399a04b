using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ThreatShare.Client;

/// <summary>
/// A client of one ThreatShare server: tokens by client credentials (cached, renewed before expiry and after a 401),
/// typed REST calls, and the live alerts with <see cref="WatchAsync(AlertWatchOptions, CancellationToken)"/>.
/// Thread-safe; keep one per server and identity.
/// </summary>
public sealed partial class ThreatShareClient : IDisposable
{
    /// <summary>Asking for alerts after this sequence gives an empty page with the stream's last sequence (2^53 - 1, exact in every JSON reader).</summary>
    private const long BeyondEveryStream = 9_007_199_254_740_991;

    private readonly HttpClient _http;
    private readonly TokenSource _tokens;

    /// <summary>Creates a client with the given options.</summary>
    /// <param name="options">The server's address and the client's identity.</param>
    /// <exception cref="ArgumentException">There is no base address, or neither credentials nor a token provider.</exception>
    public ThreatShareClient(ThreatShareClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseAddress is not { IsAbsoluteUri: true } address)
        {
            throw new ArgumentException("an absolute BaseAddress is required", nameof(options));
        }
        if (options.AccessTokenProvider is null && (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret)))
        {
            throw new ArgumentException("give ClientId and ClientSecret, or an AccessTokenProvider", nameof(options));
        }
        Options = options;
        // Relative paths resolve under the base path only when it ends with a slash.
        BaseAddress = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        _http = new HttpClient { BaseAddress = BaseAddress, Timeout = options.RequestTimeout };
        _tokens = new TokenSource(_http, options);
    }

    /// <summary>Creates a client that signs in with client credentials.</summary>
    /// <param name="baseAddress">The server's base address.</param>
    /// <param name="clientId">The OAuth client id.</param>
    /// <param name="clientSecret">The client's secret.</param>
    public ThreatShareClient(Uri baseAddress, string clientId, string clientSecret)
        : this(new ThreatShareClientOptions { BaseAddress = baseAddress, ClientId = clientId, ClientSecret = clientSecret })
    {
    }

    /// <summary>The server's base address (ending with a slash).</summary>
    public Uri BaseAddress { get; }

    internal ThreatShareClientOptions Options { get; }

    internal TokenSource Tokens => _tokens;

    /// <summary>An access token for this client, from the cache while it is fresh.</summary>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The bearer token.</returns>
    /// <exception cref="ThreatShareAuthenticationException">The token endpoint refused the credentials.</exception>
    /// <exception cref="ThreatShareUnreachableException">The server cannot be reached.</exception>
    public async Task<string> GetAccessTokenAsync(CancellationToken ct) => await _tokens.GetAsync(ct).ConfigureAwait(false);

    /// <summary>Submits a STIX bundle to a channel (<c>POST /api/v1/submissions</c>).</summary>
    /// <param name="submission">The channel, TLP, bundle and options of the submission.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The server's receipt: published at once, or pending moderation.</returns>
    /// <exception cref="ThreatShareRequestException">The submission was rejected (invalid STIX, not allowed, version conflict); nothing was stored.</exception>
    /// <exception cref="ThreatShareAuthenticationException">The server refused the client's identity.</exception>
    /// <exception cref="ThreatShareUnreachableException">The server cannot be reached.</exception>
    public async Task<SubmissionReceipt> SubmitAsync(SubmissionRequest submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        byte[] body = submission.ToJson();
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/v1/submissions")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        }, ct).ConfigureAwait(false);
        var json = await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return new SubmissionReceipt(
            Guid.Parse(Http.Text(json, "id") ?? throw new ThreatShareException("the server's receipt has no id")),
            Http.Text(json, "state") ?? "",
            Http.Text(json, "channel") ?? "",
            json.TryGetProperty("objects", out var objects) ? [.. objects.EnumerateArray().Select(o => o.GetString() ?? "")] : [],
            json.TryGetProperty("needs_review", out var review) ? review.ValueKind == JsonValueKind.True
                : json.TryGetProperty("needsReview", out review) && review.ValueKind == JsonValueKind.True,
            json);
    }

    /// <summary>The newest version of a STIX object this client may see (<c>GET /api/v1/objects/{id}</c>).</summary>
    /// <param name="stixId">The STIX id, e.g. <c>indicator--…</c>.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The object, or null when it does not exist or this client may not see it (the server does not tell which).</returns>
    /// <exception cref="ThreatShareAuthenticationException">The server refused the client's identity.</exception>
    /// <exception cref="ThreatShareUnreachableException">The server cannot be reached.</exception>
    public async Task<JsonElement?> GetObjectAsync(string stixId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(stixId);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/objects/" + Uri.EscapeDataString(stixId)), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>One page of a stream's alerts after a sequence (<c>GET /api/v1/alerts</c>).</summary>
    /// <param name="stream">The stream, e.g. <c>channel:sector:finance</c>.</param>
    /// <param name="after">The last sequence already handled (0 for the beginning).</param>
    /// <param name="limit">At most this many alerts (1 to 1000).</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The alerts, in order, and the stream's last sequence.</returns>
    /// <exception cref="ThreatShareRequestException">The query is invalid, or this client does not read the stream (403).</exception>
    /// <exception cref="ThreatShareAuthenticationException">The server refused the client's identity.</exception>
    /// <exception cref="ThreatShareUnreachableException">The server cannot be reached.</exception>
    public async Task<AlertPage> GetAlertsAsync(string stream, long after, int limit, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        string path = string.Create(CultureInfo.InvariantCulture, $"api/v1/alerts?stream={Uri.EscapeDataString(stream)}&after={after}&limit={limit}");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), ct).ConfigureAwait(false);
        var json = await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var alerts = json.TryGetProperty("alerts", out var list) ? list.EnumerateArray().Select(Alert.FromJson).ToList() : [];
        long last = json.TryGetProperty("last_sequence", out var l) && l.TryGetInt64(out long n) ? n : 0;
        return new AlertPage(alerts, last);
    }

    /// <summary>The last sequence of a stream now (0 when it has none).</summary>
    internal async Task<long> LastSequenceAsync(string stream, CancellationToken ct) =>
        (await GetAlertsAsync(stream, BeyondEveryStream, 1, ct).ConfigureAwait(false)).LastSequence;

    /// <summary>
    /// Follows every stream the server gives this client, resuming each stream right after its position in
    /// <paramref name="resumeFrom"/> (streams not in it start with what is written from now on).
    /// See <see cref="WatchAsync(AlertWatchOptions, CancellationToken)"/>.
    /// </summary>
    /// <param name="resumeFrom">The last sequence already handled per stream, or null.</param>
    /// <param name="ct">Ends the watch (the enumeration then throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The alerts, in order within each stream, each once.</returns>
    public IAsyncEnumerable<Alert> WatchAsync(IReadOnlyDictionary<string, long>? resumeFrom, CancellationToken ct) =>
        WatchAsync(new AlertWatchOptions { ResumeFrom = resumeFrom }, ct);

    /// <summary>
    /// Follows the live alerts over the hub. Within each stream alerts come in sequence order, each once: duplicates
    /// (at-least-once delivery) are dropped, an alert that comes before an earlier one is held back until the server has
    /// sent what is missing (asked for with <c>Resume</c> as soon as a gap shows), and every stream is resumed from its
    /// last sequence after a reconnect. Lost connections are retried with SignalR's automatic reconnect and then with new
    /// connections, with <see cref="AlertWatchOptions.RetryDelays"/> between attempts.
    /// </summary>
    /// <param name="options">Streams, positions and retry policy.</param>
    /// <param name="ct">Ends the watch (the enumeration then throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The alerts. Enumerate once; the enumeration ends only with <paramref name="ct"/> or an error.</returns>
    /// <exception cref="ThreatShareAuthenticationException">The server refused the client's identity, or it may not read alerts.</exception>
    /// <exception cref="ThreatShareUnreachableException">No connection after <see cref="AlertWatchOptions.MaxConnectAttempts"/> attempts in a row.</exception>
    /// <exception cref="ThreatShareRequestException">A stream named in <see cref="AlertWatchOptions.Streams"/> is not one this client reads.</exception>
    public IAsyncEnumerable<Alert> WatchAsync(AlertWatchOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BufferCapacity, 1);
        if (options.RetryDelays is not { Count: > 0 })
        {
            throw new ArgumentException("RetryDelays needs at least one delay", nameof(options));
        }
        if (options.ResumeInterval is { } every && every <= TimeSpan.Zero)
        {
            throw new ArgumentException("ResumeInterval must be positive, or null", nameof(options));
        }
        return new AlertWatch(this, options).RunAsync(ct);
    }

    /// <summary>Sends a request with a bearer token; after a 401 it renews the token and tries once more.</summary>
    internal async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        for (int attempt = 0; ; attempt++)
        {
            string token = await _tokens.GetAsync(ct).ConfigureAwait(false);
            using var message = request();
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, completion, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (Http.IsNetworkFailure(e, ct))
            {
                throw new ThreatShareUnreachableException($"cannot reach {BaseAddress}: {e.Message}", e);
            }
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }
            response.Dispose();
            _tokens.Invalidate(token);
            if (attempt > 0)
            {
                throw new ThreatShareAuthenticationException("authentication failed: the server refused the client's token (HTTP 401) even after renewing it");
            }
        }
    }

    internal static async Task<JsonElement> EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var json = await Http.ReadJsonAsync(response, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return json;
        }
        var message = new StringBuilder().Append(CultureInfo.InvariantCulture, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
        if ((Http.Text(json, "detail") ?? Http.Text(json, "title")) is { } detail)
        {
            message.Append(": ").Append(detail);
        }
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray().Take(5))
            {
                message.Append("; ").Append(Http.Text(error, "path") ?? Http.Text(error, "field")).Append(' ').Append(Http.Text(error, "message"));
            }
        }
        throw new ThreatShareRequestException(response.StatusCode, json, message.ToString());
    }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _tokens.Dispose();
    }
}

/// <summary>A submission: a STIX bundle for a channel at a TLP level.</summary>
/// <param name="Channel">The channel, e.g. <c>sector:finance</c>, <c>cross-sector</c>, <c>national</c>.</param>
/// <param name="Tlp">The TLP level: <c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber+strict</c> or <c>red</c>.</param>
/// <param name="Bundle">The STIX 2.1 bundle.</param>
public sealed record SubmissionRequest(string Channel, string Tlp, JsonElement Bundle)
{
    /// <summary>For TLP:RED, the slugs of the recipient organizations.</summary>
    public IReadOnlyList<string>? Recipients { get; init; }

    /// <summary>Publish with the directorate shown as the source to every other reader.</summary>
    public bool Anonymous { get; init; }

    internal byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("channel", Channel);
            json.WriteString("tlp", Tlp);
            if (Recipients is { Count: > 0 })
            {
                json.WriteStartArray("recipients");
                foreach (string recipient in Recipients)
                {
                    json.WriteStringValue(recipient);
                }
                json.WriteEndArray();
            }
            if (Anonymous)
            {
                json.WriteBoolean("anonymous", true);
            }
            json.WritePropertyName("bundle");
            Bundle.WriteTo(json);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
