using System.Net;
using System.Net.Sockets;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ThreatShare.Client;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Client;

/// <summary>
/// <see cref="ThreatShareClient"/> against a real server over real sockets: order, positions, duplicates, gaps,
/// lost connections, and the errors a user sees for a wrong secret or a missing server.
/// </summary>
public sealed class ClientTests(DemoServer server) : IClassFixture<DemoServer>
{
    private const string Finance = "channel:sector:finance";
    private const string Health = "channel:sector:health";
    private static readonly TimeSpan[] FastRetries = [TimeSpan.Zero, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)];

    private ServerNode Node => server.Node;

    private ThreatShareClient ClientOf(string slug, Uri? address = null, string? secret = null, string? scope = null)
    {
        var org = Node.Organization(slug);
        return new ThreatShareClient(new ThreatShareClientOptions
        {
            BaseAddress = address ?? Node.BaseAddress,
            ClientId = org.GetProperty("client_id").GetString(),
            ClientSecret = secret ?? org.GetProperty("client_secret").GetString(),
            Scope = scope,
        });
    }

    /// <summary>Publishes one indicator (member or trusted poster, public-looking value: published at once) and returns its id.</summary>
    private async Task<string> PublishAsync(string slug, string channel)
    {
        var indicator = Samples.Indicator();
        using var api = Node.ClientWith(await Node.ClientTokenAsync(slug));
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission(channel, "green", Samples.Bundle(indicator)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal("published", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        return indicator["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Watch_DeliversAlerts_InSequenceOrder_WithTheServersShape()
    {
        using var client = ClientOf("bank-a");
        await using var watch = Watching.Start(client, new AlertWatchOptions { Streams = [Finance] });
        Assert.Equal([Finance], await watch.ConnectedAsync());

        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add(await PublishAsync("bank-b", "sector:finance"));
        }
        var alerts = new List<Alert>();
        for (int i = 0; i < 5; i++)
        {
            alerts.Add(await watch.NextAsync());
        }

        Assert.Equal(ids, alerts.Select(a => a.ObjectId));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => alerts[0].Sequence + i), alerts.Select(a => a.Sequence));
        Assert.All(alerts, a => Assert.Equal((Finance, "published", "sector:finance", "indicator", "green"), (a.Stream, a.Kind, a.Channel, a.Type, a.Tlp)));
        Assert.Equal(ids[0], alerts[0].Object.GetProperty("id").GetString());
        using var rest = Node.ClientWith(await Node.ClientTokenAsync("bank-a"));
        var page = await rest.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?stream={Finance}&after={alerts[0].Sequence - 1}&limit=5");
        Assert.Equal(page.GetProperty("alerts").EnumerateArray().Select(a => a.GetRawText()), alerts.Select(a => a.Json.GetRawText()));
    }

    [Fact]
    public async Task Watch_FromASavedPosition_ResumesExactlyAfterIt()
    {
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            ids.Add(await PublishAsync("hospital-e", "sector:health"));
        }
        using var client = ClientOf("hospital-e");
        var page = await client.GetAlertsAsync(Health, 0, 1000, CancellationToken.None);
        long first = page.Alerts.Single(a => a.ObjectId == ids[0]).Sequence;
        Assert.Equal(first + 2, page.LastSequence);

        // Saved position: the first of the three was handled already.
        await using var watch = Watching.Start(client, new AlertWatchOptions { Streams = [Health], ResumeFrom = new Dictionary<string, long> { [Health] = first } });
        var resumed = new[] { await watch.NextAsync(), await watch.NextAsync() };

        Assert.Equal([(first + 1, ids[1]), (first + 2, ids[2])], resumed.Select(a => (a.Sequence, a.ObjectId)));
        await watch.ConnectedAsync();
        string live = await PublishAsync("hospital-e", "sector:health");
        var next = await watch.NextAsync();
        Assert.Equal((first + 3, live), (next.Sequence, next.ObjectId));
    }

    [Fact]
    public async Task Watch_DropsDuplicateDeliveries()
    {
        using var client = ClientOf("bank-a");
        // Every alert is received twice, as with at-least-once delivery; the watch resumes too, which sends them again.
        await using var watch = Watching.Start(client, new AlertWatchOptions { Streams = [Finance], InboundCopies = _ => 2 });
        await watch.ConnectedAsync();
        var ids = new[] { await PublishAsync("bank-b", "sector:finance"), await PublishAsync("bank-b", "sector:finance") };
        string third = await PublishAsync("bank-b", "sector:finance");

        var alerts = new[] { await watch.NextAsync(), await watch.NextAsync(), await watch.NextAsync() };

        Assert.Equal([ids[0], ids[1], third], alerts.Select(a => a.ObjectId));
        Assert.Equal([alerts[0].Sequence, alerts[0].Sequence + 1, alerts[0].Sequence + 2], alerts.Select(a => a.Sequence));
    }

    [Fact]
    public async Task ALiveAlertThatIsLost_IsFetchedByResuming_AndTheLaterOneWaitsForIt()
    {
        string? lost = null;
        int dropped = 0;
        using var client = ClientOf("bank-a");
        // The first live delivery of one alert never arrives (as when a node dies after the commit).
        await using var watch = Watching.Start(client, new AlertWatchOptions
        {
            Streams = [Finance],
            InboundCopies = a => a.ObjectId == Volatile.Read(ref lost) && Interlocked.Exchange(ref dropped, 1) == 0 ? 0 : 1,
        });
        await watch.ConnectedAsync();
        var indicator = Samples.Indicator();
        Volatile.Write(ref lost, indicator["id"]!.GetValue<string>());
        using (var api = Node.ClientWith(await Node.ClientTokenAsync("bank-b")))
        {
            using var posted = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(indicator)));
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }
        string later = await PublishAsync("bank-b", "sector:finance");

        var first = await watch.NextAsync();
        var second = await watch.NextAsync();

        Assert.Equal(1, Volatile.Read(ref dropped));
        Assert.Equal((lost, later), (first.ObjectId, second.ObjectId));
        Assert.Equal(first.Sequence + 1, second.Sequence);
    }

    [Fact]
    public async Task ALostSendOfTheNewestAlert_IsFetched_ByThePeriodicResume()
    {
        int dropped = 0;
        using var client = ClientOf("bank-a");
        // Every first live delivery is lost and no later alert shows the gap: only the periodic resume brings it.
        await using var watch = Watching.Start(client, new AlertWatchOptions
        {
            Streams = [Finance],
            ResumeInterval = TimeSpan.FromMilliseconds(200),
            InboundCopies = _ => Interlocked.Exchange(ref dropped, 1) == 0 ? 0 : 1,
        });
        await watch.ConnectedAsync();

        string id = await PublishAsync("bank-b", "sector:finance");

        Assert.Equal(id, (await watch.NextAsync()).ObjectId);
        Assert.Equal(1, Volatile.Read(ref dropped));
    }

    [Fact]
    public async Task AfterTheConnectionIsCut_TheWatchReconnects_AndGetsWhatWasWrittenMeanwhile()
    {
        await using var proxy = new TcpProxy(Node.BaseAddress);
        using var client = ClientOf("bank-a", proxy.Address);
        await using var watch = Watching.Start(client, new AlertWatchOptions { Streams = [Finance], RetryDelays = FastRetries, MaxConnectAttempts = null });
        await watch.ConnectedAsync();
        string before = await PublishAsync("bank-b", "sector:finance");
        var seen = await watch.NextAboutAsync(before);

        await proxy.CutAsync();
        string meanwhile = await PublishAsync("bank-b", "sector:finance");
        proxy.Restore();
        Assert.Equal([Finance], await watch.ConnectedAsync()); // connected again, and resumed
        string after = await PublishAsync("bank-b", "sector:finance");

        var alerts = new[] { await watch.NextAsync(), await watch.NextAsync() };
        Assert.Equal([meanwhile, after], alerts.Select(a => a.ObjectId));
        Assert.Equal([seen.Sequence + 1, seen.Sequence + 2], alerts.Select(a => a.Sequence));
    }

    [Fact]
    public async Task ASlowConsumer_CostsBoundedMemory_AndLosesNothing()
    {
        using var received = new SemaphoreSlim(0);
        using var client = ClientOf("bank-a");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new AlertWatchOptions
        {
            Streams = [Finance],
            BufferCapacity = 2,
            OnConnected = _ => connected.TrySetResult(),
            InboundCopies = _ =>
            {
                received.Release();
                return 1;
            },
        };
        await using var alerts = client.WatchAsync(options, stop.Token).GetAsyncEnumerator(stop.Token);
        var pulling = alerts.MoveNextAsync();
        await connected.Task.WaitAsync(TimeSpan.FromSeconds(20));
        string first = await PublishAsync("bank-b", "sector:finance");
        Assert.True(await pulling.AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(first, alerts.Current.ObjectId);
        await received.WaitAsync(TimeSpan.FromSeconds(20));

        // The consumer does not pull while five more arrive: two are kept, three are dropped for room.
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add(await PublishAsync("bank-b", "sector:finance"));
            Assert.True(await received.WaitAsync(TimeSpan.FromSeconds(20)), "the client received the alert");
        }
        var later = new List<Alert>();
        for (int i = 0; i < 5; i++)
        {
            Assert.True(await alerts.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
            later.Add(alerts.Current);
        }

        Assert.Equal(ids, later.Select(a => a.ObjectId));
        Assert.Equal(later.Select((a, i) => later[0].Sequence + i), later.Select(a => a.Sequence));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task WhenTheServerDisablesTheClient_TheWatchEnds_WithAnAuthenticationError()
    {
        using var admin = Node.ClientWith(await Node.PersonTokenAsync("directorate-admin"));
        using var created = await admin.PostAsJsonAsync("/api/v1/organizations/bank-a/clients", new { name = "siem-" + Guid.NewGuid().ToString("N")[..8], scopes = new[] { "stix.read", "alerts" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var credentials = await created.Content.ReadFromJsonAsync<JsonElement>();
        string clientId = credentials.GetProperty("client_id").GetString()!;
        using var client = new ThreatShareClient(Node.BaseAddress, clientId, credentials.GetProperty("client_secret").GetString()!);
        await using var watch = Watching.Start(client, new AlertWatchOptions { Streams = [Finance], RetryDelays = FastRetries, MaxConnectAttempts = 3 });
        await watch.ConnectedAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/v1/clients/{clientId}", new { disabled = true })).StatusCode);

        var e = await Assert.ThrowsAsync<ThreatShareAuthenticationException>(() => watch.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(clientId, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongSecret_IsAnAuthenticationError()
    {
        using var client = ClientOf("bank-a", secret: "not-the-secret");

        var watching = await Assert.ThrowsAsync<ThreatShareAuthenticationException>(async () =>
        {
            await foreach (var alert in client.WatchAsync(resumeFrom: null, CancellationToken.None))
            {
                Assert.Fail("no alert without a valid secret");
            }
        });
        Assert.Contains("authentication failed", watching.Message, StringComparison.Ordinal);
        Assert.Contains(Node.Organization("bank-a").GetProperty("client_id").GetString()!, watching.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ThreatShareAuthenticationException>(() => client.GetAlertsAsync(Finance, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task AClientWithoutTheAlertsScope_IsToldSo()
    {
        using var client = ClientOf("bank-a", scope: "stix.read");

        var e = await Assert.ThrowsAsync<ThreatShareAuthenticationException>(async () =>
        {
            await foreach (var alert in client.WatchAsync(resumeFrom: null, CancellationToken.None))
            {
                Assert.Fail("no alert without the alerts scope");
            }
        });
        Assert.Contains("alerts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableServer_IsAnUnreachableError_AfterTheRetries()
    {
        var unused = new TcpListener(IPAddress.Loopback, 0);
        unused.Start();
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)unused.LocalEndpoint).Port}/");
        unused.Stop();
        using var client = ClientOf("bank-a", address);

        var e = await Assert.ThrowsAsync<ThreatShareUnreachableException>(async () =>
        {
            await foreach (var alert in client.WatchAsync(new AlertWatchOptions { RetryDelays = FastRetries, MaxConnectAttempts = 3 }, CancellationToken.None))
            {
                Assert.Fail("no server, no alert");
            }
        });
        Assert.Contains(address.ToString(), e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ThreatShareUnreachableException>(() => client.GetObjectAsync("indicator--" + Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task AStreamTheClientDoesNotRead_IsRefused_Clearly()
    {
        using var client = ClientOf("power-d");

        var e = await Assert.ThrowsAsync<ThreatShareRequestException>(async () =>
        {
            await foreach (var alert in client.WatchAsync(new AlertWatchOptions { Streams = [Finance] }, CancellationToken.None))
            {
                Assert.Fail("power-d does not read finance");
            }
        });
        Assert.Contains(Finance, e.Message, StringComparison.Ordinal);
        Assert.Contains("channel:sector:energy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AndGetObject_OverRest()
    {
        using var client = ClientOf("bank-b");
        var indicator = Samples.Indicator();
        string id = indicator["id"]!.GetValue<string>();
        using var bundle = JsonDocument.Parse(Samples.Bundle(indicator).ToJsonString());

        var receipt = await client.SubmitAsync(new SubmissionRequest("sector:finance", "green", bundle.RootElement), CancellationToken.None);
        var stored = await client.GetObjectAsync(id, CancellationToken.None);

        Assert.Equal(("published", "sector:finance"), (receipt.State, receipt.Channel));
        Assert.Contains(id, receipt.Objects);
        Assert.Equal(id, stored?.GetProperty("id").GetString());
        Assert.Null(await client.GetObjectAsync("indicator--" + Guid.NewGuid(), CancellationToken.None));
        using var broken = JsonDocument.Parse(Samples.Bundle(new JsonObject { ["type"] = "indicator", ["id"] = "nope" }).ToJsonString());
        var refused = await Assert.ThrowsAsync<ThreatShareRequestException>(() =>
            client.SubmitAsync(new SubmissionRequest("sector:finance", "green", broken.RootElement), CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
