using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Taxii;

/// <summary>A TAXII 2.1 client over real HTTP, as a standard tool would be: the TAXII media type in <c>Accept</c>, a bearer token or Basic.</summary>
public sealed class TaxiiClient : IDisposable
{
    public const string MediaType = "application/taxii+json;version=2.1";
    public const string Root = "/taxii2/threatshare/";

    private TaxiiClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static async Task<TaxiiClient> BearerAsync(ServerNode node, string org, string? scope = null) =>
        With(node, new AuthenticationHeaderValue("Bearer", await node.ClientTokenAsync(org, scope)));

    public static TaxiiClient Person(ServerNode node, string token) => With(node, new AuthenticationHeaderValue("Bearer", token));

    public static TaxiiClient Basic(ServerNode node, string org, string? secret = null)
    {
        var o = node.Organization(org);
        string pair = o.GetProperty("client_id").GetString() + ":" + (secret ?? o.GetProperty("client_secret").GetString());
        return With(node, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair))));
    }

    public static TaxiiClient Anonymous(ServerNode node) => With(node, null);

    private static TaxiiClient With(ServerNode node, AuthenticationHeaderValue? auth)
    {
        var http = new HttpClient { BaseAddress = node.BaseAddress };
        http.DefaultRequestHeaders.Accept.ParseAdd(MediaType);
        http.DefaultRequestHeaders.Authorization = auth;
        return new TaxiiClient(http);
    }

    public async Task<TaxiiAnswer> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await TaxiiAnswer.ReadAsync(response);
    }

    public async Task<TaxiiAnswer> PostAsync(string path, JsonNode envelope, string contentType = MediaType)
    {
        using var content = new StringContent(envelope.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Http.PostAsync(path, content);
        return await TaxiiAnswer.ReadAsync(response);
    }

    public async Task<TaxiiAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        return await TaxiiAnswer.ReadAsync(response);
    }

    public async Task<TaxiiAnswer> DeleteAsync(string path)
    {
        using var response = await Http.DeleteAsync(path);
        return await TaxiiAnswer.ReadAsync(response);
    }

    /// <summary>The id of the collection whose alias is <paramref name="channel"/>, from this caller's list.</summary>
    public async Task<string> CollectionIdAsync(string channel)
    {
        var list = await GetAsync(Root + "collections/");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        return list.Json.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("alias").GetString() == channel).GetProperty("id").GetString()!;
    }

    public static JsonObject Envelope(params JsonObject[] objects) => new() { ["objects"] = new JsonArray([.. objects]) };

    public void Dispose() => Http.Dispose();
}

/// <summary>An answer: status, media type, headers and the parsed body (undefined when empty).</summary>
public sealed record TaxiiAnswer(HttpStatusCode Status, string? ContentType, HttpResponseHeaders Headers, JsonElement Json, string Text)
{
    public static async Task<TaxiiAnswer> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new TaxiiAnswer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Headers, json, text);
    }

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.Single() : null;

    /// <summary>The envelope's objects (none when the envelope is empty).</summary>
    public List<JsonElement> Objects => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("objects", out var o) ? [.. o.EnumerateArray()] : [];

    public bool More => Json.TryGetProperty("more", out var m) && m.GetBoolean();

    public string? Next => Json.TryGetProperty("next", out var n) ? n.GetString() : null;

    /// <summary>Asserts the answer is the TAXII error resource with <paramref name="status"/>, in the TAXII media type.</summary>
    public void AssertError(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status}, got {(int)Status}: {Text}");
        AssertTaxiiMediaType();
        Assert.False(string.IsNullOrEmpty(Json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(Json.GetProperty("description").GetString()));
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), Json.GetProperty("http_status").GetString());
    }

    /// <summary>The answer says it is TAXII 2.1.</summary>
    public void AssertTaxiiMediaType()
    {
        var type = MediaTypeHeaderValue.Parse(ContentType ?? "");
        Assert.Equal("application/taxii+json", type.MediaType);
        Assert.Equal("2.1", Assert.Single(type.Parameters, p => p.Name == "version").Value);
    }

    public void AssertOk(HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(Status == status, $"expected {(int)status}, got {(int)Status}: {Text}");
        AssertTaxiiMediaType();
    }
}

/// <summary>JSON equality that ignores property order and formatting: the same properties with the same values.</summary>
public static class SameJson
{
    public static bool Equal(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var pa = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var pb = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                return pa.Count == pb.Count && pa.All(p => pb.TryGetValue(p.Key, out var v) && Equal(p.Value, v));
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(x => Equal(x.First, x.Second));
            case JsonValueKind.Number:
                return a.GetDecimal() == b.GetDecimal();
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            default:
                return true;
        }
    }
}
