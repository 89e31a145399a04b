using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ThreatShare.Core.Storage;

/// <summary>
/// Configures the store from <see cref="StorageOptions"/> and brings its schema up to date at start.
/// Both the server and the design-time factories go through <see cref="Configure"/>, so that the
/// migrations are made with exactly the options the application runs with.
/// </summary>
public static class StorageSetup
{
    /// <summary>File name of the default SQLite store inside the data directory.</summary>
    public const string DefaultSqliteFileName = "threatshare.db";

    /// <summary>Parses <c>sqlite</c> or <c>postgres</c> (case-insensitive; <c>postgresql</c> too).</summary>
    public static bool TryParseProvider([NotNullWhen(true)] string? name, out StorageProvider provider)
    {
        provider = default;
        if (string.Equals(name, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            provider = StorageProvider.Sqlite;
            return true;
        }
        if (string.Equals(name, "postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "postgresql", StringComparison.OrdinalIgnoreCase))
        {
            provider = StorageProvider.Postgres;
            return true;
        }
        return false;
    }

    /// <summary>The provider and connection string the options describe.</summary>
    /// <exception cref="OptionsValidationException">The options are not valid; the message names the key.</exception>
    public static (StorageProvider Provider, string ConnectionString) Resolve(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new StorageOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StorageOptions), result.Failures);
        }
        _ = TryParseProvider(options.Provider, out var provider);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return (provider, options.ConnectionString);
        }
        // Only SQLite gets here (the validator requires a connection string for PostgreSQL).
        string file = Path.GetFullPath(Path.Combine(options.DataDirectory, DefaultSqliteFileName));
        return (provider, new SqliteConnectionStringBuilder { DataSource = file }.ToString());
    }

    /// <summary>Points <paramref name="builder"/> at the store: the one place that chooses the provider and its settings.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StorageProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return provider switch
        {
            StorageProvider.Sqlite => builder.UseSqlite(connectionString),
            StorageProvider.Postgres => builder.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown storage provider"),
        };
    }

    /// <summary>
    /// A context of the right provider, outside dependency injection (tools, tests, one-off commands).
    /// The caller disposes it.
    /// </summary>
    public static ThreatShareDb CreateContext(StorageProvider provider, string connectionString)
    {
        switch (provider)
        {
            case StorageProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteThreatShareDb>();
                Configure(sqlite, provider, connectionString);
                return new SqliteThreatShareDb(sqlite.Options);
            case StorageProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresThreatShareDb>();
                Configure(postgres, provider, connectionString);
                return new PostgresThreatShareDb(postgres.Options);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown storage provider");
        }
    }

    /// <summary>
    /// Registers the store from the <see cref="StorageOptions"/> of the container: the provider's
    /// context (<see cref="SqliteThreatShareDb"/> or <see cref="PostgresThreatShareDb"/>), scoped, also
    /// resolvable as <see cref="ThreatShareDb"/>. The options are read when a context is first needed,
    /// so every configuration source applies (a host's command line, a test's overrides).
    /// </summary>
    public static IServiceCollection AddThreatShareStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddDbContext<SqliteThreatShareDb>((sp, b) => Configure(b, Resolve(sp)));
        services.AddDbContext<PostgresThreatShareDb>((sp, b) => Configure(b, Resolve(sp)));
        services.AddScoped<ThreatShareDb>(sp => Resolve(sp).Provider == StorageProvider.Postgres
            ? sp.GetRequiredService<PostgresThreatShareDb>()
            : sp.GetRequiredService<SqliteThreatShareDb>());
        return services;

        static (StorageProvider Provider, string ConnectionString) Resolve(IServiceProvider sp) =>
            StorageSetup.Resolve(sp.GetRequiredService<IOptions<StorageOptions>>().Value);

        static void Configure(DbContextOptionsBuilder builder, (StorageProvider Provider, string ConnectionString) store) =>
            StorageSetup.Configure(builder, store.Provider, store.ConnectionString);
    }

    /// <summary>
    /// Registers the store with fixed <paramref name="options"/>, checked now, so a bad
    /// configuration stops the start with a message naming the key.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public static IServiceCollection AddThreatShareStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = Resolve(options);
        services.AddSingleton(Options.Create(options));
        return services.AddThreatShareStorage();
    }

    /// <summary>Brings the store's schema up to date, in a scope of its own; call once at start.</summary>
    public static async Task MigrateAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await MigrateAsync(scope.ServiceProvider.GetRequiredService<ThreatShareDb>(), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Brings the schema of <paramref name="db"/>'s database up to date with the migrations of its
    /// provider. For a SQLite file it first creates the file's directory and switches the file to
    /// write-ahead logging, so readers do not wait for the writer. Several nodes may call it at once:
    /// EF Core takes a migration lock.
    /// </summary>
    public static async Task MigrateAsync(ThreatShareDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is SqliteThreatShareDb)
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (IsPlainFile(source) && Path.GetDirectoryName(Path.GetFullPath(source)) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            try
            {
                if (IsPlainFile(source))
                {
                    // The journal mode is kept in the file: set once, it holds for every later connection.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct).ConfigureAwait(false);
                }
                await db.Database.MigrateAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
            return;
        }
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
    }

    private static bool IsPlainFile(string source) =>
        source.Length > 0
        && !string.Equals(source, ":memory:", StringComparison.Ordinal)
        && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
