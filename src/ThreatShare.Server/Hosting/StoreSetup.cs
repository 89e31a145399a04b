using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Hosting;

/// <summary>Registers the store: SQLite in the data directory by default, PostgreSQL when configured.</summary>
internal static class StoreSetup
{
    public static IServiceCollection AddThreatShareStore(this IServiceCollection services)
    {
        services.AddOptions<ServerOptions>().BindConfiguration("ThreatShare").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration("Storage").ValidateDataAnnotations()
            .Validate(o => o.Provider != "postgres" || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is 'postgres'")
            .ValidateOnStart();

        // Each provider has its own context type, which selects its migrations. Options are read
        // when the context is first needed, so every configuration source (tests included) applies.
        services.AddDbContext<SqliteThreatShareDb>((sp, db) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var server = sp.GetRequiredService<IOptions<ServerOptions>>().Value;
            db.UseSqlite(storage.ConnectionString ?? $"Data Source={Path.Combine(server.DataDirectory, "threatshare.db")}").UseOpenIddict();
        });
        services.AddDbContext<PostgresThreatShareDb>((sp, db) =>
            db.UseNpgsql(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString).UseOpenIddict());
        services.AddScoped<ThreatShareDb>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == "postgres"
            ? sp.GetRequiredService<PostgresThreatShareDb>()
            : sp.GetRequiredService<SqliteThreatShareDb>());
        return services;
    }
}
