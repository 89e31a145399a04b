using System.Globalization;
using System.Text.Json;
using ThreatShare.Client;

namespace ThreatShare.Cli;

/// <summary>What <c>threatshare export</c> was given.</summary>
internal sealed record ExportArguments(
    string? Server, string? ClientId, string? ClientSecret, ExportQuery Query, string? OutputFile, string? StateFile);

/// <summary>
/// <c>threatshare export FORMAT</c>: streams an export to standard output or, with <c>--output</c>, into a temporary
/// file beside FILE that replaces FILE only once complete (a firewall reading FILE never sees half a list). With
/// <c>--since-state</c>, the entity tag of the last export of the same query is kept in a state file and sent back:
/// when nothing changed the server answers 304 and nothing is transferred or written.
/// </summary>
internal sealed class ExportVerb(CliConsole console)
{
    public async Task<int> RunAsync(ExportArguments args, CancellationToken ct)
    {
        string? server = args.Server ?? Environment.GetEnvironmentVariable(WatchVerb.ServerVariable);
        string? clientId = args.ClientId ?? Environment.GetEnvironmentVariable(WatchVerb.ClientIdVariable);
        string? secret = args.ClientSecret ?? Environment.GetEnvironmentVariable(WatchVerb.ClientSecretVariable);
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            return await FailAsync(ExitCodes.Usage, $"--server (or {WatchVerb.ServerVariable}) must be the server's http(s) address");
        }
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            return await FailAsync(ExitCodes.Usage, $"--client-id and --client-secret (or {WatchVerb.ClientIdVariable} and {WatchVerb.ClientSecretVariable}) are required");
        }
        string path = args.Query.ToPath();
        string? etag = null;
        if (args.StateFile is not null)
        {
            try
            {
                etag = ReadState(args.StateFile, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException)
            {
                return await FailAsync(ExitCodes.Usage, $"cannot read the state file '{args.StateFile}': {e.Message}");
            }
        }

        using var client = new ThreatShareClient(new ThreatShareClientOptions { BaseAddress = address, ClientId = clientId, ClientSecret = secret });
        string? temp = null;
        try
        {
            ExportOutcome outcome;
            if (args.OutputFile is null)
            {
                outcome = await client.ExportAsync(args.Query, console.Output, etag, ct);
                await console.Output.FlushAsync(ct);
            }
            else
            {
                string full = Path.GetFullPath(args.OutputFile);
                temp = Path.Combine(Path.GetDirectoryName(full)!, // a full path always has a directory
                    "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp");
                await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    outcome = await client.ExportAsync(args.Query, file, etag, ct);
                    file.Flush(flushToDisk: true);
                }
                if (!outcome.NotModified)
                {
                    File.Move(temp, full, overwrite: true);
                    temp = null;
                }
            }
            if (outcome.NotModified)
            {
                await console.Error.WriteLineAsync("threatshare: not modified since the last export; nothing written");
            }
            else
            {
                await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"threatshare: exported {outcome.Bytes:N0} bytes"));
                if (args.StateFile is not null && outcome.ETag is not null)
                {
                    WriteState(args.StateFile, path, outcome.ETag);
                }
            }
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
            return await FailAsync(ExitCodes.Invalid, "the server refused: " + e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await FailAsync(ExitCodes.Usage, "cannot write the export: " + e.Message);
        }
        finally
        {
            if (temp is not null)
            {
                File.Delete(temp);
            }
        }
    }

    private async Task<int> FailAsync(int code, string message)
    {
        await console.Error.WriteLineAsync("threatshare: " + message);
        return code;
    }

    /// <summary>The entity tag saved for this query, or null (no file yet, or another query).</summary>
    internal static string? ReadState(string file, string query)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("query", out var saved) || saved.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("etag", out var tag) || tag.ValueKind != JsonValueKind.String)
        {
            throw new FormatException("expected {\"query\": \"…\", \"etag\": \"…\"}");
        }
        return saved.GetString() == query ? tag.GetString() : null;
    }

    private static void WriteState(string file, string query, string etag)
    {
        string full = Path.GetFullPath(file);
        string temp = full + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("query", query);
                json.WriteString("etag", etag);
                json.WriteEndObject();
            }
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, full, overwrite: true);
    }
}
