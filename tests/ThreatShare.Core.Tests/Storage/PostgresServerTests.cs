using System.Diagnostics;
using System.Globalization;
using Npgsql;
using ThreatShare.Core.Tests.Fixtures;
using Xunit.Abstractions;

namespace ThreatShare.Core.Tests.Storage;

/// <summary>The PostgreSQL fixture itself: what it starts, how it is found again, how it fails.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task Server_IsPostgres15_OnLoopback()
    {
        output.WriteLine($"PostgreSQL fixture: initdb done after {server.InitdbTime.TotalMilliseconds:F0} ms, started after {server.StartTime.TotalMilliseconds:F0} ms, port {server.Port}");
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand("SHOW server_version", connection);
        Assert.StartsWith("15.", (string?)await version.ExecuteScalarAsync(), StringComparison.Ordinal);
        await using var fsync = new NpgsqlCommand("SHOW fsync", connection);
        Assert.Equal("off", await fsync.ExecuteScalarAsync());
    }

    [Fact]
    public async Task CreateDatabase_Gives_ADistinctEmptyDatabase_EachCall()
    {
        string a = await server.CreateDatabaseAsync("Same Hint");
        string b = await server.CreateDatabaseAsync("Same Hint");
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(a).Database, new NpgsqlConnectionStringBuilder(b).Database);

        await using var connection = new NpgsqlConnection(b);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, await tables.ExecuteScalarAsync());
    }

    [Fact]
    public async Task PidFile_Names_TheRunningPostmaster()
    {
        Assert.NotNull(server.PidFile);
        Assert.StartsWith(PostgresServer.PidDirectory + "/", server.PidFile, StringComparison.Ordinal);
        string[] lines = await File.ReadAllLinesAsync(server.PidFile);
        int pid = int.Parse(lines[0], CultureInfo.InvariantCulture);

        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var dataDirectory = new NpgsqlCommand("SHOW data_directory", connection);
        Assert.Equal(lines[1], await dataDirectory.ExecuteScalarAsync());
        using var postmaster = Process.GetProcessById(pid);
        Assert.False(postmaster.HasExited);
    }

    [Fact]
    public void EnsureInstalled_Fails_WithAClearMessage_WhenPostgresIsMissing()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PostgresServer.EnsureInstalled("/nonexistent/postgresql/bin"));
        Assert.Contains("PostgreSQL 15 is not installed", e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install", e.Message, StringComparison.Ordinal);
    }
}
