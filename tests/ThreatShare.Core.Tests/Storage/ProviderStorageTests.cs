using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Tests.Fixtures;

namespace ThreatShare.Core.Tests.Storage;

/// <summary>The storage suite on a SQLite file in a temp directory.</summary>
public sealed class SqliteStorageTests(SqliteStorageDatabase store) : StorageSuite(store), IClassFixture<SqliteStorageDatabase>
{
    [Fact]
    public async Task Migrate_Switches_TheFile_ToWriteAheadLogging()
    {
        await using var db = Store.NewContext();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal(["wal"], mode);
    }
}

/// <summary>The storage suite on the run's PostgreSQL server, in a database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresStorageDatabase store) : StorageSuite(store), IClassFixture<PostgresStorageDatabase>
{
    [Fact]
    public async Task Json_IsStoredAsJsonb_AndQueryableAsJson()
    {
        var submission = await NewSubmissionAsync();
        string id = "indicator--" + Guid.NewGuid();
        await using (var db = Store.NewContext())
        {
            var o = NewObject(submission, id);
            o.Json = $$"""{"type": "indicator", "id": "{{id}}", "confidence": 85}""";
            db.Objects.Add(o);
            await db.SaveChangesAsync();
        }
        await using (var db = Store.NewContext())
        {
            var columnType = await db.Database.SqlQueryRaw<string>(
                "SELECT data_type AS \"Value\" FROM information_schema.columns WHERE table_name = 'Objects' AND column_name = 'Json'").ToListAsync();
            Assert.Equal(["jsonb"], columnType);
            var confidence = await db.Database.SqlQuery<int>($"SELECT (\"Json\"->>'confidence')::int AS \"Value\" FROM \"Objects\" WHERE \"StixId\" = {id}").ToListAsync();
            Assert.Equal([85], confidence);
        }
    }
}
