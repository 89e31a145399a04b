using Microsoft.EntityFrameworkCore.Design;

namespace ThreatShare.Core.Storage;

// Used by `dotnet ef migrations add <Name> --project src/ThreatShare.Core --context SqliteThreatShareDb
// --output-dir Storage/Migrations/Sqlite` (and the same for PostgresThreatShareDb / Postgres). Making a
// migration never opens the database, so the connection strings below only name the provider.

/// <summary>Design-time factory of the SQLite context, for <c>dotnet ef</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteThreatShareDb>
{
    public SqliteThreatShareDb CreateDbContext(string[] args) =>
        (SqliteThreatShareDb)StorageSetup.CreateContext(StorageProvider.Sqlite, "Data Source=threatshare-design.db");
}

/// <summary>Design-time factory of the PostgreSQL context, for <c>dotnet ef</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresThreatShareDb>
{
    public PostgresThreatShareDb CreateDbContext(string[] args) =>
        (PostgresThreatShareDb)StorageSetup.CreateContext(StorageProvider.Postgres, "Host=localhost;Database=threatshare_design");
}
