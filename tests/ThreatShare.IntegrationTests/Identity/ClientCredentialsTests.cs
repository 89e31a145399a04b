using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThreatShare.Core.Storage;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Identity;

/// <summary>Client credentials over real HTTP. Tests share one node; only the disabling test touches power-d.</summary>
public abstract class ClientCredentialsSuite : NodeSuite
{
    [Fact]
    public async Task ClientToken_Identifies_ItsOrganization()
    {
        using var api = Node.ClientWith(await Node.ClientTokenAsync("multi-f"));
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("client", me.GetProperty("kind").GetString());
        var org = me.GetProperty("organization");
        Assert.Equal("multi-f", org.GetProperty("slug").GetString());
        Assert.Equal(Node.Organization("multi-f").GetProperty("identity_id").GetString(), org.GetProperty("identity_id").GetString());
        Assert.Equal(["energy", "finance"], org.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));
        Assert.False(me.GetProperty("sees_everything").GetBoolean());
    }

    [Fact]
    public async Task ClientToken_Carries_OnlyRequestedScopes()
    {
        using var api = Node.ClientWith(await Node.ClientTokenAsync("bank-a", "stix.read"));
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["stix.read"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task WrongSecret_IsRefused()
    {
        using var response = await Node.RequestClientTokenAsync(Node.Organization("bank-a").GetProperty("client_id").GetString()!, "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ScopeNotGranted_IsRefused()
    {
        var org = Node.Organization("bank-a");
        using var response = await Node.RequestClientTokenAsync(org.GetProperty("client_id").GetString()!, org.GetProperty("client_secret").GetString()!, "moderation");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DisabledClient_GetsNoToken_AndItsTokenStopsWorking()
    {
        string token = await Node.ClientTokenAsync("power-d");
        using var api = Node.ClientWith(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        string clientId = Node.Organization("power-d").GetProperty("client_id").GetString()!;
        await using (var scope = Node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
            await db.ApiClients.Where(c => c.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Disabled, true));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        using var refused = await Node.RequestClientTokenAsync(clientId, Node.Organization("power-d").GetProperty("client_secret").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalid_client", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task NoToken_IsUnauthorized()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Node.Http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Discovery_Advertises_TokenEndpoint_AndScopes()
    {
        var doc = await Node.Http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(new Uri(Node.BaseAddress, "/connect/token").ToString(), doc.GetProperty("token_endpoint").GetString());
        var scopes = doc.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("stix.read", scopes);
        Assert.Contains("stix.write", scopes);
        Assert.Contains("alerts", scopes);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void DemoCredentials_File_IsOwnerOnly_AndComplete()
    {
        string path = Path.Combine(Node.DataDirectory, "demo-credentials.json");
        using (var scope = Node.Services.CreateScope())
        {
            // The embedded store lives in the data directory; with PostgreSQL nothing of the store does.
            bool embedded = scope.ServiceProvider.GetRequiredService<ThreatShareDb>() is SqliteThreatShareDb;
            Assert.Equal(embedded, File.Exists(Path.Combine(Node.DataDirectory, "threatshare.db")));
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var slugs = Node.Credentials.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("slug").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "bank-a", "bank-b", "insurer-c", "power-d", "hospital-e", "multi-f", "directorate" }, slugs);
        var users = Node.Credentials.GetProperty("users").EnumerateArray().ToList();
        Assert.All(users.Where(u => u.GetProperty("roles").EnumerateArray().Any(r => r.GetString() is "moderator" or "directorate-admin")),
            u => Assert.False(string.IsNullOrEmpty(u.GetProperty("totp_secret").GetString())));
        Assert.Contains(users, u => u.GetProperty("username").GetString() == "finance-moderator");
        var names = users.Select(u => u.GetProperty("username").GetString()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        var admin = users.Single(u => u.GetProperty("username").GetString() == "directorate-admin");
        Assert.Equal(["directorate-admin"], admin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteClientCredentialsTests(DemoServer server) : ClientCredentialsSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresClientCredentialsTests(PostgresNodes postgres) : ClientCredentialsSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("clientcredentials");
}
