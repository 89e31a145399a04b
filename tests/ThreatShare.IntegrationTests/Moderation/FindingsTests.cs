using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThreatShare.Core.Storage;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Moderation;

/// <summary>
/// Automatic findings and routing by tier, end to end, and the warning lists the directorate edits
/// over REST: an edit changes the next submission's outcome; a bad list is refused whole.
/// </summary>
public abstract class FindingsSuite : NodeSuite
{
    private async Task<JsonElement> PostAsync(string org, string channel, JsonObject indicator, string tlp = "green")
    {
        using var api = Node.ClientWith(await Node.ClientTokenAsync(org));
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission(channel, tlp, Samples.Bundle(indicator)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<bool> InQueueAsync(string moderator, string submission)
    {
        using var api = await PersonAsync(moderator);
        var queue = await api.GetFromJsonAsync<JsonElement>("/api/v1/moderation/queue?limit=500");
        return queue.GetProperty("submissions").EnumerateArray().Any(s => s.GetProperty("id").GetString() == submission);
    }

    private static string Id(JsonElement submission) => submission.GetProperty("id").GetString()!;

    [Fact]
    public async Task Member_WithAPrivateAddress_Waits_WithTheFindingAtThePattern()
    {
        var result = await PostAsync("hospital-e", "sector:health", Samples.Indicator(pattern: "[ipv4-addr:value = '10.1.2.3']"));
        Assert.Equal("pending", result.GetProperty("state").GetString());
        Assert.False(result.GetProperty("needs_review").GetBoolean());
        var finding = Assert.Single(result.GetProperty("findings").EnumerateArray());
        Assert.Equal("warning-list", finding.GetProperty("kind").GetString());
        Assert.Equal("$.bundle.objects[0].pattern", finding.GetProperty("path").GetString());
        Assert.Contains("10.0.0.0/8", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(await InQueueAsync("directorate-admin", Id(result)));

        // The channel's readers do not see it until a moderator decides.
        using var other = Node.ClientWith(await Node.ClientTokenAsync("multi-f"));
        var objectId = result.GetProperty("objects")[0].GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/objects/{objectId}")).StatusCode);
    }

    [Fact]
    public async Task Member_WithNoFinding_PublishesAtOnce()
    {
        var result = await PostAsync("hospital-e", "sector:health", Samples.Indicator(pattern: "[domain-name:value = 'c2.evil-health.test']"));
        Assert.Equal("published", result.GetProperty("state").GetString());
        Assert.Empty(result.GetProperty("findings").EnumerateArray());
        Assert.False(await InQueueAsync("directorate-admin", Id(result)));
    }

    [Fact]
    public async Task Member_WithPersonalData_Waits()
    {
        var indicator = Samples.Indicator();
        indicator["description"] = "phished from jane.roe@hospital-e.test, card 4111 1111 1111 1111";
        var result = await PostAsync("hospital-e", "sector:health", indicator);
        Assert.Equal("pending", result.GetProperty("state").GetString());
        var findings = result.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(("personal-data", "$.bundle.objects[0].description"), (f.GetProperty("kind").GetString(), f.GetProperty("path").GetString())));
        Assert.DoesNotContain(findings, f => f.GetProperty("message").GetString()!.Contains("jane.roe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trusted_PublishesAtOnce_AndTheFindingIsReviewedAfterTheFact()
    {
        var result = await PostAsync("bank-b", "sector:finance", Samples.Indicator(pattern: "[domain-name:value = 'login.microsoft.com']"));
        Assert.Equal("published", result.GetProperty("state").GetString());
        Assert.True(result.GetProperty("needs_review").GetBoolean());
        string submission = Id(result);
        using var reader = Node.ClientWith(await Node.ClientTokenAsync("bank-a"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/objects/{result.GetProperty("objects")[0].GetString()}")).StatusCode);
        Assert.True(await InQueueAsync("finance-moderator", submission));

        using var moderator = await PersonAsync("finance-moderator");
        using var approve = await moderator.PostAsJsonAsync($"/api/v1/submissions/{submission}/decisions", new { action = "approve" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.False(await InQueueAsync("finance-moderator", submission));
        var details = await moderator.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{submission}");
        Assert.Equal(("published", false), (details.GetProperty("state").GetString(), details.GetProperty("needs_review").GetBoolean()));
    }

    [Fact]
    public async Task Probation_WaitsEvenWithoutFindings()
    {
        var result = await PostAsync("insurer-c", "sector:finance", Samples.Indicator());
        Assert.Equal("pending", result.GetProperty("state").GetString());
        Assert.Empty(result.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task ExpiredIndicator_And_NewVersionOfARevokedObject_AreConsistencyFindings()
    {
        var expired = Samples.Indicator();
        expired["valid_until"] = "2020-01-01T00:00:00Z";
        expired["valid_from"] = "2019-01-01T00:00:00Z";
        var result = await PostAsync("power-d", "sector:energy", expired);
        Assert.Equal("pending", result.GetProperty("state").GetString());
        Assert.Equal("$.bundle.objects[0].valid_until", Assert.Single(result.GetProperty("findings").EnumerateArray()).GetProperty("path").GetString());

        string id = $"indicator--{Guid.NewGuid()}";
        var revoked = Samples.Indicator(id, "2026-11-02T10:00:00.000Z");
        revoked["revoked"] = true;
        Assert.Equal("published", (await PostAsync("power-d", "sector:energy", Samples.Indicator(id))).GetProperty("state").GetString());
        Assert.Equal("published", (await PostAsync("power-d", "sector:energy", revoked)).GetProperty("state").GetString());
        var again = await PostAsync("power-d", "sector:energy", Samples.Indicator(id, "2026-11-03T10:00:00.000Z"));
        Assert.Equal("pending", again.GetProperty("state").GetString());
        var finding = Assert.Single(again.GetProperty("findings").EnumerateArray());
        Assert.Equal(("consistency", "$.bundle.objects[0].id"), (finding.GetProperty("kind").GetString(), finding.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task EditingAWarningList_ChangesTheNextOutcome()
    {
        using var admin = await PersonAsync("directorate-admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/warning-lists/benign-domains");
        var entries = before.GetProperty("entries").EnumerateArray().Select(e => new { value = e.GetProperty("value").GetString(), note = e.GetProperty("note").GetString() }).ToList();
        string domain = $"cdn-{Guid.NewGuid():N}.test";
        Assert.Equal("published", (await PostAsync("power-d", "sector:energy", Samples.Indicator(pattern: $"[domain-name:value = 'a.{domain}']"))).GetProperty("state").GetString());

        using var put = await admin.PutAsJsonAsync("/api/v1/warning-lists/benign-domains", new { entries = entries.Append(new { value = (string?)domain.ToUpperInvariant(), note = (string?)"our CDN" }) });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var after = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(after.GetProperty("entries").EnumerateArray(), e => e.GetProperty("value").GetString() == domain);

        var hit = await PostAsync("power-d", "sector:energy", Samples.Indicator(pattern: $"[domain-name:value = 'b.{domain}']"));
        Assert.Equal("pending", hit.GetProperty("state").GetString());
        Assert.Contains("our CDN", Assert.Single(hit.GetProperty("findings").EnumerateArray()).GetProperty("message").GetString(), StringComparison.Ordinal);

        // Put the list back as it was; the same value publishes again.
        using var restore = await admin.PutAsJsonAsync("/api/v1/warning-lists/benign-domains", new { entries });
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal("published", (await PostAsync("power-d", "sector:energy", Samples.Indicator(pattern: $"[domain-name:value = 'c.{domain}']"))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task ABadList_IsRefusedWhole_WithTheEntryPaths()
    {
        using var admin = await PersonAsync("directorate-admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/warning-lists/address-ranges");
        using var bad = await admin.PutAsJsonAsync("/api/v1/warning-lists/address-ranges",
            new { entries = new object[] { new { value = "10.0.0.0/8", note = "ok" }, new { value = "10.0.0.0/33", note = "x" }, new { value = "nope" }, 7 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var paths = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["$.entries[3]"], paths);

        using var wrong = await admin.PutAsJsonAsync("/api/v1/warning-lists/address-ranges",
            new { entries = new object[] { new { value = "10.0.0.0/8", note = "ok" }, new { value = "10.0.0.0/33", note = "x" }, new { value = "nope", note = "y" } } });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        paths = [.. (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString())];
        Assert.Equal(["$.entries[1].value", "$.entries[2].value"], paths);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/warning-lists/address-ranges", new { values = new[] { "10.0.0.0/8" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/warning-lists/no-such-list", new { entries = Array.Empty<object>() })).StatusCode);

        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/warning-lists/address-ranges");
        Assert.Equal(before.GetProperty("entries").GetRawText(), after.GetProperty("entries").GetRawText());
    }

    [Fact]
    public async Task OnlyDirectorateAdmins_ReadOrEditTheLists()
    {
        foreach (string user in new[] { "finance-moderator", "bank-a-org-admin", "bank-a-analyst" })
        {
            using var api = await PersonAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/warning-lists")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync("/api/v1/warning-lists/benign-domains", new { entries = Array.Empty<object>() })).StatusCode);
        }
        using var client = Node.ClientWith(await Node.ClientTokenAsync("bank-a"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/warning-lists/benign-domains")).StatusCode);

        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        Assert.True(await db.WarningListEntries.AnyAsync(e => e.List == "benign-domains"));

        using var admin = await PersonAsync("directorate-admin");
        var lists = await admin.GetFromJsonAsync<JsonElement>("/api/v1/warning-lists");
        Assert.Equal(["address-ranges", "benign-domains", "empty-file-hashes", "public-resolvers"],
            lists.GetProperty("lists").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteFindingsTests(DemoServer server) : FindingsSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresFindingsTests(PostgresNodes postgres) : FindingsSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("findings");
}
