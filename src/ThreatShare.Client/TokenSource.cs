using System.Net;
using System.Text.Json;

namespace ThreatShare.Client;

/// <summary>
/// Access tokens for one client: client credentials from <c>/connect/token</c>, cached and renewed before they expire,
/// or the caller's own provider. One request at a time; a refused token is dropped with <see cref="Invalidate"/>.
/// </summary>
internal sealed class TokenSource(HttpClient http, ThreatShareClientOptions options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private string? _invalidated;
    private DateTimeOffset _renewAt;

    public async ValueTask<string> GetAsync(CancellationToken ct)
    {
        if (options.AccessTokenProvider is { } provider)
        {
            return await provider(ct).ConfigureAwait(false);
        }
        var now = options.TimeProvider.GetUtcNow();
        if (_token is { } cached && now < _renewAt)
        {
            return cached;
        }
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_token is { } again && options.TimeProvider.GetUtcNow() < _renewAt)
            {
                return again;
            }
            (_token, _renewAt) = await RequestAsync(ct).ConfigureAwait(false);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> (refused by the server), so the next call gets a new one.</summary>
    public void Invalidate(string? token)
    {
        if (token is not null && token == _token)
        {
            _invalidated = token;
            _renewAt = DateTimeOffset.MinValue;
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>True when <paramref name="token"/> was already refused once.</summary>
    public bool WasRefused(string? token) => token is not null && token == _invalidated;

    private async Task<(string Token, DateTimeOffset RenewAt)> RequestAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new ThreatShareAuthenticationException("no credentials: give a client id and secret, or an access token provider");
        }
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
        };
        if (!string.IsNullOrWhiteSpace(options.Scope))
        {
            form["scope"] = options.Scope;
        }
        var requestedAt = options.TimeProvider.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            using var content = new FormUrlEncodedContent(form);
            response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), content, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (Http.IsNetworkFailure(e, ct))
        {
            throw new ThreatShareUnreachableException($"cannot reach the token endpoint of {http.BaseAddress}: {e.Message}", e);
        }
        using (response)
        {
            JsonElement body = await Http.ReadJsonAsync(response, ct).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                string error = Http.Text(body, "error") ?? "refused";
                string? description = Http.Text(body, "error_description");
                throw new ThreatShareAuthenticationException(
                    $"authentication failed: the server refused client '{options.ClientId}' ({error}{(description is null ? "" : ": " + description)})");
            }
            if (!response.IsSuccessStatusCode || Http.Text(body, "access_token") is not { Length: > 0 } token)
            {
                throw new ThreatShareException($"the token endpoint answered {(int)response.StatusCode} {response.ReasonPhrase} without a token");
            }
            var lifetime = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("expires_in", out var e) && e.TryGetInt64(out long seconds)
                ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
            // Renew a margin before expiry, but never later than half-way through a short lifetime.
            var margin = options.TokenRefreshMargin < lifetime / 2 ? options.TokenRefreshMargin : lifetime / 2;
            return (token, requestedAt + lifetime - margin);
        }
    }
}

/// <summary>Small HTTP helpers shared by the token source and the REST calls.</summary>
internal static class Http
{
    /// <summary>A failure of the network (not of the caller's cancellation, not an HTTP status).</summary>
    public static bool IsNetworkFailure(Exception e, CancellationToken ct) =>
        e is HttpRequestException { StatusCode: null } || (e is TaskCanceledException && !ct.IsCancellationRequested);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return default;
        }
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
