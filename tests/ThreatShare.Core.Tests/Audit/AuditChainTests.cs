using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Tests.Fixtures;

namespace ThreatShare.Core.Tests.Audit;

/// <summary>
/// The audit chain on every provider: appends (also concurrent ones) verify; tampering directly in
/// the database (a changed field, a deleted record, two records swapped, a truncated tail, a
/// rewritten chain) is found at the right record.
/// </summary>
public abstract class AuditChainSuite(IStorageDatabase store)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A migrated database of its own (the chain is per store) with <paramref name="records"/> records.</summary>
    private async Task<string> LogAsync(string hint, int records)
    {
        await using var db = await store.NewEmptyDatabaseAsync(hint);
        await StorageSetup.MigrateAsync(db, CancellationToken.None);
        var time = new FakeTimeProvider(Start);
        var log = new AuditLog(db, time, new AuditActor { Actor = "user:7", Organization = "bank-a", Source = "192.0.2.10" });
        for (int i = 1; i <= records; i++)
        {
            // Ticks below a microsecond are dropped by the log so that PostgreSQL keeps the time exactly.
            time.Advance(TimeSpan.FromTicks(12_345_677));
            await log.AppendAsync(i % 3 == 0 ? AuditActions.ReadRed : AuditActions.Submission, $"target-{i}", i % 5 == 0 ? AuditOutcome.Denied : AuditOutcome.Success,
                i % 2 == 0 ? new { n = i, text = "é \"quoted\"" } : null, CancellationToken.None);
        }
        return db.Database.GetConnectionString()!;
    }

    private ThreatShareDb Open(string connection) => StorageSetup.CreateContext(store.Provider, connection);

    private async Task<AuditVerification> VerifyAsync(string connection, (long, string)? external = null)
    {
        await using var db = Open(connection);
        return await AuditVerifier.VerifyAsync(db, external, CancellationToken.None);
    }

    [Fact]
    public async Task Appends_FormAChain_ThatVerifies_WithCheckpoints()
    {
        string connection = await LogAsync("intact", 250);
        var result = await VerifyAsync(connection);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal((250L, 250L, (long?)null), (result.Records, result.LastSequence, result.BrokenAt));
        await using var db = Open(connection);
        Assert.Equal(await db.AuditRecords.Where(r => r.Sequence == 250).Select(r => r.Hash).SingleAsync(), result.LastHash);
        Assert.Equal([100L, 200L], await db.AuditCheckpoints.OrderBy(c => c.Sequence).Select(c => c.Sequence).ToListAsync());
        var first = await db.AuditRecords.SingleAsync(r => r.Sequence == 1);
        Assert.Equal(("user:7", "bank-a", "192.0.2.10", "target-1"), (first.Actor, first.Organization, first.Source, first.Target));
        Assert.Equal(0, first.At.Ticks % 10);
        Assert.Equal("""{"n":2,"text":"\u00E9 \u0022quoted\u0022"}""", await db.AuditRecords.Where(r => r.Sequence == 2).Select(r => r.Details).SingleAsync());
    }

    [Fact]
    public async Task AnEmptyLog_IsIntact()
    {
        var result = await VerifyAsync(await LogAsync("empty", 0));
        Assert.True(result.Intact);
        Assert.Equal((0L, AuditChain.Genesis), (result.Records, result.LastHash));
    }

    public static TheoryData<string> Fields => ["actor", "organization", "action", "target", "outcome", "source", "details", "at", "hash"];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task AChangedField_BreaksTheChain_AtThatRecord(string field)
    {
        string connection = await LogAsync("changed-" + field, 40);
        await using (var db = Open(connection))
        {
            var record = db.AuditRecords.Where(r => r.Sequence == 17);
            int changed = field switch
            {
                "actor" => await record.ExecuteUpdateAsync(u => u.SetProperty(r => r.Actor, "user:8")),
                "organization" => await record.ExecuteUpdateAsync(u => u.SetProperty(r => r.Organization, (string?)null)),
                "action" => await record.ExecuteUpdateAsync(u => u.SetProperty(r => r.Action, AuditActions.Sighting)),
                "target" => await record.ExecuteUpdateAsync(u => u.SetProperty(r => r.Target, "target-170")),
                "outcome" => await record.ExecuteUpdateAsync(u => u.SetProperty(r => r.Outcome, AuditOutcome.Denied)),
                "source" => await record.ExecuteUpdateAsync(u => u.SetProperty(r => r.Source, "198.51.100.1")),
                "details" => await record.ExecuteUpdateAsync(u => u.SetProperty(r => r.Details, """{"n":1}""")),
                "at" => await record.ExecuteUpdateAsync(u => u.SetProperty(r => r.At, r => r.At.AddSeconds(1))),
                _ => await record.ExecuteUpdateAsync(u => u.SetProperty(r => r.Hash, new string('a', 64))),
            };
            Assert.Equal(1, changed);
        }
        var result = await VerifyAsync(connection);
        Assert.False(result.Intact);
        Assert.Equal(17, result.BrokenAt);
        Assert.Equal(16, result.Records);
        Assert.Contains("record 17", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeletedRecord_IsNamed()
    {
        string connection = await LogAsync("deleted", 40);
        await using (var db = Open(connection))
        {
            Assert.Equal(1, await db.AuditRecords.Where(r => r.Sequence == 23).ExecuteDeleteAsync());
        }
        var result = await VerifyAsync(connection);
        Assert.Equal((false, (long?)23), (result.Intact, result.BrokenAt));
        Assert.Contains("record 23 is missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSwappedRecords_BreakTheChain_AtTheFirst()
    {
        string connection = await LogAsync("swapped", 40);
        await using (var db = Open(connection))
        {
            var a = await db.AuditRecords.AsNoTracking().SingleAsync(r => r.Sequence == 30);
            var b = await db.AuditRecords.AsNoTracking().SingleAsync(r => r.Sequence == 31);
            // Each record, hash and all, moved into the other's place.
            foreach (var (into, from) in new[] { (30L, b), (31L, a) })
            {
                await db.AuditRecords.Where(r => r.Sequence == into).ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.At, from.At).SetProperty(r => r.Actor, from.Actor).SetProperty(r => r.Action, from.Action)
                    .SetProperty(r => r.Target, from.Target).SetProperty(r => r.Outcome, from.Outcome).SetProperty(r => r.Details, from.Details)
                    .SetProperty(r => r.Hash, from.Hash));
            }
        }
        var result = await VerifyAsync(connection);
        Assert.Equal((false, (long?)30), (result.Intact, result.BrokenAt));
    }

    [Fact]
    public async Task ATruncatedTail_IsFound_ByTheSequenceCounter()
    {
        string connection = await LogAsync("tail", 250);
        await using (var db = Open(connection))
        {
            Assert.Equal(20, await db.AuditRecords.Where(r => r.Sequence > 230).ExecuteDeleteAsync());
        }
        var result = await VerifyAsync(connection);
        Assert.Equal((false, (long?)231, 230L), (result.Intact, result.BrokenAt, result.Records));
        Assert.Contains("had reached record 250", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATruncatedTail_AfterACheckpoint_IsFound_EvenWithTheCounterWoundBack()
    {
        string connection = await LogAsync("checkpoint", 250);
        await using (var db = Open(connection))
        {
            await db.AuditRecords.Where(r => r.Sequence >= 150).ExecuteDeleteAsync();
            await db.ChannelSequences.Where(c => c.Channel == AuditLog.SequencerKey).ExecuteUpdateAsync(u => u.SetProperty(c => c.Last, 149));
        }
        var result = await VerifyAsync(connection);
        Assert.Equal((false, (long?)150), (result.Intact, result.BrokenAt));
        Assert.Contains("stored checkpoint names record 200", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATailRemovedWithEveryTraceInTheStore_IsFound_OnlyByACheckpointKeptOutside()
    {
        string connection = await LogAsync("outside", 120);
        var kept = await VerifyAsync(connection);
        await using (var db = Open(connection))
        {
            await db.AuditRecords.Where(r => r.Sequence >= 90).ExecuteDeleteAsync();
            await db.AuditCheckpoints.ExecuteDeleteAsync();
            await db.ChannelSequences.Where(c => c.Channel == AuditLog.SequencerKey).ExecuteUpdateAsync(u => u.SetProperty(c => c.Last, 89));
        }
        // The store alone cannot tell: this is why the head is worth keeping elsewhere.
        Assert.True((await VerifyAsync(connection)).Intact);
        var result = await VerifyAsync(connection, (kept.LastSequence, kept.LastHash));
        Assert.Equal((false, (long?)90), (result.Intact, result.BrokenAt));
        Assert.Contains("the checkpoint given names record 120", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChainRewrittenWithFreshHashes_DiffersFromAKeptCheckpoint()
    {
        string connection = await LogAsync("rewritten", 60);
        var kept = await VerifyAsync(connection);
        await using (var db = Open(connection))
        {
            // Whoever rewrites record 10 must recompute every hash after it to keep the chain whole.
            var records = await db.AuditRecords.OrderBy(r => r.Sequence).ToListAsync();
            string previous = AuditChain.Genesis;
            foreach (var record in records)
            {
                if (record.Sequence == 10)
                {
                    record.Outcome = AuditOutcome.Success;
                    record.Actor = "user:someone-else";
                }
                record.Hash = AuditChain.Hash(previous, record);
                previous = record.Hash;
            }
            await db.SaveChangesAsync();
        }
        Assert.True((await VerifyAsync(connection)).Intact);
        var result = await VerifyAsync(connection, (kept.LastSequence, kept.LastHash));
        Assert.Equal((false, (long?)60), (result.Intact, result.BrokenAt));
        Assert.Contains("differs from the checkpoint given", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentWriters_OnSeparateConnections_KeepOneGaplessChain()
    {
        string connection = await LogAsync("concurrent", 0);
        const int writers = 8, each = 40;
        await Parallel.ForAsync(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, async (w, ct) =>
        {
            // One context per writer: as many connections as server nodes appending at once.
            await using var db = Open(connection);
            var log = new AuditLog(db, TimeProvider.System, new AuditActor { Actor = $"client:node-{w}" });
            for (int i = 0; i < each; i++)
            {
                await log.AppendAsync(AuditActions.Submission, $"{w}/{i}", AuditOutcome.Success, null, ct);
            }
        });
        var result = await VerifyAsync(connection);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(writers * each, result.Records);
        await using var check = Open(connection);
        Assert.Equal(writers * each, await check.AuditRecords.Select(r => r.Target).Distinct().CountAsync());
    }

    [Fact]
    public async Task AnAppendInARolledBackTransaction_LeavesNoRecordAndNoGap()
    {
        string connection = await LogAsync("rollback", 3);
        await using (var db = Open(connection))
        {
            var log = new AuditLog(db, TimeProvider.System, new AuditActor());
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await log.AppendAsync(AuditActions.Submission, "gone", AuditOutcome.Success, null, CancellationToken.None);
                await tx.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            await log.AppendAsync(AuditActions.Submission, "kept", AuditOutcome.Success, null, CancellationToken.None);
        }
        var result = await VerifyAsync(connection);
        Assert.True(result.Intact, result.Problem);
        await using var check = Open(connection);
        Assert.Equal(["target-1", "target-2", "target-3", "kept"], await check.AuditRecords.OrderBy(r => r.Sequence).Select(r => r.Target).ToListAsync());
    }

    [Theory]
    [InlineData("12:" + "ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789", true)]
    [InlineData("0:" + "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", false)]
    [InlineData("12:abc", false)]
    [InlineData("x:abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", false)]
    [InlineData("abcdef", false)]
    [InlineData("", false)]
    public void Checkpoints_AreParsed_AsSequenceColonHash(string text, bool valid) =>
        Assert.Equal(valid, AuditVerifier.TryParseCheckpoint(text, out _));
}

/// <summary>The audit chain on SQLite.</summary>
public sealed class SqliteAuditChainTests(SqliteStorageDatabase store) : AuditChainSuite(store), IClassFixture<SqliteStorageDatabase>;

/// <summary>The audit chain on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditChainTests(PostgresStorageDatabase store) : AuditChainSuite(store), IClassFixture<PostgresStorageDatabase>;
