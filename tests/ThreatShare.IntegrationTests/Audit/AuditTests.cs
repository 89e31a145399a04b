using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThreatShare.Core.Storage;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Audit;

/// <summary>
/// The audit log end to end: each security-relevant action over the real API leaves its record
/// (who, organization, action, target, outcome, source); only directorate admins read it; the
/// verification endpoint finds a record changed directly in the database.
/// </summary>
public abstract class AuditSuite : NodeSuite
{
    /// <summary>The records matching <paramref name="query"/>, oldest first, read as the directorate admin.</summary>
    private async Task<List<JsonElement>> RecordsAsync(string query)
    {
        using var admin = await PersonAsync("directorate-admin");
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=1000&" + query);
        return [.. page.GetProperty("records").EnumerateArray()];
    }

    private async Task<JsonElement> OneAsync(string query) => Assert.Single(await RecordsAsync(query));

    private async Task<string> SubmitAsync(string org, object body)
    {
        using var api = await ClientAsync(org);
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static string Text(JsonElement record, string field) => record.GetProperty(field).GetString()!;

    [Fact]
    public async Task SignIns_AndTokens_AreRecorded_WithTheirFailures()
    {
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        using var toLogin = await browser.GetAsync(browser.AuthorizeUrl("openid stix.read"));
        string loginPage = BrowserlessSignIn.PathAndQuery(toLogin.Headers.Location!);
        using var wrong = await browser.SubmitFormAsync(loginPage, new Dictionary<string, string> { ["UserName"] = "power-d-analyst", ["Password"] = "not-the-password" });
        using var nobody = await browser.SubmitFormAsync(loginPage, new Dictionary<string, string> { ["UserName"] = "nobody-" + Guid.NewGuid().ToString("N"), ["Password"] = "x" });
        await Node.PersonTokenAsync("power-d-analyst");

        var signIns = await RecordsAsync("action=sign-in&target=power-d-analyst");
        Assert.Equal(["failure", "success"], signIns.Select(r => Text(r, "outcome")));
        Assert.All(signIns, r => Assert.Equal("power-d", Text(r, "organization")));
        Assert.StartsWith("user:", Text(signIns[0], "actor"), StringComparison.Ordinal);
        Assert.Equal("wrong password", signIns[0].GetProperty("details").GetProperty("reason").GetString());
        Assert.Equal("127.0.0.1", Text(signIns[0], "source"));
        var unknown = (await RecordsAsync("action=sign-in&outcome=failure")).Last();
        Assert.Equal(("anonymous", "unknown user"), (Text(unknown, "actor"), unknown.GetProperty("details").GetProperty("reason").GetString()));

        var org = Node.Organization("hospital-e");
        string clientId = org.GetProperty("client_id").GetString()!;
        using (var refused = await Node.RequestClientTokenAsync(clientId, "wrong-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        await Node.ClientTokenAsync("hospital-e");
        var tokens = await RecordsAsync($"action=token&target={Uri.EscapeDataString(clientId)}");
        Assert.Equal(["failure", "success"], tokens.TakeLast(2).Select(r => Text(r, "outcome")));
        Assert.Equal("hospital-e", Text(tokens[^1], "organization"));
        Assert.Equal("invalid_client", tokens[^2].GetProperty("details").GetProperty("error").GetString());
    }

    [Fact]
    public async Task AnAnonymousSubmission_NamesItsTrueSource_OnlyInTheLog()
    {
        var body = Samples.Submission("sector:energy", "green", Samples.Bundle(Samples.Indicator()));
        body["anonymous"] = true;
        string submission = await SubmitAsync("power-d", body);
        var record = await OneAsync($"action=submission&target={submission}");
        Assert.Equal(("client:", "power-d", "success"), (Text(record, "actor")[..7], Text(record, "organization"), Text(record, "outcome")));
        var details = record.GetProperty("details");
        Assert.True(details.GetProperty("anonymous").GetBoolean());
        Assert.Equal(("sector:energy", "green", "published"), (details.GetProperty("channel").GetString(), details.GetProperty("tlp").GetString(), details.GetProperty("state").GetString()));

        // A post the write rules refuse is recorded as denied, and nothing is stored.
        using var api = await ClientAsync("power-d");
        using var refused = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator())));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var denied = (await RecordsAsync("action=submission&organization=power-d&outcome=denied")).Last();
        Assert.Equal("sector:finance", denied.GetProperty("details").GetProperty("channel").GetString());
    }

    [Fact]
    public async Task ModerationDecisions_AndRefusals_AreRecorded()
    {
        string submission = await SubmitAsync("insurer-c", Samples.Submission("sector:finance", "amber", Samples.Bundle(Samples.Indicator())));
        using var bankA = await ClientAsync("bank-a");
        using (var refused = await bankA.PostAsJsonAsync($"/api/v1/submissions/{submission}/decisions", new { action = "approve" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var moderator = await PersonAsync("finance-moderator");
        using (var approved = await moderator.PostAsJsonAsync($"/api/v1/submissions/{submission}/decisions", new { action = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }
        var records = await RecordsAsync($"action=moderation.*&target={submission}");
        Assert.Equal([("moderation.decide", "denied", "bank-a"), ("moderation.approve", "success", "directorate")],
            records.Select(r => (Text(r, "action"), Text(r, "outcome"), Text(r, "organization"))));
        Assert.Equal("published", records[1].GetProperty("details").GetProperty("state").GetString());
    }

    [Fact]
    public async Task AdministrationChanges_AndWarningListEdits_AreRecorded_WithWhatWasAsked()
    {
        using var admin = await PersonAsync("directorate-admin");
        using (var patch = await admin.PatchAsJsonAsync("/api/v1/organizations/multi-f", new { tier = "member" }))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }
        using (var bad = await admin.PatchAsJsonAsync("/api/v1/organizations/multi-f", new { tier = "gold" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        var changes = await RecordsAsync("action=admin.organization.update&target=multi-f");
        Assert.Equal(["success", "failure"], changes.TakeLast(2).Select(r => Text(r, "outcome")));
        Assert.Equal("member", changes[^2].GetProperty("details").GetProperty("request").GetProperty("tier").GetString());

        using var orgAdmin = await PersonAsync("bank-a-org-admin");
        using (var forbidden = await orgAdmin.PatchAsJsonAsync("/api/v1/organizations/bank-a", new { tier = "trusted" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        Assert.Equal("denied", Text((await RecordsAsync("action=admin.organization.update&target=bank-a")).Last(), "outcome"));

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/warning-lists/public-resolvers");
        var entries = list.GetProperty("entries").EnumerateArray().Select(e => new { value = e.GetProperty("value").GetString(), note = e.GetProperty("note").GetString() }).ToList();
        using (var put = await admin.PutAsJsonAsync("/api/v1/warning-lists/public-resolvers", new { entries = entries.Append(new { value = (string?)"45.90.28.1", note = (string?)"NextDNS" }) }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var edit = (await RecordsAsync("action=warning-list.edit&target=public-resolvers")).Last();
        Assert.Equal(["45.90.28.1"], edit.GetProperty("details").GetProperty("added").EnumerateArray().Select(v => v.GetString()));
        Assert.Empty(edit.GetProperty("details").GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public async Task ReadsOfRedObjects_AreRecorded_OtherReadsAreNot()
    {
        string red = $"indicator--{Guid.NewGuid()}";
        string green = $"indicator--{Guid.NewGuid()}";
        await SubmitAsync("bank-b", Samples.Submission("sector:finance", "red", Samples.Bundle(Samples.Indicator(red)), "bank-a"));
        await SubmitAsync("bank-b", Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator(green))));
        using var bankA = await ClientAsync("bank-a");
        Assert.Equal(HttpStatusCode.OK, (await bankA.GetAsync($"/api/v1/objects/{red}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bankA.GetAsync($"/api/v1/objects/{green}")).StatusCode);
        var read = await OneAsync($"action=read.red&target={red}");
        Assert.Equal("bank-a", Text(read, "organization"));
        Assert.Empty(await RecordsAsync($"action=read.red&target={green}"));

        // A reader who may not see it leaves no read record (and gets 404).
        using var insurer = await ClientAsync("insurer-c");
        Assert.Equal(HttpStatusCode.NotFound, (await insurer.GetAsync($"/api/v1/objects/{red}")).StatusCode);
        Assert.Single(await RecordsAsync($"action=read.red&target={red}"));
    }

    [Fact]
    public async Task RedAlerts_PushedLive_AndResumedOverTheHub_AreRecorded()
    {
        string red = "indicator--" + Guid.NewGuid();
        await using var subscriber = await Alerts.Subscriber.ConnectAsync(Node, await Node.ClientTokenAsync("bank-a"));
        await SubmitAsync("bank-b", Samples.Submission("sector:finance", "red", Samples.Bundle(Samples.Indicator(red)), "bank-a"));
        var alert = await subscriber.NextAsync(a => a.GetProperty("objectId").GetString() == red);
        Assert.Equal("org:bank-a", alert.GetProperty("stream").GetString());

        // The push is recorded with its mark, just after it went out: once per stream it went to (the recipient's and the submitter's).
        var pushed = await WithinAsync(() => RecordsAsync($"action=push.red&target={red}"), records => records.Count == 2);
        Assert.All(pushed, p => Assert.Equal("system", Text(p, "actor")));
        Assert.Contains(pushed, p => p.GetProperty("details").ToString().Contains("org:bank-a", StringComparison.Ordinal));
        Assert.Contains(pushed, p => p.GetProperty("details").ToString().Contains("org:bank-b", StringComparison.Ordinal));

        // Resuming the stream over the hub is a read by the connection's caller, recorded as a REST read is.
        Assert.Empty(await RecordsAsync($"action=read.red&target={red}"));
        await subscriber.Connection.InvokeAsync("Resume", "org:bank-a", alert.GetProperty("sequence").GetInt64() - 1);
        var read = Assert.Single(await WithinAsync(() => RecordsAsync($"action=read.red&target={red}"), records => records.Count > 0));
        Assert.Equal("bank-a", Text(read, "organization"));
        Assert.StartsWith("client:", Text(read, "actor"), StringComparison.Ordinal);
        Assert.Contains("hub:resume", read.GetProperty("details").ToString(), StringComparison.Ordinal);
    }

    /// <summary>Reads again until <paramref name="done"/> holds (records written just after a push), at most 15 s.</summary>
    private static async Task<List<JsonElement>> WithinAsync(Func<Task<List<JsonElement>>> read, Func<List<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var records = await read();
            if (done(records) || DateTime.UtcNow > deadline)
            {
                return records;
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task OnlyDirectorateAdmins_ReadTheLog_AndTryingIsRecorded()
    {
        foreach (string user in new[] { "finance-moderator", "bank-a-org-admin" })
        {
            using var api = await PersonAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit/verify")).StatusCode);
        }
        using var client = await ClientAsync("bank-a");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Contains(await RecordsAsync("action=audit.read&outcome=denied&organization=bank-a"), r => Text(r, "actor").StartsWith("client:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadQueries_AreRefused_WithTheField()
    {
        using var admin = await PersonAsync("directorate-admin");
        foreach (var (query, path) in new[] { ("from=yesterday", "$.from"), ("limit=0", "$.limit"), ("outcome=maybe", "$.outcome"), ("after=-1", "$.after") })
        {
            using var response = await admin.GetAsync("/api/v1/audit?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(path, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString());
        }
        using var checkpoint = await admin.GetAsync("/api/v1/audit/verify?checkpoint=12");
        Assert.Equal(HttpStatusCode.BadRequest, checkpoint.StatusCode);
    }

    [Fact]
    public async Task Pages_FollowTheChain()
    {
        using var admin = await PersonAsync("directorate-admin");
        var first = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=3");
        var sequences = first.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal([1L, 2L, 3L], sequences);
        long next = first.GetProperty("next").GetInt64();
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?limit=3&after={next}");
        Assert.Equal([4L, 5L, 6L], second.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task Verify_FindsARecordChangedInTheDatabase_AndAKeptCheckpoint_Holds()
    {
        using var admin = await PersonAsync("directorate-admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(before.GetProperty("intact").GetBoolean(), before.GetRawText());
        string checkpoint = $"{before.GetProperty("last_sequence").GetInt64()}:{before.GetProperty("last_hash").GetString()}";
        var kept = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit/verify?checkpoint={checkpoint}");
        Assert.True(kept.GetProperty("intact").GetBoolean(), kept.GetRawText());

        // Someone with database access turns a denied attempt into a success.
        using var client = await ClientAsync("hospital-e");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
        long target = (await RecordsAsync("action=audit.read&outcome=denied&organization=hospital-e")).Last().GetProperty("sequence").GetInt64();
        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        Assert.Equal(1, await db.AuditRecords.Where(r => r.Sequence == target).ExecuteUpdateAsync(u => u.SetProperty(r => r.Outcome, "success")));
        try
        {
            var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
            Assert.False(after.GetProperty("intact").GetBoolean());
            Assert.Equal(target, after.GetProperty("broken_at").GetInt64());
            Assert.Contains($"record {target}", after.GetProperty("problem").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await db.AuditRecords.Where(r => r.Sequence == target).ExecuteUpdateAsync(u => u.SetProperty(r => r.Outcome, "denied"));
        }
        Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify")).GetProperty("intact").GetBoolean());
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteAuditTests(DemoServer server) : AuditSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresAuditTests(PostgresNodes postgres) : AuditSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("audit");
}
