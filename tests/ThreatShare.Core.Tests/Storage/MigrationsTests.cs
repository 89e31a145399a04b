using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Tests.Storage;

/// <summary>Each provider's migrations match the model, so a model change without a migration fails here.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(StorageProvider.Postgres, "Host=unused;Database=unused")]
    public void Model_HasNoPendingChanges_AgainstItsMigrations(StorageProvider provider, string connectionString)
    {
        // Neither call opens the database.
        using var db = StorageSetup.CreateContext(provider, connectionString);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"the {provider} migrations are behind the model: run `dotnet ef migrations add <Name> --project src/ThreatShare.Core --context {db.GetType().Name} --output-dir Storage/Migrations/{provider}`");
    }

    [Fact]
    public void EachProvider_HasItsOwnMigrations()
    {
        using var sqlite = StorageSetup.CreateContext(StorageProvider.Sqlite, "Data Source=unused.db");
        using var postgres = StorageSetup.CreateContext(StorageProvider.Postgres, "Host=unused;Database=unused");
        var fromSqlite = sqlite.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace).Distinct();
        var fromPostgres = postgres.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace).Distinct();
        Assert.Equal(["ThreatShare.Core.Storage.Migrations.Sqlite"], fromSqlite);
        Assert.Equal(["ThreatShare.Core.Storage.Migrations.Postgres"], fromPostgres);
    }
}
