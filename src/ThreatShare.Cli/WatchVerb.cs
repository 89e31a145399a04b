using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using ThreatShare.Client;

namespace ThreatShare.Cli;

/// <summary>What <c>threatshare watch</c> was given, after the environment filled in what the command line left out.</summary>
internal sealed record WatchArguments(
    string? Server, string? ClientId, string? ClientSecret, IReadOnlyList<string> Streams, string? StateFile, bool FromBeginning, int Retries);

/// <summary>
/// <c>threatshare watch</c>: every alert as one JSON line on standard output, exactly as the server sent it, in
/// order within each stream. Output is flushed whenever no alert is waiting, and only then is the state file
/// (stream → last sequence written) replaced, atomically: a restart resumes after the last alert that reached
/// standard output. A crash between the flush and the rename repeats those alerts (at least once, never lost).
/// </summary>
internal sealed class WatchVerb(CliConsole console)
{
    public const string ServerVariable = "THREATSHARE_SERVER";
    public const string ClientIdVariable = "THREATSHARE_CLIENT_ID";
    public const string ClientSecretVariable = "THREATSHARE_CLIENT_SECRET";

    public async Task<int> RunAsync(WatchArguments args, CancellationToken ct)
    {
        string? server = args.Server ?? Environment.GetEnvironmentVariable(ServerVariable);
        string? clientId = args.ClientId ?? Environment.GetEnvironmentVariable(ClientIdVariable);
        string? secret = args.ClientSecret ?? Environment.GetEnvironmentVariable(ClientSecretVariable);
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            return await UsageAsync($"--server (or {ServerVariable}) must be the server's http(s) address");
        }
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            return await UsageAsync($"--client-id and --client-secret (or {ClientIdVariable} and {ClientSecretVariable}) are required");
        }
        if (args.Retries < 1)
        {
            return await UsageAsync("--retries must be 1 or more");
        }
        Dictionary<string, long> positions;
        try
        {
            positions = args.StateFile is null ? [] : ReadState(args.StateFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            return await UsageAsync($"cannot read the state file '{args.StateFile}': {e.Message}");
        }

        // SIGINT and SIGTERM end the watch cleanly: flush, save the state, exit 0.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var client = new ThreatShareClient(new ThreatShareClientOptions { BaseAddress = address, ClientId = clientId, ClientSecret = secret });
        var options = new AlertWatchOptions
        {
            ResumeFrom = positions,
            Streams = args.Streams.Count > 0 ? args.Streams : null,
            NewStreams = args.FromBeginning ? AlertStart.Beginning : AlertStart.Latest,
            MaxConnectAttempts = args.Retries,
            OnConnected = streams => console.Error.WriteLine($"threatshare: watching {string.Join(", ", streams)}"),
        };
        using var output = new JsonLinesWriter(console.Output);
        var saved = new Dictionary<string, long>(positions, StringComparer.Ordinal);
        try
        {
            await using var alerts = client.WatchAsync(options, stop.Token).GetAsyncEnumerator(stop.Token);
            while (true)
            {
                var next = alerts.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    // Nothing else is waiting: hand what we have to the reader, then remember it.
                    await SaveAsync(output, positions, saved, args.StateFile);
                }
                if (!await next)
                {
                    break;
                }
                var alert = alerts.Current;
                output.Json.WriteRawValue(alert.Json.GetRawText());
                output.EndLine();
                positions[alert.Stream] = alert.Sequence;
                if (output.ShouldFlush)
                {
                    await SaveAsync(output, positions, saved, args.StateFile);
                }
            }
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (ThreatShareAuthenticationException e)
        {
            return await FailAsync(ExitCodes.AuthenticationFailed, e.Message);
        }
        catch (ThreatShareUnreachableException e)
        {
            return await FailAsync(ExitCodes.Unreachable, "server unreachable: " + e.Message);
        }
        catch (ThreatShareException e)
        {
            return await FailAsync(ExitCodes.Refused, "the server refused: " + e.Message);
        }
        finally
        {
            await SaveAsync(output, positions, saved, args.StateFile);
        }
    }

    private async Task<int> UsageAsync(string message)
    {
        await console.Error.WriteLineAsync("threatshare: " + message);
        return ExitCodes.Usage;
    }

    private async Task<int> FailAsync(int code, string message)
    {
        await console.Error.WriteLineAsync("threatshare: " + message);
        return code;
    }

    /// <summary>Flushes standard output, then replaces the state file when positions moved since the last save.</summary>
    private static async Task SaveAsync(JsonLinesWriter output, Dictionary<string, long> positions, Dictionary<string, long> saved, string? path)
    {
        await output.FlushAsync(CancellationToken.None);
        if (path is null || (positions.Count == saved.Count && positions.All(p => saved.TryGetValue(p.Key, out long s) && s == p.Value)))
        {
            return;
        }
        WriteState(path, positions);
        saved.Clear();
        foreach (var (stream, sequence) in positions)
        {
            saved[stream] = sequence;
        }
    }

    /// <summary>The saved positions; a missing file is a first run.</summary>
    internal static Dictionary<string, long> ReadState(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected a JSON object of stream → last sequence");
        }
        var state = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt64(out long sequence) || sequence < 0)
            {
                throw new FormatException($"'{property.Name}' must be a sequence number (an integer, 0 or more)");
            }
            state[property.Name] = sequence;
        }
        return state;
    }

    /// <summary>Writes the state to a temporary file beside it, forces it to disk, and renames it over the old one.</summary>
    internal static void WriteState(string path, IReadOnlyDictionary<string, long> positions)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, // a full path always has a directory
            "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp");
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                foreach (var (stream, sequence) in positions.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.WriteNumber(stream, sequence);
                }
                json.WriteEndObject();
            }
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, full, overwrite: true);
    }
}
