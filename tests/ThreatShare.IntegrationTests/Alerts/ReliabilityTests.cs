using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Alerts;

/// <summary>
/// A subscriber that behaves as a client must: it keeps the last sequence of each stream, drops
/// duplicates, holds back what arrives after a gap and asks for the gap (<c>Resume</c>), and when its
/// connection drops it connects to the next node and resumes every stream from where it was.
/// </summary>
internal sealed class ResilientSubscriber : IAsyncDisposable
{
    private readonly Uri[] _nodes;
    private readonly Func<Uri, Task<string>> _token;
    private readonly Dictionary<string, long> _last;
    private readonly Dictionary<string, SortedDictionary<long, JsonElement>> _held = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private HubConnection? _connection;

    private ResilientSubscriber(Uri[] nodes, Func<Uri, Task<string>> token, Dictionary<string, long> from)
    {
        _nodes = nodes;
        _token = token;
        _last = new Dictionary<string, long>(from, StringComparer.Ordinal);
        Accepted = from.Keys.ToDictionary(k => k, _ => new List<long>(), StringComparer.Ordinal);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Sequences accepted per stream, in the order they were handed on.</summary>
    public Dictionary<string, List<long>> Accepted { get; }

    public int Duplicates { get; private set; }

    public int Connections { get; private set; }

    /// <summary>Starts on <paramref name="nodes"/>[0], following <paramref name="from"/>'s streams from the given positions.</summary>
    public static ResilientSubscriber Start(Uri[] nodes, Func<Uri, Task<string>> token, Dictionary<string, long> from) => new(nodes, token, from);

    public long LastOf(string stream)
    {
        lock (_lock)
        {
            return _last[stream];
        }
    }

    /// <summary>Waits until <paramref name="stream"/> is accepted up to <paramref name="sequence"/>.</summary>
    public async Task CaughtUpAsync(string stream, long sequence, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (LastOf(stream) < sequence)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{stream}: accepted up to {LastOf(stream)}, expected {sequence} within {timeout.TotalSeconds} s");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Drops the connection, as a network failure would; the subscriber reconnects.</summary>
    public Task DropAsync() => _connection?.StopAsync() ?? Task.CompletedTask;

    private async Task RunAsync()
    {
        for (int attempt = 0; !_stop.IsCancellationRequested; attempt++)
        {
            var node = _nodes[attempt % _nodes.Length];
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            HubConnection? connection = null;
            try
            {
                string token = await _token(node);
                connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(node, "/hubs/alerts"), HttpTransportType.WebSockets, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                    .Build();
                var current = connection;
                connection.On<JsonElement>("alert", alert => OnAlert(current, alert));
                connection.Closed += _ =>
                {
                    closed.TrySetResult();
                    return Task.CompletedTask;
                };
                await connection.StartAsync(_stop.Token);
                _connection = connection;
                Connections++;
                var streams = await connection.InvokeAsync<string[]>("Streams", _stop.Token);
                foreach (string stream in _last.Keys.Intersect(streams, StringComparer.Ordinal).ToList())
                {
                    await connection.InvokeAsync("Resume", stream, LastOf(stream), _stop.Token);
                }
                await closed.Task.WaitAsync(_stop.Token);
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // The node is down or the connection failed: the next node, after a pause.
                await Task.Delay(200);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }

    private void OnAlert(HubConnection connection, JsonElement alert)
    {
        string stream = alert.GetProperty("stream").GetString()!;
        long sequence = alert.GetProperty("sequence").GetInt64();
        lock (_lock)
        {
            if (!_last.TryGetValue(stream, out long last))
            {
                return;
            }
            if (sequence <= last || _held.GetValueOrDefault(stream)?.ContainsKey(sequence) == true)
            {
                Duplicates++;
                return;
            }
            if (sequence > last + 1)
            {
                // A gap: hold this one back and ask for what is missing (fire and forget: handlers must not wait on the connection).
                var held = _held.TryGetValue(stream, out var h) ? h : _held[stream] = [];
                bool asked = held.Count > 0;
                held[sequence] = alert.Clone();
                if (!asked)
                {
                    _ = connection.SendAsync("Resume", stream, last);
                }
                return;
            }
            Accept(stream, sequence);
            if (_held.TryGetValue(stream, out var waiting))
            {
                while (waiting.Remove(_last[stream] + 1))
                {
                    Accept(stream, _last[stream] + 1);
                }
            }
        }
    }

    private void Accept(string stream, long sequence)
    {
        _last[stream] = sequence;
        Accepted[stream].Add(sequence);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}

/// <summary>
/// No alert is lost with real processes: server nodes are killed and restarted, Redis is killed
/// and restarted, clients drop their connections; every subscriber ends with the complete gapless
/// sequence of its stream, exactly once after duplicate removal.
/// </summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class ReliabilityTests(PostgresNodes postgres)
{
    private const string Finance = "channel:sector:finance";
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(60);

    private sealed record Cluster(ServerProcess A, ServerProcess B, JsonElement Credentials) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
    }

    private async Task<Cluster> ClusterAsync(string database, RedisServer redis)
    {
        var settings = new Dictionary<string, string?>(await postgres.SettingsAsync(database))
        {
            ["ThreatShare:PublicUrl"] = "http://threatshare.test/",
            ["ThreatShare:Redis"] = redis.Configuration,
            ["ThreatShare:Alerts:SweepAfter"] = "00:00:02",
            ["ThreatShare:Alerts:SweepEvery"] = "00:00:00.500",
        };
        var a = await ServerProcess.StartAsync("a", settings, seedDemo: true);
        // The second seed renews the demo secrets in the shared store: its credentials are the valid ones.
        var b = await ServerProcess.StartAsync("b", settings, seedDemo: true);
        return new Cluster(a, b, b.Credentials);
    }

    private static Task<string> TokenAsync(Uri node, JsonElement credentials, string slug) => ServerNode.ClientTokenAsync(node, credentials, slug);

    private static async Task<long> LastSequenceAsync(HttpClient api, string stream) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?stream={stream}&after=0&limit=1")).GetProperty("last_sequence").GetInt64();

    private static async Task PostAsync(HttpClient api, int count)
    {
        for (int i = 0; i < count; i++)
        {
            using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission(Finance[8..], "green", Samples.Bundle(Samples.Indicator())));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    /// <summary>Every subscriber accepted exactly <c>from+1 … to</c> of the finance stream, in order.</summary>
    private static async Task AssertCompleteAsync(IEnumerable<ResilientSubscriber> subscribers, long from, long to)
    {
        var expected = Enumerable.Range(0, (int)(to - from)).Select(i => from + 1 + i).ToList();
        var all = subscribers.ToList();
        try
        {
            await Task.WhenAll(all.Select(s => s.CaughtUpAsync(Finance, to, CatchUp)));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"expected {to}; subscribers at " + string.Join(", ", all.Select(s => $"{s.LastOf(Finance)} ({s.Connections} connections, {s.Duplicates} duplicates)")));
        }
        foreach (var subscriber in all)
        {
            Assert.Equal(expected, subscriber.Accepted[Finance]);
        }
    }

    [Fact]
    public async Task KillingTheNodeSubscribersAreOn_LosesNoAlert()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = await ClusterAsync("reliability-node", redis);
        var (a, b) = (cluster.A.BaseAddress, cluster.B.BaseAddress);
        using var publisher = new HttpClient { BaseAddress = b };
        publisher.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(b, cluster.Credentials, "bank-b"));
        long start = await LastSequenceAsync(publisher, Finance);

        var subscribers = new List<ResilientSubscriber>();
        foreach (var order in new[] { new[] { a, b }, [a, b], [a, b], [b, a], [b, a] })
        {
            subscribers.Add(ResilientSubscriber.Start(order, node => TokenAsync(node, cluster.Credentials, "bank-a"), new() { [Finance] = start }));
        }
        try
        {
            await PostAsync(publisher, 20);
            await Task.WhenAll(subscribers.Select(s => s.CaughtUpAsync(Finance, start + 20, CatchUp)));
            cluster.A.Kill();
            await PostAsync(publisher, 20);
            await cluster.A.RunAsync();
            await PostAsync(publisher, 20);
            await AssertCompleteAsync(subscribers, start, await LastSequenceAsync(publisher, Finance));
            // The subscribers that were on A moved to B.
            Assert.All(subscribers.Take(3), s => Assert.True(s.Connections >= 2));
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task KillingRedis_WhileAlertsFlow_LosesNoAlert()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = await ClusterAsync("reliability-redis", redis);
        var (a, b) = (cluster.A.BaseAddress, cluster.B.BaseAddress);
        using var publisher = new HttpClient { BaseAddress = a };
        publisher.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(a, cluster.Credentials, "bank-b"));
        long start = await LastSequenceAsync(publisher, Finance);
        // Subscribers on the other node get A's alerts only through Redis.
        var subscribers = new List<ResilientSubscriber>
        {
            ResilientSubscriber.Start([b], node => TokenAsync(node, cluster.Credentials, "bank-a"), new() { [Finance] = start }),
            ResilientSubscriber.Start([b], node => TokenAsync(node, cluster.Credentials, "multi-f"), new() { [Finance] = start }),
            ResilientSubscriber.Start([a], node => TokenAsync(node, cluster.Credentials, "bank-a"), new() { [Finance] = start }),
        };
        try
        {
            await PostAsync(publisher, 15);
            redis.Kill();
            await PostAsync(publisher, 15);
            await redis.RunAsync();
            await PostAsync(publisher, 15);
            await AssertCompleteAsync(subscribers, start, await LastSequenceAsync(publisher, Finance));
            // Once Redis is back, each node closes its connections so that their clients resume: nothing changes, nothing repeats.
            var deadline = DateTime.UtcNow + CatchUp;
            while (subscribers.Any(s => s.Connections < 2))
            {
                Assert.True(DateTime.UtcNow < deadline, "the nodes never closed their connections after Redis came back");
                await Task.Delay(100);
            }
            await AssertCompleteAsync(subscribers, start, await LastSequenceAsync(publisher, Finance));
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AClientAwayForAWhile_GetsEverythingItMissed_OnceEach()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = await ClusterAsync("reliability-client", redis);
        var b = cluster.B.BaseAddress;
        using var publisher = new HttpClient { BaseAddress = b };
        publisher.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(b, cluster.Credentials, "bank-b"));
        long start = await LastSequenceAsync(publisher, Finance);
        await using var subscriber = ResilientSubscriber.Start([cluster.A.BaseAddress, b], node => TokenAsync(node, cluster.Credentials, "bank-a"), new() { [Finance] = start });
        await PostAsync(publisher, 10);
        await subscriber.CaughtUpAsync(Finance, start + 10, CatchUp);
        for (int i = 0; i < 3; i++)
        {
            await subscriber.DropAsync();
            await PostAsync(publisher, 10);
        }
        await AssertCompleteAsync([subscriber], start, await LastSequenceAsync(publisher, Finance));
        Assert.True(subscriber.Connections >= 4, $"{subscriber.Connections} connections");
    }
}
