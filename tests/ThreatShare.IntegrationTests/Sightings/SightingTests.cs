using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThreatShare.Core.Storage;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Sightings;

/// <summary>"We saw it too" over REST: counts across organizations, names only by choice, and nothing for indicators the caller cannot see.</summary>
public abstract class SightingSuite : NodeSuite
{
    private async Task<string> PublishAsync(string org, string channel, string tlp, params string[] recipients)
    {
        using var api = await ClientAsync(org);
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission(channel, tlp, Samples.Bundle(Samples.Indicator()), recipients));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("objects")[0].GetString()!;
    }

    private static Task<HttpResponseMessage> SightAsync(HttpClient api, object body) => api.PostAsJsonAsync("/api/v1/sightings", body);

    private async Task<int> SightingRowsAsync()
    {
        await using var scope = Node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ThreatShareDb>().Sightings.CountAsync();
    }

    [Fact]
    public async Task Sightings_AddUp_AcrossOrganizations_AndNameOnlyThoseWhoChoseIt()
    {
        string indicator = await PublishAsync("bank-b", "sector:finance", "green");
        using var bankA = await ClientAsync("bank-a");
        using var multiF = await ClientAsync("multi-f");
        using var first = await SightAsync(bankA, new { sighting_of_ref = indicator, count = 3, first_seen = "2026-11-02T08:00:00Z", last_seen = "2026-11-02T09:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var stix = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sighting", stix.GetProperty("type").GetString());
        Assert.Equal(Node.Organization("bank-a").GetProperty("identity_id").GetString(), stix.GetProperty("created_by_ref").GetString());
        Assert.False(stix.TryGetProperty("where_sighted_refs", out _));
        Assert.Equal(["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"], stix.GetProperty("object_marking_refs").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.Created, (await SightAsync(multiF, new { sighting_of_ref = indicator, count = 2, first_seen = "2026-11-01T08:00:00Z", last_seen = "2026-11-03T08:00:00Z", named = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SightAsync(bankA, new { sighting_of_ref = indicator, count = 1, first_seen = "2026-11-02T10:00:00Z", last_seen = "2026-11-02T10:00:00Z" })).StatusCode);

        using var bankB = await ClientAsync("bank-b");
        var summary = await bankB.GetFromJsonAsync<JsonElement>($"/api/v1/objects/{indicator}/sightings");
        Assert.Equal(2, summary.GetProperty("organizations").GetInt32());
        Assert.Equal(6, summary.GetProperty("count").GetInt64());
        Assert.Equal(["multi-f"], summary.GetProperty("named_organizations").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), summary.GetProperty("first_seen").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse("2026-11-03T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), summary.GetProperty("last_seen").GetDateTimeOffset());
        Assert.False(summary.GetProperty("seen_by_you").GetBoolean());
        Assert.True((await bankA.GetFromJsonAsync<JsonElement>($"/api/v1/objects/{indicator}/sightings")).GetProperty("seen_by_you").GetBoolean());
    }

    [Fact]
    public async Task IndicatorsTheCallerCannotSee_AnswerNotFound_AndNothingIsStored()
    {
        string amber = await PublishAsync("bank-b", "sector:finance", "amber");
        string red = await PublishAsync("bank-b", "sector:finance", "red", "bank-a");
        string pending;
        using (var insurer = await ClientAsync("insurer-c"))
        {
            using var response = await insurer.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator())));
            pending = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("objects")[0].GetString()!;
        }
        int before = await SightingRowsAsync();
        using var powerD = await ClientAsync("power-d");
        using var multiF = await ClientAsync("multi-f");
        foreach (var (api, id) in new[] { (powerD, amber), (multiF, red), (multiF, pending), (powerD, "indicator--" + Guid.NewGuid()) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await SightAsync(api, new { sighting_of_ref = id, count = 1, first_seen = "2026-11-02T08:00:00Z", last_seen = "2026-11-02T08:00:00Z" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/objects/{id}/sightings")).StatusCode);
        }
        Assert.Equal(before, await SightingRowsAsync());
        // The named recipient of a TLP:RED indicator may sight it.
        using var bankA = await ClientAsync("bank-a");
        Assert.Equal(HttpStatusCode.Created, (await SightAsync(bankA, new { sighting_of_ref = red, count = 1, first_seen = "2026-11-02T08:00:00Z", last_seen = "2026-11-02T08:00:00Z" })).StatusCode);
    }

    [Fact]
    public async Task BadSightings_AreRefused_WithPaths()
    {
        string indicator = await PublishAsync("bank-b", "sector:finance", "green");
        using var bankA = await ClientAsync("bank-a");
        int before = await SightingRowsAsync();
        using var response = await SightAsync(bankA, new { sighting_of_ref = "malware--" + Guid.NewGuid(), count = 0, first_seen = "yesterday", shade = "grey" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["$.sighting_of_ref", "$.count", "$.first_seen", "$.shade", "$.last_seen"], paths);
        using var backwards = await SightAsync(bankA, new { sighting_of_ref = indicator, first_seen = "2026-11-03T08:00:00Z", last_seen = "2026-11-02T08:00:00Z" });
        Assert.Equal("$.last_seen", (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal(before, await SightingRowsAsync());
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteSightingTests(DemoServer server) : SightingSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresSightingTests(PostgresNodes postgres) : SightingSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("sightings");
}
