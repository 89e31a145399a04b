using Microsoft.Data.Sqlite;
using Npgsql;
using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Tests.Fixtures;

/// <summary>A database for one test class, migrated once, on one provider.</summary>
public interface IStorageDatabase
{
    /// <summary>The provider.</summary>
    StorageProvider Provider { get; }

    /// <summary>A new context on the class's migrated database; the caller disposes it.</summary>
    ThreatShareDb NewContext();

    /// <summary>A context on a new, empty (not migrated) database; the caller disposes it.</summary>
    Task<ThreatShareDb> NewEmptyDatabaseAsync(string hint);
}

/// <summary>A SQLite file in a temp directory, per test class.</summary>
public sealed class SqliteStorageDatabase : IStorageDatabase, IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("threatshare-sqlite-");
    private int _files;

    public StorageProvider Provider => StorageProvider.Sqlite;

    private string ConnectionString { get; set; } = "";

    public ThreatShareDb NewContext() => StorageSetup.CreateContext(Provider, ConnectionString);

    public Task<ThreatShareDb> NewEmptyDatabaseAsync(string hint) =>
        Task.FromResult(StorageSetup.CreateContext(Provider, FileConnectionString(hint)));

    public async Task InitializeAsync()
    {
        ConnectionString = FileConnectionString("class");
        await using var db = NewContext();
        await StorageSetup.MigrateAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private string FileConnectionString(string hint) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_directory.FullName, $"{Interlocked.Increment(ref _files)}-{hint}.db"),
        // Writers wait up to this long for the database's write lock.
        DefaultTimeout = 60,
    }.ToString();
}

/// <summary>A database on the run's PostgreSQL server, per test class.</summary>
public sealed class PostgresStorageDatabase(PostgresServer server) : IStorageDatabase, IAsyncLifetime
{
    public StorageProvider Provider => StorageProvider.Postgres;

    private string ConnectionString { get; set; } = "";

    public ThreatShareDb NewContext() => StorageSetup.CreateContext(Provider, ConnectionString);

    public async Task<ThreatShareDb> NewEmptyDatabaseAsync(string hint) =>
        StorageSetup.CreateContext(Provider, await server.CreateDatabaseAsync(hint));

    public async Task InitializeAsync()
    {
        ConnectionString = await server.CreateDatabaseAsync("storage");
        await using var db = NewContext();
        await StorageSetup.MigrateAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        // The database goes with the server at the end of the run; only the pooled connections are let go here.
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
