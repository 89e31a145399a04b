using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThreatShare.Core.Alerts;
using ThreatShare.Core.Storage;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Alerts;

/// <summary>A subscriber of the live channels over a real WebSocket, with the token as the hub's <c>access_token</c>.</summary>
public sealed class Subscriber : IAsyncDisposable
{
    private readonly Channel<JsonElement> _alerts = Channel.CreateUnbounded<JsonElement>();

    private Subscriber(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<Subscriber> ConnectAsync(ServerNode node, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, "/hubs/alerts"), HttpTransportType.WebSockets, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var subscriber = new Subscriber(connection);
        connection.On<JsonElement>("alert", a => subscriber._alerts.Writer.TryWrite(a));
        await connection.StartAsync();
        return subscriber;
    }

    /// <summary>The next alert matching <paramref name="match"/> (others are skipped), or a failure after 15 s.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var alert = await _alerts.Reader.ReadAsync(timeout.Token);
                if (match(alert))
                {
                    return alert;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("no matching alert within 15 s");
        }
    }

    /// <summary>Every alert received so far.</summary>
    public List<JsonElement> Received()
    {
        var list = new List<JsonElement>();
        while (_alerts.Reader.TryRead(out var alert))
        {
            list.Add(alert);
        }
        return list;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

/// <summary>
/// The live channels end to end: who receives which alert, what the alert shows, replay of what was
/// missed over the hub and over REST, and that a client cannot reach a stream it may not read.
/// </summary>
public abstract class AlertSuite : NodeSuite
{
    private Task<string> TokenAsync(string org) => Node.ClientTokenAsync(org);

    private async Task<JsonElement> PostAsync(string org, JsonObject body)
    {
        using var api = Node.ClientWith(await TokenAsync(org));
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Func<JsonElement, bool> About(string objectId) => a => a.GetProperty("objectId").GetString() == objectId;

    [Fact]
    public async Task APublication_ReachesTheChannelsReaders_AndNoOneElse()
    {
        await using var bankA = await Subscriber.ConnectAsync(Node, await TokenAsync("bank-a"));
        await using var powerD = await Subscriber.ConnectAsync(Node, await TokenAsync("power-d"));
        var indicator = Samples.Indicator();
        string id = indicator["id"]!.GetValue<string>();
        await PostAsync("bank-b", Samples.Submission("sector:finance", "green", Samples.Bundle(indicator)));

        var alert = await bankA.NextAsync(About(id));
        Assert.Equal("channel:sector:finance", alert.GetProperty("stream").GetString());
        Assert.Equal("published", alert.GetProperty("kind").GetString());
        Assert.Equal("sector:finance", alert.GetProperty("channel").GetString());
        Assert.Equal("indicator", alert.GetProperty("type").GetString());
        Assert.Equal("green", alert.GetProperty("tlp").GetString());
        Assert.True(alert.GetProperty("sequence").GetInt64() >= 1);
        Assert.True(alert.TryGetProperty("at", out _));
        Assert.Equal(id, alert.GetProperty("object").GetProperty("id").GetString());
        Assert.Equal(Node.Organization("bank-b").GetProperty("identity_id").GetString(), alert.GetProperty("object").GetProperty("created_by_ref").GetString());

        // power-d reads national but not finance: a later national alert arrives, the finance one never did.
        var national = Samples.Indicator();
        await PostAsync("directorate", Samples.Submission("national", "green", Samples.Bundle(national)));
        var broadcast = await powerD.NextAsync(About(national["id"]!.GetValue<string>()));
        Assert.Equal("national", broadcast.GetProperty("kind").GetString());
        Assert.Equal("national", broadcast.GetProperty("stream").GetString());
        Assert.DoesNotContain(powerD.Received(), a => a.GetProperty("objectId").GetString() == id);
    }

    [Fact]
    public async Task AnAlertCommittedButNeverPushed_IsPushedByTheSweep_AndPushedAlertsAreMarked()
    {
        await using var subscriber = await Subscriber.ConnectAsync(Node, await TokenAsync("power-d"));
        var indicator = Samples.Indicator();
        string id = indicator["id"]!.GetValue<string>();
        await PostAsync("power-d", Samples.Submission("sector:energy", "green", Samples.Bundle(indicator)));
        long pushed = (await subscriber.NextAsync(About(id))).GetProperty("sequence").GetInt64();

        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        // Marked once pushed (just after the push, so wait for it).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await db.Alerts.AnyAsync(a => a.Stream == "channel:sector:energy" && a.Sequence == pushed && a.Dispatched))
        {
            Assert.True(DateTime.UtcNow < deadline, "the pushed alert was never marked");
            await Task.Delay(50);
        }

        // A node that committed an alert and stopped before pushing it: the row exists, nobody sent it.
        var row = await db.Objects.AsNoTracking().SingleAsync(o => o.StixId == id);
        long orphan;
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var writer = new AlertWriter(db);
            await writer.PublishedAsync([row], DateTime.UtcNow.AddMinutes(-1), CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            orphan = writer.Written.Single().Sequence;
        }
        var late = await subscriber.NextAsync(a => a.GetProperty("stream").GetString() == "channel:sector:energy" && a.GetProperty("sequence").GetInt64() == orphan);
        Assert.Equal(id, late.GetProperty("objectId").GetString());
        deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await db.Alerts.AnyAsync(a => a.Stream == "channel:sector:energy" && a.Sequence == orphan && a.Dispatched))
        {
            Assert.True(DateTime.UtcNow < deadline, "the swept alert was never marked");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Resume_SendsWhatWasMissed_InOrder_AndRestGivesTheSame()
    {
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var indicator = Samples.Indicator();
            ids.Add(indicator["id"]!.GetValue<string>());
            await PostAsync("hospital-e", Samples.Submission("sector:health", "amber", Samples.Bundle(indicator)));
        }
        using var rest = Node.ClientWith(await TokenAsync("hospital-e"));
        var all = await rest.GetFromJsonAsync<JsonElement>("/api/v1/alerts?stream=channel:sector:health&after=0&limit=1000");
        var sequences = all.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        Assert.Equal(sequences[^1], all.GetProperty("last_sequence").GetInt64());
        long before = all.GetProperty("alerts").EnumerateArray().First(a => a.GetProperty("objectId").GetString() == ids[0]).GetProperty("sequence").GetInt64() - 1;

        await using var late = await Subscriber.ConnectAsync(Node, await TokenAsync("hospital-e"));
        var streams = await late.Connection.InvokeAsync<string[]>("Streams");
        Assert.Contains("channel:sector:health", streams);
        Assert.Contains("org:hospital-e", streams);
        Assert.DoesNotContain("channel:sector:finance", streams);
        Assert.Equal(streams.Order(StringComparer.Ordinal), streams);
        await late.Connection.InvokeAsync("Resume", "channel:sector:health", before);
        var replayed = new List<JsonElement>();
        for (int i = 0; i < 3; i++)
        {
            replayed.Add(await late.NextAsync(a => a.GetProperty("stream").GetString() == "channel:sector:health"));
        }
        Assert.Equal(ids, replayed.Select(a => a.GetProperty("objectId").GetString()));
        Assert.Equal([before + 1, before + 2, before + 3], replayed.Select(a => a.GetProperty("sequence").GetInt64()));
        var page = await rest.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?stream=channel:sector:health&after={before}&limit=3");
        Assert.Equal(replayed.Select(a => a.GetRawText()), page.GetProperty("alerts").EnumerateArray().Select(a => a.GetRawText()));
    }

    [Fact]
    public async Task ARedAlert_ReachesOnlyItsRecipientsAndTheSubmitter_AndNoClientCanJoinTheirStreams()
    {
        await using var bankA = await Subscriber.ConnectAsync(Node, await TokenAsync("bank-a"));
        await using var bankB = await Subscriber.ConnectAsync(Node, await TokenAsync("bank-b"));
        await using var multiF = await Subscriber.ConnectAsync(Node, await TokenAsync("multi-f"));
        var indicator = Samples.Indicator();
        string id = indicator["id"]!.GetValue<string>();
        await PostAsync("bank-b", Samples.Submission("sector:finance", "red", Samples.Bundle(indicator), "bank-a"));

        Assert.Equal("org:bank-a", (await bankA.NextAsync(About(id))).GetProperty("stream").GetString());
        Assert.Equal("org:bank-b", (await bankB.NextAsync(About(id))).GetProperty("stream").GetString());

        // multi-f reads finance: the next finance alert arrives, the RED one never did; asking for bank-a's stream fails.
        var green = Samples.Indicator();
        await PostAsync("bank-b", Samples.Submission("sector:finance", "green", Samples.Bundle(green)));
        await multiF.NextAsync(About(green["id"]!.GetValue<string>()));
        Assert.DoesNotContain(multiF.Received(), a => a.GetProperty("objectId").GetString() == id);
        await Assert.ThrowsAsync<HubException>(() => multiF.Connection.InvokeAsync("Resume", "org:bank-a", 0L));
        await Assert.ThrowsAsync<HubException>(() => multiF.Connection.InvokeAsync("Resume", "moderation:finance", 0L));
        Assert.DoesNotContain(multiF.Received(), a => a.GetProperty("objectId").GetString() == id);
        using var rest = Node.ClientWith(await TokenAsync("multi-f"));
        Assert.Equal(HttpStatusCode.Forbidden, (await rest.GetAsync("/api/v1/alerts?stream=org:bank-a")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rest.GetAsync("/api/v1/alerts?stream=channel:sector:health")).StatusCode);
    }

    [Fact]
    public async Task AnonymizedPublications_AndUnnamedSightings_ShowTheDirectorateAsSource()
    {
        await using var bankB = await Subscriber.ConnectAsync(Node, await TokenAsync("bank-b"));
        var indicator = Samples.Indicator();
        string id = indicator["id"]!.GetValue<string>();
        var body = Samples.Submission("sector:finance", "green", Samples.Bundle(indicator));
        body["anonymous"] = true;
        await PostAsync("bank-a", body);
        string directorate = Node.Organization("directorate").GetProperty("identity_id").GetString()!;
        Assert.Equal(directorate, (await bankB.NextAsync(About(id))).GetProperty("object").GetProperty("created_by_ref").GetString());

        using var multiF = Node.ClientWith(await TokenAsync("multi-f"));
        using var sighted = await multiF.PostAsJsonAsync("/api/v1/sightings", new { sighting_of_ref = id, count = 2, first_seen = "2026-11-02T08:00:00Z", last_seen = "2026-11-02T09:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, sighted.StatusCode);
        string sightingId = (await sighted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var sighting = await bankB.NextAsync(About(sightingId));
        Assert.Equal("sighting", sighting.GetProperty("kind").GetString());
        Assert.Equal(directorate, sighting.GetProperty("object").GetProperty("created_by_ref").GetString());
        Assert.Equal(id, sighting.GetProperty("object").GetProperty("sighting_of_ref").GetString());
    }

    [Fact]
    public async Task PendingItems_ReachTheModerators_AndDecisions_ReachTheSubmitter()
    {
        await using var moderator = await Subscriber.ConnectAsync(Node, await Node.PersonTokenAsync("finance-moderator"));
        await using var insurer = await Subscriber.ConnectAsync(Node, await TokenAsync("insurer-c"));
        await using var bankA = await Subscriber.ConnectAsync(Node, await TokenAsync("bank-a"));
        var indicator = Samples.Indicator();
        string id = indicator["id"]!.GetValue<string>();
        var submission = await PostAsync("insurer-c", Samples.Submission("sector:finance", "amber", Samples.Bundle(indicator)));

        var pending = await moderator.NextAsync(About(id));
        Assert.Equal(("moderation:finance", "pending"), (pending.GetProperty("stream").GetString(), pending.GetProperty("kind").GetString()));

        using var api = Node.ClientWith(await Node.PersonTokenAsync("directorate-admin"));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/submissions/{submission.GetProperty("id").GetString()}/decisions", new { action = "approve" })).StatusCode);
        Assert.Equal("published", (await bankA.NextAsync(About(id))).GetProperty("kind").GetString());
        var decision = await insurer.NextAsync(a => a.GetProperty("kind").GetString() == "moderation-decision");
        Assert.Equal("org:insurer-c", decision.GetProperty("stream").GetString());
        Assert.Equal("approve", decision.GetProperty("object").GetProperty("action").GetString());
        Assert.Equal(submission.GetProperty("id").GetString(), decision.GetProperty("object").GetProperty("submission_id").GetString());
    }

    [Fact]
    public async Task WhenAMembershipChanges_TheConnectionLosesTheStreamAtOnce_AndADisabledClientIsDisconnected()
    {
        using var admin = Node.ClientWith(await Node.PersonTokenAsync("directorate-admin"));
        string slug = "m" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/organizations", new { slug, name = "Member " + slug, tier = "member", sectors = new[] { "finance", "energy" } })).StatusCode);
        using var created = await admin.PostAsJsonAsync($"/api/v1/organizations/{slug}/clients", new { name = "siem", scopes = new[] { "stix.read", "alerts" } });
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        string clientId = client.GetProperty("client_id").GetString()!;
        using var tokenResponse = await Node.RequestClientTokenAsync(clientId, client.GetProperty("client_secret").GetString()!);
        string token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        await using var subscriber = await Subscriber.ConnectAsync(Node, token);

        var before = Samples.Indicator();
        await PostAsync("bank-b", Samples.Submission("sector:finance", "green", Samples.Bundle(before)));
        await subscriber.NextAsync(About(before["id"]!.GetValue<string>()));

        // The organization leaves finance: the next finance alert does not reach it, the energy one does.
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/v1/organizations/{slug}", new { sectors = new[] { "energy" } })).StatusCode);
        var after = Samples.Indicator();
        await PostAsync("bank-b", Samples.Submission("sector:finance", "green", Samples.Bundle(after)));
        var energy = Samples.Indicator();
        await PostAsync("power-d", Samples.Submission("sector:energy", "green", Samples.Bundle(energy)));
        await subscriber.NextAsync(About(energy["id"]!.GetValue<string>()));
        Assert.DoesNotContain(subscriber.Received(), a => a.GetProperty("objectId").GetString() == after["id"]!.GetValue<string>());
        await Assert.ThrowsAsync<HubException>(() => subscriber.Connection.InvokeAsync("Resume", "channel:sector:finance", 0L));

        // Its client disabled: the connection is closed by the server.
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/v1/clients/{clientId}", new { disabled = true })).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (subscriber.Connection.State != HubConnectionState.Disconnected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(HubConnectionState.Disconnected, subscriber.Connection.State);
    }

    [Fact]
    public async Task AClientWithoutTheAlertsScope_GetsNoStream()
    {
        string token = await Node.ClientTokenAsync("bank-a", "stix.read");
        await using var subscriber = await Subscriber.ConnectAsync(Node, token).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
        if (subscriber is not null)
        {
            // The server aborts the connection at once.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (subscriber.Connection.State != HubConnectionState.Disconnected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            Assert.Equal(HubConnectionState.Disconnected, subscriber.Connection.State);
        }
        using var rest = Node.ClientWith(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await rest.GetAsync("/api/v1/alerts?stream=channel:sector:finance")).StatusCode);
        var anonymous = new HubConnectionBuilder().WithUrl(new Uri(Node.BaseAddress, "/hubs/alerts"), HttpTransportType.WebSockets).Build();
        await using (anonymous)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());
        }
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteAlertTests(DemoServer server) : AlertSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresAlertTests(PostgresNodes postgres) : AlertSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("alerts");
}
