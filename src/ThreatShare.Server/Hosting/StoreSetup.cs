using Microsoft.Extensions.Options;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Hosting;

/// <summary>
/// Registers the store through <see cref="StorageSetup"/> (the one place that picks the provider).
/// Options are read when a context is first needed, so every configuration source applies, tests'
/// included; the data directory is the server's (<c>--data-dir</c>).
/// </summary>
internal static class StoreSetup
{
    public static IServiceCollection AddThreatShareStore(this IServiceCollection services)
    {
        services.AddOptions<ServerOptions>().BindConfiguration("ThreatShare").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .PostConfigure<IOptions<ServerOptions>>((storage, server) => storage.DataDirectory = server.Value.DataDirectory)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddDbContext<SqliteThreatShareDb>((sp, db) => Configure(sp, db));
        services.AddDbContext<PostgresThreatShareDb>((sp, db) => Configure(sp, db));
        services.AddScoped<ThreatShareDb>(sp => Resolve(sp).Provider == StorageProvider.Postgres
            ? sp.GetRequiredService<PostgresThreatShareDb>()
            : sp.GetRequiredService<SqliteThreatShareDb>());
        return services;
    }

    private static (StorageProvider Provider, string ConnectionString) Resolve(IServiceProvider sp) =>
        StorageSetup.Resolve(sp.GetRequiredService<IOptions<StorageOptions>>().Value);

    private static void Configure(IServiceProvider sp, Microsoft.EntityFrameworkCore.DbContextOptionsBuilder db)
    {
        var (provider, connectionString) = Resolve(sp);
        StorageSetup.Configure(db, provider, connectionString); // OpenIddict's entities are part of the model (ThreatShareDb.OnModelCreating)
    }
}
