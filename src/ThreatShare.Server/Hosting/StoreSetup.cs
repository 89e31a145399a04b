using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Hosting;

/// <summary>Registers the store: SQLite in the data directory by default, PostgreSQL when configured.</summary>
internal static class StoreSetup
{
    public static IServiceCollection AddThreatShareStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerOptions>().BindConfiguration("ThreatShare").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration("Storage").ValidateDataAnnotations()
            .Validate(o => o.Provider != "postgres" || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is 'postgres'")
            .ValidateOnStart();

        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var server = configuration.GetSection("ThreatShare").Get<ServerOptions>() ?? new ServerOptions();
        // The context type decides which provider's migrations apply; callers ask for the base type.
        if (storage.Provider == "postgres")
        {
            services.AddDbContext<ThreatShareDb, PostgresThreatShareDb>(db => db.UseNpgsql(storage.ConnectionString).UseOpenIddict());
        }
        else
        {
            string connection = storage.ConnectionString ?? $"Data Source={Path.Combine(server.DataDirectory, "threatshare.db")}";
            services.AddDbContext<ThreatShareDb, SqliteThreatShareDb>(db => db.UseSqlite(connection).UseOpenIddict());
        }
        return services;
    }
}
