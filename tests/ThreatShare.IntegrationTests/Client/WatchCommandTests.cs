using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Client;

/// <summary><c>threatshare watch</c> as a child process against a real server: standard output, state file, signals, exit codes.</summary>
public sealed class WatchCommandTests(DemoServer server) : IClassFixture<DemoServer>
{
    private const string Finance = "channel:sector:finance";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private ServerNode Node => server.Node;

    private async Task<string> PublishAsync()
    {
        var indicator = Samples.Indicator();
        using var api = Node.ClientWith(await Node.ClientTokenAsync("bank-b"));
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(indicator)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return indicator["id"]!.GetValue<string>();
    }

    private CliProcess Watch(string? secret = null, Uri? address = null, params string[] more)
    {
        var org = Node.Organization("bank-a");
        return CliProcess.Start(
            new Dictionary<string, string> { ["THREATSHARE_CLIENT_SECRET"] = secret ?? org.GetProperty("client_secret").GetString()! },
            ["watch", "--server", (address ?? Node.BaseAddress).ToString(), "--client-id", org.GetProperty("client_id").GetString()!, .. more]);
    }

    [Fact]
    public async Task Watch_PrintsJsonLines_SavesItsState_AndARestartPrintsOnlyNewerAlerts()
    {
        string state = Path.Combine(Path.GetTempPath(), $"threatshare-watch-{Guid.NewGuid():N}.json");
        try
        {
            long last;
            using (var first = Watch(more: ["--stream", Finance, "--state", state]))
            {
                Assert.StartsWith("threatshare: watching " + Finance, await first.ErrorLineAsync());
                string a = await PublishAsync();
                string b = await PublishAsync();
                var lines = new[] { await first.OutputLineAsync(), await first.OutputLineAsync() };

                var alerts = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
                Assert.Equal([a, b], alerts.Select(x => x.GetProperty("objectId").GetString()));
                Assert.All(alerts, x => Assert.Equal(["stream", "sequence", "kind", "channel", "objectId", "type", "tlp", "at", "object"], x.EnumerateObject().Select(p => p.Name)));
                last = alerts[1].GetProperty("sequence").GetInt64();
                using var rest = Node.ClientWith(await Node.ClientTokenAsync("bank-a"));
                var page = await rest.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?stream={Finance}&after={last - 2}&limit=2");
                Assert.Equal(page.GetProperty("alerts").EnumerateArray().Select(x => x.GetRawText()), lines);

                Assert.Equal(0, await first.TerminateAsync());
            }
            Assert.Equal(last, JsonDocument.Parse(await File.ReadAllTextAsync(state)).RootElement.GetProperty(Finance).GetInt64());

            string c = await PublishAsync(); // written while no watch runs
            using (var second = Watch(more: ["--stream", Finance, "--state", state]))
            {
                var next = JsonDocument.Parse(await second.OutputLineAsync()).RootElement;
                Assert.Equal((c, last + 1), (next.GetProperty("objectId").GetString(), next.GetProperty("sequence").GetInt64()));
                Assert.Equal(0, await second.TerminateAsync());
                Assert.Equal("", second.RemainingOutput());
            }
            Assert.Equal(last + 1, JsonDocument.Parse(await File.ReadAllTextAsync(state)).RootElement.GetProperty(Finance).GetInt64());
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task Watch_WithAWrongSecret_ExitsThree_WithAClearMessage()
    {
        using var watch = Watch(secret: "not-the-secret");

        Assert.Equal(3, await watch.ExitAsync());
        Assert.Contains("authentication failed", watch.AllErrors(), StringComparison.Ordinal);
        Assert.Equal("", watch.RemainingOutput());
    }

    [Fact]
    public async Task Watch_WithNoServer_ExitsFour_AfterTheRetries()
    {
        var unused = new TcpListener(IPAddress.Loopback, 0);
        unused.Start();
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)unused.LocalEndpoint).Port}/");
        unused.Stop();
        using var watch = Watch(address: address, more: ["--retries", "2"]);

        Assert.Equal(4, await watch.ExitAsync());
        Assert.Contains("server unreachable", watch.AllErrors(), StringComparison.Ordinal);
        Assert.Contains(address.ToString(), watch.AllErrors(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WithoutAServer_IsAUsageError()
    {
        using var watch = CliProcess.Start(new Dictionary<string, string> { ["THREATSHARE_SERVER"] = "" }, ["watch", "--client-id", "x", "--client-secret", "y"]);

        Assert.Equal(2, await watch.ExitAsync());
        Assert.Contains("--server", watch.AllErrors(), StringComparison.Ordinal);
    }

    /// <summary>The built <c>threatshare.dll</c> as a child process, its output and error read line by line.</summary>
    private sealed class CliProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Channel<string> _output = Channel.CreateUnbounded<string>();
        private readonly Channel<string> _error = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _errors = new();
        private readonly Task _reading;

        private CliProcess(Process process)
        {
            _process = process;
            _reading = Task.WhenAll(PumpAsync(process.StandardOutput, _output, null), PumpAsync(process.StandardError, _error, _errors));
        }

        public static CliProcess Start(IReadOnlyDictionary<string, string> environment, string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "threatshare.dll");
            Assert.True(File.Exists(dll), $"threatshare.dll not found next to the tests ({dll})");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
            };
            start.ArgumentList.Add(dll);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            foreach (string name in new[] { "THREATSHARE_SERVER", "THREATSHARE_CLIENT_ID", "THREATSHARE_CLIENT_SECRET" })
            {
                start.Environment.Remove(name);
            }
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
            return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
        }

        private static async Task PumpAsync(StreamReader reader, Channel<string> lines, StringBuilder? all)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (all is not null)
                {
                    lock (all)
                    {
                        all.AppendLine(line);
                    }
                }
                lines.Writer.TryWrite(line);
            }
            lines.Writer.TryComplete();
        }

        public Task<string> OutputLineAsync() => ReadAsync(_output, "standard output");

        public Task<string> ErrorLineAsync() => ReadAsync(_error, "standard error");

        private async Task<string> ReadAsync(Channel<string> lines, string what)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                return await lines.Reader.ReadAsync(timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                throw new TimeoutException($"no line on {what} within {Timeout.TotalSeconds} s; standard error: {AllErrors()}");
            }
        }

        /// <summary>Sends SIGTERM, as a service manager does, and returns the exit code.</summary>
        public async Task<int> TerminateAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync().WaitAsync(Timeout);
            }
            return await ExitAsync();
        }

        public async Task<int> ExitAsync()
        {
            await _process.WaitForExitAsync().WaitAsync(Timeout);
            await _reading.WaitAsync(Timeout);
            return _process.ExitCode;
        }

        /// <summary>Standard output not read yet (call after the exit).</summary>
        public string RemainingOutput()
        {
            var rest = new StringBuilder();
            while (_output.Reader.TryRead(out var line))
            {
                rest.AppendLine(line);
            }
            return rest.ToString();
        }

        public string AllErrors()
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
    }
}
