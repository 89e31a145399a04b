using System.Text.Json;
using Microsoft.Data.Sqlite;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;

namespace ThreatShare.Cli;

/// <summary>
/// <c>threatshare audit verify</c>: walks the audit chain straight from the store (read-only), not
/// through a server, so whoever verifies needs to trust only the database's bytes. Writes one JSON
/// object; exit code 0 when intact, 1 when broken, 2 when the store cannot be read.
/// </summary>
internal sealed class AuditVerifyVerb(CliConsole console)
{
    public async Task<int> RunAsync(string? dataDirectory, string? postgres, string? checkpoint, CancellationToken ct)
    {
        (long, string)? external = null;
        if (checkpoint is not null)
        {
            if (!AuditVerifier.TryParseCheckpoint(checkpoint, out var parsed))
            {
                return await UsageAsync($"--checkpoint '{checkpoint}' must be <sequence>:<sha-256 hex>, as last_sequence and last_hash of an earlier verification");
            }
            external = parsed;
        }
        if (dataDirectory is not null && postgres is not null)
        {
            return await UsageAsync("give --data-dir or --postgres, not both");
        }
        // The server's own rule for where its store is (the SQLite file under the data directory).
        var (provider, connection) = StorageSetup.Resolve(postgres is not null
            ? new StorageOptions { Provider = "postgres", ConnectionString = postgres }
            : new StorageOptions { DataDirectory = dataDirectory ?? "data" });
        if (provider == StorageProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connection);
            if (!File.Exists(file.DataSource))
            {
                return await UsageAsync($"there is no store at '{file.DataSource}' (give the server's --data-dir, or --postgres)");
            }
            file.Mode = SqliteOpenMode.ReadOnly;
            connection = file.ToString();
        }

        AuditVerification result;
        try
        {
            await using var db = StorageSetup.CreateContext(provider, connection);
            result = await AuditVerifier.VerifyAsync(db, external, ct);
        }
        catch (Exception e) when (e is SqliteException or Npgsql.NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return await UsageAsync("cannot read the store: " + e.Message);
        }
        await using (var json = new Utf8JsonWriter(console.Output))
        {
            json.WriteStartObject();
            json.WriteBoolean("intact", result.Intact);
            json.WriteNumber("records", result.Records);
            json.WriteNumber("last_sequence", result.LastSequence);
            json.WriteString("last_hash", result.LastHash);
            if (result.BrokenAt is { } at)
            {
                json.WriteNumber("broken_at", at);
                json.WriteString("problem", result.Problem);
            }
            json.WriteEndObject();
        }
        console.Output.WriteByte((byte)'\n');
        await console.Output.FlushAsync(ct);
        return result.Intact ? ExitCodes.Success : ExitCodes.Invalid;
    }

    private async Task<int> UsageAsync(string message)
    {
        await console.Error.WriteLineAsync("threatshare: " + message);
        await console.Error.FlushAsync();
        return ExitCodes.Usage;
    }
}
