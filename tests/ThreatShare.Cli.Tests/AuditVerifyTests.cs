using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;

namespace ThreatShare.Cli.Tests;

/// <summary><c>threatshare audit verify</c> against a real store in a data directory.</summary>
public sealed class AuditVerifyTests : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("threatshare-cli-audit-");

    private string Connection => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_data.FullName, StorageSetup.DefaultSqliteFileName) }.ToString();

    public async Task InitializeAsync()
    {
        await using var db = StorageSetup.CreateContext(StorageProvider.Sqlite, Connection);
        await StorageSetup.MigrateAsync(db, CancellationToken.None);
        var log = new AuditLog(db, TimeProvider.System, new AuditActor { Actor = "user:1", Organization = "bank-a", Source = "127.0.0.1" });
        for (int i = 0; i < 30; i++)
        {
            await log.AppendAsync(AuditActions.Submission, $"s{i}", AuditOutcome.Success, new { i }, CancellationToken.None);
        }
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static JsonElement Answer(CliRun run) => JsonDocument.Parse(Assert.Single(run.OutputLines)).RootElement;

    private async Task TamperAsync(Func<ThreatShareDb, Task> change)
    {
        await using var db = StorageSetup.CreateContext(StorageProvider.Sqlite, Connection);
        await change(db);
    }

    [Fact]
    public async Task AnIntactLog_Answers0_WithTheHeadToKeep()
    {
        var run = await CliHarness.RunRealAsync("", "audit", "verify", "--data-dir", _data.FullName);
        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        var answer = Answer(run);
        Assert.True(answer.GetProperty("intact").GetBoolean());
        Assert.Equal(30, answer.GetProperty("records").GetInt64());
        Assert.Equal(64, answer.GetProperty("last_hash").GetString()!.Length);
        Assert.False(answer.TryGetProperty("broken_at", out _));
    }

    [Fact]
    public async Task AChangedRecord_Answers1_AndNamesIt()
    {
        await TamperAsync(db => db.AuditRecords.Where(r => r.Sequence == 12).ExecuteUpdateAsync(u => u.SetProperty(r => r.Target, "s99")));
        var run = await CliHarness.RunRealAsync("", "audit", "verify", "--data-dir", _data.FullName);
        Assert.Equal(1, run.ExitCode);
        var answer = Answer(run);
        Assert.Equal((false, 12L, 11L), (answer.GetProperty("intact").GetBoolean(), answer.GetProperty("broken_at").GetInt64(), answer.GetProperty("records").GetInt64()));
        Assert.Contains("record 12", answer.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATailRemovedWithEveryTrace_IsFound_WithTheKeptCheckpoint()
    {
        var kept = Answer(await CliHarness.RunRealAsync("", "audit", "verify", "--data-dir", _data.FullName));
        string checkpoint = $"{kept.GetProperty("last_sequence").GetInt64()}:{kept.GetProperty("last_hash").GetString()}";
        await TamperAsync(async db =>
        {
            await db.AuditRecords.Where(r => r.Sequence > 25).ExecuteDeleteAsync();
            await db.ChannelSequences.Where(c => c.Channel == AuditLog.SequencerKey).ExecuteUpdateAsync(u => u.SetProperty(c => c.Last, 25));
        });
        Assert.Equal(0, (await CliHarness.RunRealAsync("", "audit", "verify", "--data-dir", _data.FullName)).ExitCode);
        var run = await CliHarness.RunRealAsync("", "audit", "verify", "--data-dir", _data.FullName, "--checkpoint", checkpoint);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(26, Answer(run).GetProperty("broken_at").GetInt64());
    }

    [Theory]
    [InlineData("--checkpoint", "12", "--checkpoint '12' must be <sequence>:<sha-256 hex>")]
    [InlineData("--postgres", "Host=x", "give --data-dir or --postgres, not both")]
    public async Task BadOptions_Answer2_WithAMessage(string option, string value, string message)
    {
        var run = await CliHarness.RunRealAsync("", "audit", "verify", "--data-dir", _data.FullName, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.OutputBytes);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingStore_Answers2_AndCreatesNothing()
    {
        string empty = Path.Combine(_data.FullName, "nothing-here");
        var run = await CliHarness.RunRealAsync("", "audit", "verify", "--data-dir", empty);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("there is no store at", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(empty));
    }
}
