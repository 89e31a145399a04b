using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>
/// One ThreatShare server on a real Kestrel port, with its own data directory and the demo data,
/// reached over real sockets. Tokens come from its own token endpoint.
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private ServerNode(WebApplicationFactory<Program> factory, string dataDirectory, Uri baseAddress, JsonElement credentials)
    {
        _factory = factory;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        Credentials = credentials;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    /// <summary>The parsed <c>demo-credentials.json</c>.</summary>
    public JsonElement Credentials { get; }

    /// <summary>A plain client of the server (no token).</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<ServerNode> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        string dataDirectory = Path.Combine(Path.GetTempPath(), "threatshare-it-" + Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ThreatShare:DataDirectory", dataDirectory);
            b.UseSetting("ThreatShare:SeedDemo", "true");
            b.UseSetting("urls", "http://127.0.0.1:0"); // a free port from the OS
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                b.UseSetting(key, value);
            }
        });
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(); // set once Kestrel listens

        string file = Path.Combine(dataDirectory, "demo-credentials.json");
        // The file is written when the host reports it started, which StartServer awaited.
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        return new ServerNode(factory, dataDirectory, new Uri(address), json.RootElement.Clone());
    }

    public JsonElement Organization(string slug) =>
        Credentials.GetProperty("organizations").EnumerateArray().First(o => o.GetProperty("slug").GetString() == slug);

    /// <summary>Gets an access token with the client credentials of <paramref name="slug"/>'s demo client.</summary>
    public Task<string> ClientTokenAsync(string slug, string? scope = null) => ClientTokenAsync(BaseAddress, Credentials, slug, scope);

    /// <summary>
    /// Gets an access token from the server at <paramref name="node"/> with the client credentials of
    /// <paramref name="slug"/>'s demo client in <paramref name="credentials"/> (a demo credentials file,
    /// possibly written by another node of the same store).
    /// </summary>
    public static async Task<string> ClientTokenAsync(Uri node, JsonElement credentials, string slug, string? scope = null)
    {
        var org = credentials.GetProperty("organizations").EnumerateArray().First(o => o.GetProperty("slug").GetString() == slug);
        using var http = new HttpClient { BaseAddress = node };
        using var response = await RequestClientTokenAsync(http, org.GetProperty("client_id").GetString()!, org.GetProperty("client_secret").GetString()!, scope);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>Signs a demo user in through the authorization code flow (with TOTP where the user has it) and returns the access token.</summary>
    public async Task<string> PersonTokenAsync(string userName, string scope = "openid stix.read")
    {
        var user = Credentials.GetProperty("users").EnumerateArray().First(u => u.GetProperty("username").GetString() == userName);
        using var browser = new BrowserlessSignIn(BaseAddress);
        string code = await browser.SignInAsync(userName, user.GetProperty("password").GetString()!, user.GetProperty("totp_secret").GetString(), scope);
        var tokens = await BrowserlessSignIn.JsonAsync(await browser.RedeemAsync(code));
        return tokens.GetProperty("access_token").GetString()!;
    }

    public Task<HttpResponseMessage> RequestClientTokenAsync(string clientId, string secret, string? scope = null) => RequestClientTokenAsync(Http, clientId, secret, scope);

    private static Task<HttpResponseMessage> RequestClientTokenAsync(HttpClient http, string clientId, string secret, string? scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }
        return http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public HttpClient ClientWith(string accessToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
