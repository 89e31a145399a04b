using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Tests.Storage;

public sealed class StorageSetupTests
{
    [Fact]
    public void Resolve_Defaults_ToASqliteFile_UnderTheDataDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "threatshare-data");
        var (provider, connectionString) = StorageSetup.Resolve(new StorageOptions { DataDirectory = directory });
        Assert.Equal(StorageProvider.Sqlite, provider);
        Assert.Contains(Path.Combine(directory, StorageSetup.DefaultSqliteFileName), connectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    public void Resolve_Uses_TheGivenConnectionString_ForPostgres(string name)
    {
        var (provider, connectionString) = StorageSetup.Resolve(new StorageOptions { Provider = name, ConnectionString = "Host=db;Database=ts" });
        Assert.Equal(StorageProvider.Postgres, provider);
        Assert.Equal("Host=db;Database=ts", connectionString);
    }

    [Fact]
    public void Resolve_Rejects_PostgresWithoutConnectionString_NamingTheKey()
    {
        var e = Assert.Throws<OptionsValidationException>(() => StorageSetup.Resolve(new StorageOptions { Provider = "postgres" }));
        Assert.Contains("Storage:ConnectionString", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Rejects_AnUnknownProvider_NamingTheKey()
    {
        var e = Assert.Throws<OptionsValidationException>(() => StorageSetup.Resolve(new StorageOptions { Provider = "mysql" }));
        Assert.Contains("Storage:Provider", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", "Data Source=x.db", typeof(SqliteThreatShareDb))]
    [InlineData("postgres", "Host=unused;Database=unused", typeof(PostgresThreatShareDb))]
    public void AddThreatShareStorage_Registers_TheProvidersContext_AsThreatShareDb(string provider, string connectionString, Type expected)
    {
        var services = new ServiceCollection().AddThreatShareStorage(new StorageOptions { Provider = provider, ConnectionString = connectionString });
        using var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = root.CreateScope();
        Assert.IsType(expected, scope.ServiceProvider.GetRequiredService<ThreatShareDb>());
    }

    [Fact]
    public async Task MigrateAsync_Creates_TheDataDirectory_AndTheSchema()
    {
        var temp = Directory.CreateTempSubdirectory("threatshare-setup-");
        try
        {
            string data = Path.Combine(temp.FullName, "nested", "data");
            var services = new ServiceCollection().AddThreatShareStorage(new StorageOptions { DataDirectory = data });
            await using (var root = services.BuildServiceProvider())
            {
                await StorageSetup.MigrateAsync(root.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);
            }
            Assert.True(File.Exists(Path.Combine(data, StorageSetup.DefaultSqliteFileName)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            temp.Delete(recursive: true);
        }
    }
}
