using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThreatShare.Core.Storage;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Submissions;

/// <summary>POST /api/v1/submissions over real HTTP with client tokens from the product's token endpoint.</summary>
public abstract class SubmissionSuite : NodeSuite
{
    private async Task<HttpClient> ApiAsync(string org) => Node.ClientWith(await Node.ClientTokenAsync(org));

    private async Task<(int Submissions, int Objects)> CountsAsync()
    {
        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        return (await db.Submissions.CountAsync(), await db.Objects.CountAsync());
    }

    private async Task<StoredObject> StoredAsync(string stixId)
    {
        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        return await db.Objects.AsNoTracking().Where(o => o.StixId == stixId).OrderByDescending(o => o.Key).FirstAsync();
    }

    [Fact]
    public async Task TrustedOrganization_Publishes_AtOnce_WithMarkingAndAttribution()
    {
        using var api = await ApiAsync("bank-b");
        var indicator = Samples.Indicator();
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(indicator)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("published", body.GetProperty("state").GetString());
        Assert.Equal("sector:finance", body.GetProperty("channel").GetString());
        Assert.Equal([indicator["id"]!.GetValue<string>()], body.GetProperty("objects").EnumerateArray().Select(o => o.GetString()));

        var row = await StoredAsync(indicator["id"]!.GetValue<string>());
        Assert.NotNull(row.Sequence);
        var stored = JsonNode.Parse(row.Json)!;
        Assert.Equal(Node.Organization("bank-b").GetProperty("identity_id").GetString(), stored["created_by_ref"]!.GetValue<string>());
        Assert.Equal(["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"], stored["object_marking_refs"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task ProbationOrganization_Waits_ForAModerator()
    {
        using var api = await ApiAsync("insurer-c");
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "amber", Samples.Bundle(Samples.Indicator())));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", body.GetProperty("state").GetString());
        Assert.Null((await StoredAsync(body.GetProperty("objects")[0].GetString()!)).Sequence);
    }

    [Fact]
    public async Task Submission_IsVisible_ToItsSubmitter_And404_ToOthers()
    {
        using var bankA = await ApiAsync("bank-a");
        using var created = await bankA.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "amber", Samples.Bundle(Samples.Indicator())));
        string location = created.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.OK, (await bankA.GetAsync(location)).StatusCode);
        using var multiF = await ApiAsync("multi-f");
        var other = await multiF.GetAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var missing = await multiF.GetAsync("/api/v1/submissions/" + Guid.NewGuid());
        Assert.Equal(await missing.Content.ReadAsStringAsync() is var a && a.Length > 0, (await other.Content.ReadAsStringAsync()).Length > 0);
    }

    [Fact]
    public async Task RecipientsWithoutRed_AreAFinding_NotARejection()
    {
        using var api = await ApiAsync("bank-a");
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "clear", Samples.Bundle(Samples.Indicator()), "bank-b"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var findings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findings");
        Assert.Equal("consistency", findings[0].GetProperty("kind").GetString());
    }

    public static TheoryData<string, string, HttpStatusCode, string, string> BadRequests() => new()
    {
        // org, body, status, problem type, error path
        { "bank-a", "{not json", HttpStatusCode.BadRequest, "malformed-json", "$" },
        { "bank-a", Body("sector:finance", "green", Samples.Indicator(pattern: "[ipv4-addr:value = '1.2.3.4'")), HttpStatusCode.BadRequest, "invalid-stix", "$.bundle.objects[0].pattern" },
        { "bank-a", Body("sector:finance", "green", Samples.Indicator().Also(o => o.Remove("valid_from"))), HttpStatusCode.BadRequest, "invalid-stix", "$.bundle.objects[0].valid_from" },
        { "bank-a", Body("sector:finance", "red", Samples.Indicator()), HttpStatusCode.Forbidden, "not-allowed", "$.recipients" },
        { "bank-a", Body("sector:energy", "green", Samples.Indicator()), HttpStatusCode.Forbidden, "not-allowed", "$.channel" },
        { "bank-a", Body("national", "green", Samples.Indicator()), HttpStatusCode.Forbidden, "not-allowed", "$.channel" },
        { "insurer-c", Body("cross-sector", "green", Samples.Indicator()), HttpStatusCode.Forbidden, "not-allowed", "$.channel" },
        { "bank-a", Body("sector:finance", "red", Samples.Indicator(), "no-such-org"), HttpStatusCode.BadRequest, "invalid-request", "$.recipients[0]" },
        { "bank-a", Body("sector:nowhere", "green", Samples.Indicator()), HttpStatusCode.BadRequest, "invalid-request", "$.channel" },
        { "bank-a", Body("sector:finance", "purple", Samples.Indicator()), HttpStatusCode.BadRequest, "invalid-request", "$.tlp" },
        { "bank-a", Body("sector:finance", "green", Samples.Indicator().Also(o => o["object_marking_refs"] = new JsonArray("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"))), HttpStatusCode.BadRequest, "tlp-mismatch", "$.bundle.objects[0].object_marking_refs" },
        { "bank-a", Body("sector:finance", "green", Samples.Indicator().Also(o => o["created_by_ref"] = "identity--" + Guid.NewGuid())), HttpStatusCode.BadRequest, "attribution", "$.bundle.objects[0].created_by_ref" },
        { "bank-a", Body("sector:finance", "green", Samples.Indicator().Also(o => o["Bad-Name"] = "x")), HttpStatusCode.BadRequest, "invalid-stix", "$.bundle.objects[0]" },
        { "bank-a", """{"channel":"sector:finance","tlp":"green"}""", HttpStatusCode.BadRequest, "invalid-request", "$.bundle" },
        { "bank-a", """{"channel":"sector:finance","tlp":"green","bundle":{"type":"bundle","id":"bundle--6b6a7c8e-1d2f-4a3b-9c4d-5e6f7a8b9c0d","objects":[]}}""", HttpStatusCode.BadRequest, "invalid-stix", "$.bundle.objects" },
    };

    private static string Body(string channel, string tlp, JsonObject obj, params string[] recipients) =>
        Samples.Submission(channel, tlp, Samples.Bundle(obj), recipients).ToJsonString();

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadSubmission_IsRefused_WithProblemDetails_AndStoresNothing(string org, string body, HttpStatusCode status, string type, string path)
    {
        using var api = await ApiAsync(org);
        var before = await CountsAsync();

        using var response = await api.PostAsync("/api/v1/submissions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:threatshare:problem:" + type, problem.GetProperty("type").GetString());
        var paths = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains(paths, p => p!.StartsWith(path, StringComparison.Ordinal));
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task WrongContentType_Is415_AndStoresNothing()
    {
        using var api = await ApiAsync("bank-a");
        var before = await CountsAsync();
        using var response = await api.PostAsync("/api/v1/submissions", new StringContent(Body("sector:finance", "green", Samples.Indicator()), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task OversizedBody_Is413_AndStoresNothing()
    {
        using var api = await ApiAsync("bank-a");
        var before = await CountsAsync();
        var huge = Samples.Indicator();
        huge["description"] = new string('x', 11 * 1024 * 1024);
        using var response = await api.PostAsync("/api/v1/submissions", new StringContent(Body("sector:finance", "green", huge), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task NewVersion_OfAnotherOrganizationsObject_IsRefused()
    {
        var original = Samples.Indicator();
        using var bankB = await ApiAsync("bank-b");
        Assert.Equal(HttpStatusCode.Created, (await bankB.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(original)))).StatusCode);

        using var multiF = await ApiAsync("multi-f");
        var before = await CountsAsync();
        var hijack = Samples.Indicator(original["id"]!.GetValue<string>(), "2026-11-02T10:00:00.000Z");
        using var response = await multiF.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(hijack)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task OlderOrSameVersion_IsRefused_LaterVersion_IsAccepted()
    {
        using var api = await ApiAsync("bank-b");
        string id = "indicator--" + Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator(id, "2026-11-05T00:00:00.000Z"))))).StatusCode);

        using var older = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator(id, "2026-11-04T00:00:00.000Z"))));
        Assert.Equal(HttpStatusCode.Conflict, older.StatusCode);
        using var same = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator(id, "2026-11-05T00:00:00.000Z"))));
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        using var later = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator(id, "2026-11-06T00:00:00.000Z"))));
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task ReadOnlyClient_CannotSubmit()
    {
        using var api = Node.ClientWith(await Node.ClientTokenAsync("bank-a", "stix.read"));
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator())));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject obj, Action<JsonObject> change)
    {
        change(obj);
        return obj;
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteSubmissionTests(DemoServer server) : SubmissionSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresSubmissionTests(PostgresNodes postgres) : SubmissionSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("submission");
}
