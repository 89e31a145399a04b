using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Administration;

public abstract class AdminSuite : NodeSuite
{
    [Fact]
    public async Task DirectorateAdmin_Creates_SectorOrganizationAndClient_ThatWorks()
    {
        using var admin = await PersonAsync("directorate-admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/sectors", new { slug = "water", name = "Water" })).StatusCode);
        using var created = await admin.PostAsJsonAsync("/api/v1/organizations", new { slug = "water-g", name = "Water G", tier = "member", sectors = new[] { "water" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("identity--", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identity_id").GetString(), StringComparison.Ordinal);

        using var client = await admin.PostAsJsonAsync("/api/v1/organizations/water-g/clients", new { name = "siem", scopes = new[] { "stix.read" } });
        Assert.Equal(HttpStatusCode.Created, client.StatusCode);
        var body = await client.Content.ReadFromJsonAsync<JsonElement>();
        using var token = await Node.RequestClientTokenAsync(body.GetProperty("client_id").GetString()!, body.GetProperty("client_secret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var api = Node.ClientWith((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["water"], me.GetProperty("organization").GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));

        // The secret is shown once: listing shows the client without it.
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/organizations/water-g/clients");
        Assert.False(listed.GetProperty("clients")[0].TryGetProperty("client_secret", out _));
    }

    [Fact]
    public async Task OrgAdmin_Manages_ItsOwnOrganization_Only()
    {
        using var orgAdmin = await PersonAsync("bank-a-org-admin");
        using var created = await orgAdmin.PostAsJsonAsync("/api/v1/organizations/bank-a/users", new { username = "bank-a-newcomer", roles = new[] { "analyst" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(string.IsNullOrEmpty((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("password").GetString()));
        var users = await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations/bank-a/users");
        Assert.Contains(users.GetProperty("users").EnumerateArray(), u => u.GetProperty("username").GetString() == "bank-a-newcomer");

        Assert.Equal(HttpStatusCode.NotFound, (await orgAdmin.PostAsJsonAsync("/api/v1/organizations/bank-b/users", new { username = "intruder" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await orgAdmin.GetAsync("/api/v1/organizations/bank-b/clients")).StatusCode);
        using var moderator = await orgAdmin.PostAsJsonAsync("/api/v1/organizations/bank-a/users", new { username = "bank-a-mod", roles = new[] { "moderator" } });
        Assert.Equal(HttpStatusCode.BadRequest, moderator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdmin.PostAsJsonAsync("/api/v1/sectors", new { slug = "space", name = "Space" })).StatusCode);
    }

    [Fact]
    public async Task OrgAdmin_DisablesAClient_AndItsTokenStopsWorking()
    {
        using var orgAdmin = await PersonAsync("hospital-e-org-admin");
        using var created = await orgAdmin.PostAsJsonAsync("/api/v1/organizations/hospital-e/clients", new { name = "firewall", scopes = new[] { "stix.read" } });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        string clientId = body.GetProperty("client_id").GetString()!;
        using var token = await Node.RequestClientTokenAsync(clientId, body.GetProperty("client_secret").GetString()!);
        using var api = Node.ClientWith((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await orgAdmin.PatchAsJsonAsync($"/api/v1/clients/{clientId}", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task AnalystsAndClients_CannotAdminister()
    {
        using var analyst = await PersonAsync("bank-a-analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsJsonAsync("/api/v1/organizations/bank-a/clients", new { name = "x", scopes = new[] { "stix.read" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/organizations", new { slug = "evil", name = "Evil" })).StatusCode);
        using var client = Node.ClientWith(await Node.ClientTokenAsync("bank-a"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/sectors", new { slug = "evil", name = "Evil" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/organizations/bank-a/users")).StatusCode);
    }

    [Fact]
    public async Task BadAdministration_Input_IsRefused_WithPaths()
    {
        using var admin = await PersonAsync("directorate-admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/organizations", new { slug = "Bad Slug", tier = "gold", sectors = new[] { "nowhere" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["$.slug", "$.name", "$.tier", "$.sectors[0]"], paths);
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteAdminTests(DemoServer server) : AdminSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresAdminTests(PostgresNodes postgres) : AdminSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("admin");
}
