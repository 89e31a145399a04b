using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Tests.Fixtures;
using ThreatShare.Core.Trust;

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
    public async Task BulkCopy_WritesTheSameRows_AsSaveChanges()
    {
        var submission = await NewSubmissionAsync();
        var viaEf = NewObject(submission, sequence: null);
        viaEf.Json = """{"type": "indicator", "confidence": 85}""";
        viaEf.Tlp = Tlp.AmberStrict;
        viaEf.State = SubmissionState.Pending;
        viaEf.Anonymous = true;
        viaEf.Revoked = true;
        viaEf.AddedAt = new DateTime(2026, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc);
        var viaCopy = NewObject(submission);
        foreach (var property in typeof(StoredObject).GetProperties().Where(p => p.CanWrite && p.Name is not (nameof(StoredObject.Key) or nameof(StoredObject.StixId))))
        {
            property.SetValue(viaCopy, property.GetValue(viaEf));
        }
        var alertViaEf = new Alert { Stream = "org:s" + Guid.NewGuid().ToString("N"), Sequence = 1, Kind = "published", Channel = "cross-sector", ObjectId = viaEf.StixId, ObjectVersion = viaEf.Version, Type = "indicator", Tlp = Tlp.Red, HideSource = true, At = viaEf.AddedAt };
        var alertViaCopy = new Alert { Stream = alertViaEf.Stream, Sequence = 2, Kind = "moderation-decision", Channel = "cross-sector", DecisionId = null, At = viaEf.AddedAt };
        await using (var db = Store.NewContext())
        {
            db.Objects.Add(viaEf);
            db.Alerts.Add(alertViaEf);
            db.IdOwners.Add(new IdOwner { StixId = viaEf.StixId, OrganizationId = viaEf.SubmitterOrganizationId });
            await db.SaveChangesAsync();
        }
        await using (var db = Store.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await PostgresCopy.InsertAsync(db, [viaCopy], CancellationToken.None);
            await PostgresCopy.InsertAsync(db, [alertViaCopy], CancellationToken.None);
            await PostgresCopy.InsertAsync(db, [new IdOwner { StixId = viaCopy.StixId, OrganizationId = viaCopy.SubmitterOrganizationId }], CancellationToken.None);
            await tx.CommitAsync();
        }
        await using (var db = Store.NewContext())
        {
            var rows = await db.Objects.AsNoTracking().Where(o => o.StixId == viaEf.StixId || o.StixId == viaCopy.StixId).OrderBy(o => o.Key).ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.True(rows[1].Key > rows[0].Key, "the database gives the copied row its key");
            foreach (var property in typeof(StoredObject).GetProperties().Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string)))
            {
                if (property.Name is not (nameof(StoredObject.Key) or nameof(StoredObject.StixId)))
                {
                    Assert.True(Equals(property.GetValue(rows[0]), property.GetValue(rows[1])), $"{property.Name}: {property.GetValue(rows[0])} ≠ {property.GetValue(rows[1])}");
                }
            }
            var alerts = await db.Alerts.AsNoTracking().Where(a => a.Stream == alertViaEf.Stream).OrderBy(a => a.Sequence).ToListAsync();
            Assert.Equal([("published", (Tlp?)Tlp.Red, true, viaEf.Version), ("moderation-decision", null, false, null)], alerts.Select(a => (a.Kind, a.Tlp, a.HideSource, a.ObjectVersion)));
            Assert.Equal(alerts[0].At, alerts[1].At);
            Assert.Equal(2, await db.IdOwners.CountAsync(o => o.StixId == viaEf.StixId || o.StixId == viaCopy.StixId));
        }
    }

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
