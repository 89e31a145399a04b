using Microsoft.Extensions.Options;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Hosting;

/// <summary>
/// Binds the server's options and registers the store through <see cref="StorageSetup"/> (the one
/// place that picks the provider); the store's data directory is the server's (<c>--data-dir</c>).
/// </summary>
internal static class StoreSetup
{
    public static IServiceCollection AddThreatShareStore(this IServiceCollection services)
    {
        services.AddOptions<ServerOptions>().BindConfiguration("ThreatShare").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .PostConfigure<IOptions<ServerOptions>>((storage, server) => storage.DataDirectory = server.Value.DataDirectory)
            .ValidateOnStart();
        return services.AddThreatShareStorage();
    }
}
