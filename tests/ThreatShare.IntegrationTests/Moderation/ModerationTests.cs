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
/// Every moderator action over REST, end to end: what the submitter, the channel's readers and the
/// moderators see afterwards, who may act, and that a refused decision changes nothing.
/// </summary>
public abstract class ModerationSuite : NodeSuite
{
    private async Task<(string Submission, string[] Objects)> PostAsync(string org, string channel, string tlp, JsonObject bundle, bool anonymous = false)
    {
        using var api = await ClientAsync(org);
        var body = Samples.Submission(channel, tlp, bundle);
        body["anonymous"] = anonymous;
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (result.GetProperty("id").GetString()!, [.. result.GetProperty("objects").EnumerateArray().Select(o => o.GetString()!)]);
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient moderator, string submission, object decision) =>
        await moderator.PostAsJsonAsync($"/api/v1/submissions/{submission}/decisions", decision);

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement?> ObjectAsync(HttpClient reader, string id)
    {
        using var response = await reader.GetAsync($"/api/v1/objects/{id}");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    private async Task<string> StateAsync(string submission)
    {
        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        return (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(submission))).State.ToString();
    }

    [Fact]
    public async Task Approve_Publishes_APendingSubmission_ToTheChannel()
    {
        var (submission, objects) = await PostAsync("insurer-c", "sector:finance", "amber", Samples.Bundle(Samples.Indicator()));
        using var moderator = await PersonAsync("finance-moderator");
        var queue = await moderator.GetFromJsonAsync<JsonElement>("/api/v1/moderation/queue?limit=500");
        var item = queue.GetProperty("submissions").EnumerateArray().Single(s => s.GetProperty("id").GetString() == submission);
        Assert.Equal("insurer-c", item.GetProperty("organization").GetString());
        Assert.Equal(1, item.GetProperty("objects").GetInt32());
        using var bankA = await ClientAsync("bank-a");
        Assert.Null(await ObjectAsync(bankA, objects[0]));

        var decision = await OkJsonAsync(await DecideAsync(moderator, submission, new { action = "approve" }));
        Assert.Equal("published", decision.GetProperty("state").GetString());
        Assert.NotNull(await ObjectAsync(bankA, objects[0]));
        var after = await moderator.GetFromJsonAsync<JsonElement>("/api/v1/moderation/queue?limit=500");
        Assert.DoesNotContain(after.GetProperty("submissions").EnumerateArray(), s => s.GetProperty("id").GetString() == submission);

        // The submitter reads the decision with its submission.
        using var insurer = await ClientAsync("insurer-c");
        var mine = await insurer.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{submission}");
        Assert.Equal("published", mine.GetProperty("state").GetString());
        Assert.Equal("approve", mine.GetProperty("decisions")[0].GetProperty("action").GetString());
        // A second approval finds the submission decided.
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(moderator, submission, new { action = "approve" })).StatusCode);
    }

    [Fact]
    public async Task Reject_And_RequestChanges_NeedAMessage_AndKeepTheObjectsFromReaders()
    {
        var (rejected, rejectedObjects) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        var (changes, _) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        using var moderator = await PersonAsync("finance-moderator");

        using var noReason = await DecideAsync(moderator, rejected, new { action = "reject" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("$.message", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal("Pending", await StateAsync(rejected));

        Assert.Equal("rejected", (await OkJsonAsync(await DecideAsync(moderator, rejected, new { action = "reject", message = "duplicate of an existing report" }))).GetProperty("state").GetString());
        Assert.Equal("changes-requested", (await OkJsonAsync(await DecideAsync(moderator, changes, new { action = "request-changes", message = "add valid_until" }))).GetProperty("state").GetString());

        using var bankA = await ClientAsync("bank-a");
        Assert.Null(await ObjectAsync(bankA, rejectedObjects[0]));
        using var insurer = await ClientAsync("insurer-c");
        Assert.NotNull(await ObjectAsync(insurer, rejectedObjects[0]));
        var mine = await insurer.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{rejected}");
        Assert.Equal("rejected", mine.GetProperty("state").GetString());
        Assert.Equal("duplicate of an existing report", mine.GetProperty("decisions")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task RequestChanges_TheRevisedSubmission_LinksToIt()
    {
        var (first, _) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        using var moderator = await PersonAsync("finance-moderator");
        await OkJsonAsync(await DecideAsync(moderator, first, new { action = "request-changes", message = "add a description" }));

        using var insurer = await ClientAsync("insurer-c");
        using var bankA = await ClientAsync("bank-a");
        var body = Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        body["revises"] = first;
        // Only the submitter revises its own submission, and only one that waits for changes.
        Assert.Equal(HttpStatusCode.BadRequest, (await bankA.PostAsJsonAsync("/api/v1/submissions", body)).StatusCode);
        using var revised = await insurer.PostAsJsonAsync("/api/v1/submissions", body);
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);
        string second = (await revised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var queue = await moderator.GetFromJsonAsync<JsonElement>("/api/v1/moderation/queue?limit=500");
        Assert.Equal(first, queue.GetProperty("submissions").EnumerateArray().Single(s => s.GetProperty("id").GetString() == second).GetProperty("revises").GetString());
        var original = await insurer.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{first}");
        Assert.Equal([second], original.GetProperty("revised_by").EnumerateArray().Select(r => r.GetString()));
        var (pending, _) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        body["revises"] = pending;
        Assert.Equal(HttpStatusCode.BadRequest, (await insurer.PostAsJsonAsync("/api/v1/submissions", body)).StatusCode);
    }

    [Fact]
    public async Task Redact_PublishesAnEditedVersion_AndDropsObjects_WhileTheSubmitterKeepsItsOriginal()
    {
        var indicator = Samples.Indicator();
        indicator["description"] = "Reported by J. Doe, +1 202 555 0143";
        var dropped = Samples.Indicator(pattern: "[domain-name:value = 'internal.example']");
        var (submission, _) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(indicator, dropped));
        string id = indicator["id"]!.GetValue<string>(), droppedId = dropped["id"]!.GetValue<string>();
        using var moderator = await PersonAsync("finance-moderator");

        // Only free text may be edited; a refused redaction changes nothing.
        using var refused = await DecideAsync(moderator, submission, new { action = "redact", edits = new[] { new { id, properties = new Dictionary<string, object?> { ["pattern"] = "[ipv4-addr:value = '10.0.0.1']" } } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("$.edits[0].properties.pattern", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal("Pending", await StateAsync(submission));

        var decision = await OkJsonAsync(await DecideAsync(moderator, submission, new
        {
            action = "redact",
            edits = new[] { new { id, properties = new Dictionary<string, object?> { ["description"] = "Reported by a finance member" } } },
            drop = new[] { droppedId },
        }));
        string modified = decision.GetProperty("new_versions").EnumerateArray().Single().GetProperty("modified").GetString()!;
        Assert.True(string.CompareOrdinal(modified, indicator["modified"]!.GetValue<string>()) > 0);

        using var bankA = await ClientAsync("bank-a");
        var seen = (await ObjectAsync(bankA, id))!.Value;
        Assert.Equal("Reported by a finance member", seen.GetProperty("description").GetString());
        Assert.Equal(modified, seen.GetProperty("modified").GetString());
        var versions = await bankA.GetFromJsonAsync<JsonElement>($"/api/v1/objects/{id}/versions");
        Assert.Equal([modified], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Null(await ObjectAsync(bankA, droppedId));

        using var insurer = await ClientAsync("insurer-c");
        var own = await insurer.GetFromJsonAsync<JsonElement>($"/api/v1/objects/{id}/versions");
        Assert.Equal(2, own.GetProperty("versions").GetArrayLength());
        var recorded = (await insurer.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{submission}")).GetProperty("decisions")[0].GetProperty("details");
        Assert.Equal("description", recorded.GetProperty("edited")[0].GetProperty("properties")[0].GetString());
        Assert.Equal(droppedId, recorded.GetProperty("dropped")[0].GetString());
    }

    [Fact]
    public async Task PublishAnonymized_ShowsTheDirectorate_AsSourceToEveryoneButTheSubmitter()
    {
        var (submission, objects) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        using var moderator = await PersonAsync("finance-moderator");
        await OkJsonAsync(await DecideAsync(moderator, submission, new { action = "publish-anonymized" }));

        using var bankA = await ClientAsync("bank-a");
        Assert.Equal(Node.Organization("directorate").GetProperty("identity_id").GetString(), (await ObjectAsync(bankA, objects[0]))!.Value.GetProperty("created_by_ref").GetString());
        using var insurer = await ClientAsync("insurer-c");
        Assert.Equal(Node.Organization("insurer-c").GetProperty("identity_id").GetString(), (await ObjectAsync(insurer, objects[0]))!.Value.GetProperty("created_by_ref").GetString());
    }

    [Fact]
    public async Task Escalate_RepostsToNational_AsANewVersion_ThatEveryMemberReads()
    {
        var (submission, objects) = await PostAsync("bank-b", "sector:finance", "amber", Samples.Bundle(Samples.Indicator()));
        using var powerD = await ClientAsync("power-d");
        Assert.Null(await ObjectAsync(powerD, objects[0]));
        using var moderator = await PersonAsync("finance-moderator");

        using var wrongChannel = await DecideAsync(moderator, submission, new { action = "escalate", channel = "sector:energy" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongChannel.StatusCode);
        var decision = await OkJsonAsync(await DecideAsync(moderator, submission, new { action = "escalate", channel = "national" }));
        string modified = decision.GetProperty("new_versions")[0].GetProperty("modified").GetString()!;

        Assert.Equal(modified, (await ObjectAsync(powerD, objects[0]))!.Value.GetProperty("modified").GetString());
        var national = await powerD.GetFromJsonAsync<JsonElement>("/api/v1/objects?channel=national&limit=1000");
        Assert.Contains(national.GetProperty("objects").EnumerateArray(), o => o.GetProperty("id").GetString() == objects[0]);
        using var bankA = await ClientAsync("bank-a");
        Assert.Equal(2, (await bankA.GetFromJsonAsync<JsonElement>($"/api/v1/objects/{objects[0]}/versions")).GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task Revoke_PublishesARevokedVersion_OfAPublishedSubmission()
    {
        var (pending, _) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        var (submission, objects) = await PostAsync("bank-b", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        using var moderator = await PersonAsync("finance-moderator");
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(moderator, pending, new { action = "revoke", message = "false positive" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(moderator, submission, new { action = "revoke" })).StatusCode);

        await OkJsonAsync(await DecideAsync(moderator, submission, new { action = "revoke", message = "false positive: a CDN address" }));
        using var bankA = await ClientAsync("bank-a");
        Assert.True((await ObjectAsync(bankA, objects[0]))!.Value.GetProperty("revoked").GetBoolean());
        // Revoking again finds nothing left to revoke.
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(moderator, submission, new { action = "revoke", message = "again" })).StatusCode);
    }

    [Fact]
    public async Task Moderators_ActOnlyInTheirSectors_AndNeverOnTheirOwnOrganization()
    {
        using var admin = await PersonAsync("directorate-admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/v1/organizations/power-d", new { tier = "probation" })).StatusCode);
        var (energy, _) = await PostAsync("power-d", "sector:energy", "green", Samples.Bundle(Samples.Indicator()));
        using var moderator = await PersonAsync("finance-moderator");
        var queue = await moderator.GetFromJsonAsync<JsonElement>("/api/v1/moderation/queue?limit=500");
        Assert.DoesNotContain(queue.GetProperty("submissions").EnumerateArray(), s => s.GetProperty("id").GetString() == energy);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(moderator, energy, new { action = "approve" })).StatusCode);
        Assert.Equal("Pending", await StateAsync(energy));

        var (own, _) = await PostAsync("directorate", "national", "green", Samples.Bundle(Samples.Indicator()));
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(admin, own, new { action = "revoke", message = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(moderator, own, new { action = "revoke", message = "mine" })).StatusCode);

        // Directorate admins act in every sector.
        await OkJsonAsync(await DecideAsync(admin, energy, new { action = "approve" }));
    }

    [Fact]
    public async Task CompaniesAndTheirClients_CannotModerate()
    {
        var (submission, _) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        foreach (var caller in new[] { await PersonAsync("bank-a-analyst"), await PersonAsync("bank-a-org-admin"), await ClientAsync("bank-b"), await ClientAsync("insurer-c"), await ClientAsync("directorate") })
        {
            using (caller)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await caller.GetAsync("/api/v1/moderation/queue")).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(caller, submission, new { action = "approve" })).StatusCode);
            }
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Node.Http.PostAsJsonAsync($"/api/v1/submissions/{submission}/decisions", new { action = "approve" })).StatusCode);
        Assert.Equal("Pending", await StateAsync(submission));
    }

    [Fact]
    public async Task DirectorateModerationClient_Approves_AndOnlyDirectorateAdminsGrantTheScope()
    {
        using var admin = await PersonAsync("directorate-admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/organizations/directorate/clients", new { name = "triage bot", scopes = new[] { "stix.read", "moderation" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var tokenResponse = await Node.RequestClientTokenAsync(client.GetProperty("client_id").GetString()!, client.GetProperty("client_secret").GetString()!, "stix.read moderation");
        using var bot = Node.ClientWith((await OkJsonAsync(tokenResponse)).GetProperty("access_token").GetString()!);

        var (submission, _) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        await OkJsonAsync(await DecideAsync(bot, submission, new { action = "approve" }));

        using var orgAdmin = await PersonAsync("bank-a-org-admin");
        Assert.Equal(HttpStatusCode.BadRequest, (await orgAdmin.PostAsJsonAsync("/api/v1/organizations/bank-a/clients", new { name = "x", scopes = new[] { "moderation" } })).StatusCode);
    }

    [Fact]
    public async Task ConcurrentDecisions_OnlyOneWins()
    {
        var (submission, _) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator(), Samples.Indicator()));
        using var moderator = await PersonAsync("finance-moderator");
        using var admin = await PersonAsync("directorate-admin");
        var responses = await Task.WhenAll(
            DecideAsync(moderator, submission, new { action = "approve" }),
            DecideAsync(admin, submission, new { action = "reject", message = "no" }),
            DecideAsync(moderator, submission, new { action = "request-changes", message = "more" }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));

        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        var id = Guid.Parse(submission);
        Assert.Equal(1, await db.ModerationDecisions.CountAsync(d => d.SubmissionId == id));
        var state = (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id)).State;
        Assert.All(await db.Objects.AsNoTracking().Where(o => o.SubmissionId == id).ToListAsync(), o => Assert.Equal(state, o.State));
    }

    [Fact]
    public async Task MalformedDecisions_AreRefused_WithPaths()
    {
        var (submission, _) = await PostAsync("insurer-c", "sector:finance", "green", Samples.Bundle(Samples.Indicator()));
        using var moderator = await PersonAsync("finance-moderator");
        using var response = await DecideAsync(moderator, submission, new { action = "bless", drop = "all", colour = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["$.action", "$.drop", "$.colour"], paths);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(moderator, Guid.NewGuid().ToString(), new { action = "approve" })).StatusCode);
        Assert.Equal("Pending", await StateAsync(submission));
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteModerationTests(DemoServer server) : ModerationSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresModerationTests(PostgresNodes postgres) : ModerationSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("moderation");
}
