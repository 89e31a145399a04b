using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>
/// A server node as a real operating-system process (the built <c>ThreatShare.Server.dll</c>), so a
/// test can kill it as a crash would: no graceful shutdown, connections cut. Settings are passed as
/// environment variables; output goes to <c>node.log</c> in its data directory.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private Process? _process;
    private StreamWriter? _log;

    private ServerProcess(string name, Dictionary<string, string?> settings)
    {
        Name = name;
        _settings = settings;
        Port = Ports.Free();
        DataDirectory = Path.Combine(Path.GetTempPath(), $"threatshare-node-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(DataDirectory);
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string DataDirectory { get; }

    /// <summary>The demo credentials this node wrote when it seeded (first start with <c>seedDemo</c>).</summary>
    public JsonElement Credentials { get; private set; }

    public bool Running => _process is { HasExited: false };

    /// <summary>Starts a node and waits until it answers <c>/health</c>.</summary>
    public static async Task<ServerProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> settings, bool seedDemo)
    {
        var node = new ServerProcess(name, new Dictionary<string, string?>(settings));
        await node.RunAsync(seedDemo);
        return node;
    }

    /// <summary>Starts the process (again, after <see cref="Kill"/>) on the same port and data directory.</summary>
    public async Task RunAsync(bool seedDemo = false)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "ThreatShare.Server.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseAddress.ToString().TrimEnd('/'), "--data-dir", DataDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataDirectory,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ThreatShare__SeedDemo"] = seedDemo ? "true" : "false";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        _log = new StreamWriter(Path.Combine(DataDirectory, "node.log"), append: true) { AutoFlush = true };
        var log = _log;
        _process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"node {Name} exited with {_process.ExitCode}; see {DataDirectory}/node.log");
            }
            try
            {
                using var health = await http.GetAsync("/health");
                if (health.IsSuccessStatusCode && (!seedDemo || File.Exists(Path.Combine(DataDirectory, "demo-credentials.json"))))
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"node {Name} did not answer /health within 90 s; see {DataDirectory}/node.log");
            }
            await Task.Delay(100);
        }
        if (seedDemo)
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(DataDirectory, "demo-credentials.json")));
            Credentials = json.RootElement.Clone();
        }
    }

    /// <summary>Kills the process at once, as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _log?.Dispose();
        _log = null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({BaseAddress})");

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        if (Environment.GetEnvironmentVariable("THREATSHARE_KEEP_NODE_LOGS") == "1")
        {
            return ValueTask.CompletedTask;
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
