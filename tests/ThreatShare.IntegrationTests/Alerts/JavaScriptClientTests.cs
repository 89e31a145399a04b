using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Alerts;

/// <summary>
/// The hub's contract holds for the official JavaScript SignalR client (<c>@microsoft/signalr</c>,
/// pinned in <c>tests/js/package.json</c>, installed by <c>infra/test.sh</c>): Node connects with a
/// bearer token to a server running as its own process, receives live alerts of the streams the
/// server chose for it (and none of others), resumes a stream, and cannot read a stream not its own.
/// </summary>
public sealed class JavaScriptClientTests : IAsyncLifetime
{
    private const string Finance = "channel:sector:finance";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync("js", new Dictionary<string, string?>(), seedDemo: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<string> TokenAsync(string slug) => ServerNode.ClientTokenAsync(_server.BaseAddress, _server.Credentials, slug);

    private async Task<string> PostAsync(HttpClient api, string tlp, params string[] recipients)
    {
        var indicator = Samples.Indicator(pattern: $"[ipv4-addr:value = '45.155.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}']");
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", tlp, Samples.Bundle(indicator), recipients));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return indicator["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task NodeClient_ReceivesItsStreamsLive_Resumes_AndCannotReadOthers()
    {
        using var bankA = new HttpClient { BaseAddress = _server.BaseAddress };
        bankA.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync("bank-a"));
        await using var node = await NodeClient.StartAsync(_server.BaseAddress, await TokenAsync("bank-b"));

        var streams = (await node.InvokeAsync("Streams")).EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Contains(Finance, streams);
        Assert.Contains("org:bank-b", streams);
        Assert.DoesNotContain("channel:sector:energy", streams);
        Assert.DoesNotContain("org:bank-a", streams);

        // Live: a green indicator of the sector, a red one for another organization (never seen), a red one for bank-b.
        string green = await PostAsync(bankA, "green");
        string hidden = await PostAsync(bankA, "red", "multi-f");
        string red = await PostAsync(bankA, "red", "bank-b");
        string last = await PostAsync(bankA, "green");
        var live = await node.AlertsUntilAsync(a => a.GetProperty("objectId").GetString() == last);
        var first = live.Single(a => a.GetProperty("objectId").GetString() == green);
        foreach (string field in (string[])["stream", "sequence", "kind", "channel", "objectId", "type", "tlp", "at", "object"])
        {
            Assert.True(first.TryGetProperty(field, out _), $"alert without '{field}': {first}");
        }
        Assert.Equal(Finance, first.GetProperty("stream").GetString());
        Assert.Equal("published", first.GetProperty("kind").GetString());
        Assert.Equal("indicator", first.GetProperty("type").GetString());
        Assert.Equal(green, first.GetProperty("object").GetProperty("id").GetString());
        // The red one for bank-b may arrive on its organization stream after the last green one: wait for it too.
        if (!live.Any(a => a.GetProperty("objectId").GetString() == red))
        {
            live.AddRange(await node.AlertsUntilAsync(a => a.GetProperty("objectId").GetString() == red));
        }
        Assert.Equal("org:bank-b", live.First(a => a.GetProperty("objectId").GetString() == red).GetProperty("stream").GetString());
        Assert.DoesNotContain(live, a => a.GetProperty("objectId").GetString() == hidden);

        // Resume: every alert of the finance stream after 0, in order, gapless, none of them the hidden one.
        var financeLive = live.Where(a => a.GetProperty("stream").GetString() == Finance).Select(a => a.GetProperty("sequence").GetInt64()).ToList();
        long newest = financeLive.Max();
        await node.InvokeAsync("Resume", Finance, 0);
        var resumed = await node.AlertsUntilAsync(a => a.GetProperty("stream").GetString() == Finance && a.GetProperty("sequence").GetInt64() == newest);
        var sequences = resumed.Where(a => a.GetProperty("stream").GetString() == Finance).Select(a => a.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, (int)newest).Select(i => (long)i), sequences);
        Assert.DoesNotContain(resumed, a => a.GetProperty("objectId").GetString() == hidden);

        // A stream the server did not give this connection cannot be read from the client side.
        foreach (string other in (string[])["org:multi-f", "org:bank-a", "channel:sector:energy"])
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => node.InvokeAsync("Resume", other, 0));
            Assert.Contains("not a stream this connection reads", refused.Message, StringComparison.Ordinal);
        }
        await Assert.ThrowsAsync<InvalidOperationException>(() => node.InvokeAsync("AddToGroup", "org:multi-f"));
        await node.StopAsync();
        Assert.DoesNotContain(node.Received, a => a.GetProperty("objectId").GetString() == hidden);
    }

    [Fact]
    public async Task NodeClient_WithoutAValidToken_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeClient.StartAsync(_server.BaseAddress, "not-a-token"));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    /// <summary><c>tests/js/alerts-client.mjs</c> as a child process, spoken to in JSON lines.</summary>
    private sealed class NodeClient : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
        private readonly Task _reader;
        private int _nextId;

        private NodeClient(Process process)
        {
            _process = process;
            _reader = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    _events.Writer.TryWrite(JsonDocument.Parse(line).RootElement.Clone());
                }
                _events.Writer.TryComplete();
            });
        }

        private readonly List<JsonElement> _pending = [];

        /// <summary>Every alert read so far.</summary>
        public List<JsonElement> Received { get; } = [];

        public static async Task<NodeClient> StartAsync(Uri server, string token)
        {
            string js = Path.Combine(RepositoryRoot(), "tests", "js");
            if (!Directory.Exists(Path.Combine(js, "node_modules", "@microsoft", "signalr")))
            {
                throw new InvalidOperationException($"@microsoft/signalr is not installed in {js}: run infra/test.sh (it runs 'npm ci' there)");
            }
            var start = new ProcessStartInfo("node", [Path.Combine(js, "alerts-client.mjs"), server.ToString(), token])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = js,
            };
            var client = new NodeClient(Process.Start(start)!);
            var first = await client.NextAsync();
            if (first.GetProperty("event").GetString() != "connected")
            {
                await client.DisposeAsync();
                throw new InvalidOperationException("the JavaScript client did not connect: " + first);
            }
            return client;
        }

        /// <summary>Invokes a hub method through the JavaScript client; a hub error becomes <see cref="InvalidOperationException"/>.</summary>
        public async Task<JsonElement> InvokeAsync(string method, params object[] args)
        {
            int id = Interlocked.Increment(ref _nextId);
            await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { id, call = method, args }));
            await _process.StandardInput.FlushAsync();
            while (true)
            {
                var e = await NextAsync();
                string kind = e.GetProperty("event").GetString()!;
                if (kind == "alert")
                {
                    _pending.Add(e.GetProperty("alert"));
                    Received.Add(e.GetProperty("alert"));
                }
                else if (e.TryGetProperty("id", out var answered) && answered.ValueKind == JsonValueKind.Number && answered.GetInt32() == id)
                {
                    return kind == "result" ? e.GetProperty("value") : throw new InvalidOperationException(e.GetProperty("message").GetString());
                }
            }
        }

        /// <summary>Alerts in arrival order (starting with any read during calls) until one matches.</summary>
        public async Task<List<JsonElement>> AlertsUntilAsync(Func<JsonElement, bool> last)
        {
            var alerts = new List<JsonElement>(_pending);
            _pending.Clear();
            while (!alerts.Any(last))
            {
                var e = await NextAsync();
                if (e.GetProperty("event").GetString() == "alert")
                {
                    alerts.Add(e.GetProperty("alert"));
                    Received.Add(e.GetProperty("alert"));
                }
            }
            return alerts;
        }

        public async Task StopAsync()
        {
            await _process.StandardInput.WriteLineAsync("""{"call":"stop"}""");
            await _process.StandardInput.FlushAsync();
            await _process.WaitForExitAsync().WaitAsync(Wait);
        }

        private async Task<JsonElement> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Wait);
            try
            {
                return await _events.Reader.ReadAsync(timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                string error = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "";
                throw new InvalidOperationException($"no event from the JavaScript client within {Wait.TotalSeconds} s (exited: {_process.HasExited}) {error}", e);
            }
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ThreatShare.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("the repository root (ThreatShare.sln) was not found above " + AppContext.BaseDirectory);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            await _reader;
            _process.Dispose();
        }
    }
}
