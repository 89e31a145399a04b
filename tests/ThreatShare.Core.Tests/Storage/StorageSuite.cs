using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Tests.Fixtures;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Tests.Storage;

/// <summary>
/// The storage tests, written once and run on every provider (see the subclasses). The class's
/// database is shared by its tests, so each test makes its own organizations, channels and ids.
/// </summary>
public abstract class StorageSuite(IStorageDatabase store)
{
    protected static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Sectors = ["finance", "energy", "health"];

    protected IStorageDatabase Store { get; } = store;

    [Fact]
    public async Task Migrations_Apply_ToAnEmptyDatabase()
    {
        await using var db = await Store.NewEmptyDatabaseAsync("empty");
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);

        await StorageSetup.MigrateAsync(db, CancellationToken.None);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Objects.CountAsync());

        // A second start finds nothing to do.
        await StorageSetup.MigrateAsync(db, CancellationToken.None);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Backfill_IndexesObjectsStoredBeforeTheIndex_Once()
    {
        await using var db = await Store.NewEmptyDatabaseAsync("backfill");
        await StorageSetup.MigrateAsync(db, CancellationToken.None);
        var submission = new Submission { Id = Guid.NewGuid(), OrganizationId = Guid.NewGuid(), SubmittedBy = "user:test", Channel = "cross-sector", State = SubmissionState.Published, ReceivedAt = Epoch };
        db.Submissions.Add(submission);
        string id = "indicator--" + Guid.NewGuid();
        var indicator = NewObject(submission.Id, id);
        indicator.Json = $$"""{"type":"indicator","spec_version":"2.1","id":"{{id}}","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value ISSUBSET '45.155.0.0/16'] OR [domain-name:value = 'Evil.Test']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z","valid_until":"2027-01-01T00:00:00Z"}""";
        var identity = NewObject(submission.Id, "identity--" + Guid.NewGuid());
        identity.Type = "identity";
        db.Objects.AddRange(indicator, identity);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.Equal(1, await ThreatShare.Core.Lookup.LookupIndex.BackfillAsync(db, CancellationToken.None));
        var entries = await db.ObservableEntries.OrderBy(e => e.Term).ToListAsync();
        Assert.Equal(["domain:evil.test", "ipv4:45.155.0.0/16"], entries.Select(e => e.Term));
        Assert.All(entries, e => Assert.Equal((id, indicator.Version), (e.StixId, e.Version)));
        Assert.Equal(2027, entries[0].ValidUntil!.Value.Year);
        Assert.Equal([("ipv4", 16)], (await db.RangeLengths.ToListAsync()).Select(r => (r.Family, r.Length)));

        // The index has entries now: a later start leaves it alone.
        Assert.Equal(0, await ThreatShare.Core.Lookup.LookupIndex.BackfillAsync(db, CancellationToken.None));
        Assert.Equal(2, await db.ObservableEntries.CountAsync());
    }

    [Fact]
    public async Task UniqueIndex_Rejects_SameStixIdAndVersion()
    {
        var submission = await NewSubmissionAsync();
        string id = "indicator--" + Guid.NewGuid();
        await using (var db = Store.NewContext())
        {
            db.Objects.Add(NewObject(submission, id, version: "2026-01-01T00:00:00.000000000Z"));
            db.Objects.Add(NewObject(submission, id, version: "2026-01-02T00:00:00.000000000Z"));
            await db.SaveChangesAsync();
        }
        await using (var db = Store.NewContext())
        {
            db.Objects.Add(NewObject(submission, id, version: "2026-01-01T00:00:00.000000000Z"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task UniqueIndex_Rejects_SameChannelAndSequence()
    {
        var submission = await NewSubmissionAsync();
        string channel = NewChannel();
        await using (var db = Store.NewContext())
        {
            db.Objects.Add(NewObject(submission, channel: channel, sequence: 1));
            db.Objects.Add(NewObject(submission, channel: channel, sequence: 2));
            db.Objects.Add(NewObject(submission, channel: NewChannel(), sequence: 1));
            await db.SaveChangesAsync();
        }
        await using (var db = Store.NewContext())
        {
            db.Objects.Add(NewObject(submission, channel: channel, sequence: 1));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task UniqueIndex_Allows_ManyUnpublishedObjects_InOneChannel()
    {
        // Objects get their sequence number at publication: until then many share a channel with none.
        var submission = await NewSubmissionAsync();
        string channel = NewChannel();
        await using var db = Store.NewContext();
        db.Objects.AddRange(Enumerable.Range(0, 3).Select(_ => NewObject(submission, channel: channel, sequence: null)));
        await db.SaveChangesAsync();
        Assert.Equal(3, await db.Objects.CountAsync(o => o.Channel == channel && o.Sequence == null));
    }

    [Fact]
    public async Task UniqueIndex_Rejects_DuplicateOrganizationSlug()
    {
        string slug = "org-" + Guid.NewGuid().ToString("N")[..12];
        await using (var db = Store.NewContext())
        {
            db.Organizations.Add(NewOrganization(slug));
            await db.SaveChangesAsync();
        }
        await using (var db = Store.NewContext())
        {
            db.Organizations.Add(NewOrganization(slug));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Json_IsStoredAndReturned()
    {
        var submission = await NewSubmissionAsync();
        string id = "indicator--" + Guid.NewGuid();
        string json = $$"""{"type":"indicator","spec_version":"2.1","id":"{{id}}","pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","labels":["é","\u2603"],"confidence":85}""";
        await using (var db = Store.NewContext())
        {
            var o = NewObject(submission, id);
            o.Json = json;
            db.Objects.Add(o);
            await db.SaveChangesAsync();
        }
        await using (var db = Store.NewContext())
        {
            string stored = await db.Objects.Where(o => o.StixId == id).Select(o => o.Json).SingleAsync();
            // jsonb keeps the value, not the text (key order and spacing may change).
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(stored)), stored);
        }
    }

    [Fact]
    public async Task VisibleTo_InTheDatabase_AgreesWithCanSee()
    {
        await EnsureSectorsAsync();
        int compared = 0, visible = 0;
        for (int seed = 1; seed <= 4; seed++)
        {
            var random = new Random(seed);
            var (orgs, keys) = await InsertScenarioAsync(random, organizations: 6, objects: 40);

            await using var db = Store.NewContext();
            var objects = await db.Objects.AsNoTracking().Include(o => o.Recipients).Where(o => keys.Contains(o.Key)).ToListAsync();
            Assert.Equal(keys.Count, objects.Count);

            foreach (var reader in Readers(random, orgs))
            {
                var inDatabase = (await db.Objects.VisibleTo(reader).Where(o => keys.Contains(o.Key)).Select(o => o.Key).ToListAsync()).ToHashSet();
                foreach (var o in objects)
                {
                    bool expected = reader.CanSee(o);
                    Assert.True(expected == inDatabase.Contains(o.Key),
                        $"seed {seed}: reader {reader.OrganizationId} (sectors [{string.Join(",", reader.MemberSectors)}], moderates [{string.Join(",", reader.ModeratedSectors)}], admin {reader.IsDirectorateAdmin}) " +
                        $"object {o.Channel}/{o.Tlp}/{o.State} by {o.SubmitterOrganizationId} to [{string.Join(",", o.Recipients.Select(r => r.OrganizationId))}]: predicate {expected}, database {!expected}");
                    compared++;
                    visible += expected ? 1 : 0;
                }
            }
        }
        Assert.True(compared >= 500, $"only {compared} reader/object pairs compared");
        // Guard against a scenario that only ever gives one answer.
        Assert.InRange(visible, compared / 10, compared - (compared / 10));
    }

    [Fact]
    public async Task Sequencer_Gives_GaplessUniqueNumbers_ToConcurrentWriters()
    {
        const int writers = 8, perWriter = 15;
        var submission = await NewSubmissionAsync();
        string channel = NewChannel();
        using var start = new ManualResetEventSlim();

        var tasks = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            start.Wait(TimeSpan.FromSeconds(30));
            var taken = new List<long>();
            for (int i = 0; i < perWriter; i++)
            {
                await using var db = Store.NewContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                long n = await Sequencer.NextAsync(db, channel, CancellationToken.None);
                db.Objects.Add(NewObject(submission, channel: channel, sequence: n));
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                taken.Add(n);
            }
            return taken;
        })).ToList();
        start.Set();
        var returned = (await Task.WhenAll(tasks)).SelectMany(t => t).Order().ToList();

        var expected = Enumerable.Range(1, writers * perWriter).Select(i => (long)i).ToList();
        Assert.Equal(expected, returned);
        await using var check = Store.NewContext();
        var stored = await check.Objects.Where(o => o.Channel == channel).Select(o => o.Sequence).OrderBy(s => s).ToListAsync();
        Assert.Equal(expected.Select(n => (long?)n), stored);
        Assert.Equal(writers * perWriter, await check.ChannelSequences.Where(c => c.Channel == channel).Select(c => c.Last).SingleAsync());
    }

    [Fact]
    public async Task Sequencer_RolledBackTransaction_DoesNotConsumeANumber()
    {
        string channel = NewChannel();
        string other = NewChannel();
        await using var db = Store.NewContext();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, await Sequencer.NextAsync(db, channel, CancellationToken.None));
            Assert.Equal(1, await Sequencer.NextAsync(db, other, CancellationToken.None));
            await tx.CommitAsync();
        }
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await Sequencer.NextAsync(db, channel, CancellationToken.None));
            Assert.Equal(3, await Sequencer.NextAsync(db, channel, CancellationToken.None));
            await tx.RollbackAsync();
        }
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await Sequencer.NextAsync(db, channel, CancellationToken.None));
            Assert.Equal(2, await Sequencer.NextAsync(db, other, CancellationToken.None));
            await tx.CommitAsync();
        }
    }

    [Fact]
    public async Task Sequencer_RolledBackFirstUse_LeavesNoRow()
    {
        string channel = NewChannel();
        await using var db = Store.NewContext();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, await Sequencer.NextAsync(db, channel, CancellationToken.None));
            await tx.RollbackAsync();
        }
        Assert.False(await db.ChannelSequences.AnyAsync(c => c.Channel == channel));
    }

    [Fact]
    public async Task Sequencer_Refuses_OutsideATransaction()
    {
        await using var db = Store.NewContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Sequencer.NextAsync(db, NewChannel(), CancellationToken.None));
    }

    [Fact]
    public async Task Sequencer_Refuses_AnInvalidChannelName()
    {
        await using var db = Store.NewContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => Sequencer.NextAsync(db, "sector:Not Valid", CancellationToken.None));
    }

    // ---- data helpers ----

    protected static string NewChannel() => Channel.SectorPrefix + "s" + Guid.NewGuid().ToString("N");

    protected static Organization NewOrganization(string slug, Guid? id = null)
    {
        var orgId = id ?? Guid.NewGuid();
        return new Organization
        {
            Id = orgId,
            Slug = slug,
            Name = "Organization " + slug,
            IdentityId = "identity--" + orgId,
            IdentityJson = "{}",
            CreatedAt = Epoch,
        };
    }

    protected async Task<Guid> NewSubmissionAsync(Guid? organization = null, string channel = "cross-sector")
    {
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization ?? Guid.NewGuid(),
            SubmittedBy = "user:test",
            Channel = channel,
            State = SubmissionState.Published,
            ReceivedAt = Epoch,
        };
        await using var db = Store.NewContext();
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission.Id;
    }

    protected static StoredObject NewObject(Guid submission, string? stixId = null, string? version = null, string channel = "cross-sector", long? sequence = null) => new()
    {
        StixId = stixId ?? "indicator--" + Guid.NewGuid(),
        Type = "indicator",
        Version = version ?? "2026-01-01T00:00:00.000000000Z",
        SubmissionId = submission,
        Channel = channel,
        Tlp = Tlp.Green,
        State = SubmissionState.Published,
        SubmitterOrganizationId = Guid.NewGuid(),
        Sequence = sequence,
        AddedAt = Epoch,
        Json = "{}",
    };

    private async Task EnsureSectorsAsync()
    {
        await using var db = Store.NewContext();
        var existing = await db.Sectors.Select(s => s.Slug).ToListAsync();
        db.Sectors.AddRange(Sectors.Except(existing, StringComparer.Ordinal).Select(s => new Sector { Slug = s, Name = s }));
        await db.SaveChangesAsync();
    }

    private sealed record ScenarioOrg(Guid Id, string[] Sectors);

    /// <summary>Random organizations with random sector memberships, and random objects in every channel, TLP and state.</summary>
    private async Task<(List<ScenarioOrg> Orgs, List<long> Keys)> InsertScenarioAsync(Random random, int organizations, int objects)
    {
        string[] channels = [.. Sectors.Select(s => Channel.SectorPrefix + s), Channel.CrossSectorName, Channel.NationalName];
        var orgs = Enumerable.Range(0, organizations)
            .Select(_ => new ScenarioOrg(Guid.NewGuid(), [.. Sectors.Where(_ => random.Next(2) == 0)]))
            .ToList();

        await using var db = Store.NewContext();
        foreach (var org in orgs)
        {
            var entity = NewOrganization("org-" + org.Id.ToString("N")[..20], org.Id);
            foreach (string s in org.Sectors)
            {
                entity.Sectors.Add(new OrganizationSector { OrganizationId = org.Id, SectorSlug = s });
            }
            db.Organizations.Add(entity);
        }
        var submissions = new Dictionary<Guid, Submission>();
        var created = new List<StoredObject>();
        var tlps = Enum.GetValues<Tlp>();
        var states = Enum.GetValues<SubmissionState>();
        for (int i = 0; i < objects; i++)
        {
            var submitter = orgs[random.Next(orgs.Count)];
            if (!submissions.TryGetValue(submitter.Id, out var submission))
            {
                submission = new Submission { Id = Guid.NewGuid(), OrganizationId = submitter.Id, SubmittedBy = "user:test", Channel = channels[0], ReceivedAt = Epoch };
                submissions.Add(submitter.Id, submission);
                db.Submissions.Add(submission);
            }
            var o = NewObject(submission.Id, channel: channels[random.Next(channels.Length)]);
            o.Tlp = tlps[random.Next(tlps.Length)];
            o.State = states[random.Next(states.Length)];
            o.SubmitterOrganizationId = submitter.Id;
            foreach (var recipient in orgs.Where(_ => random.Next(3) == 0))
            {
                o.Recipients.Add(new ObjectRecipient { OrganizationId = recipient.Id });
            }
            created.Add(o);
        }
        db.Objects.AddRange(created);
        await db.SaveChangesAsync();
        return (orgs, [.. created.Select(o => o.Key)]);
    }

    /// <summary>Every organization as a plain member, some as moderators, a directorate admin, and an outsider with no sector.</summary>
    private static IEnumerable<Reader> Readers(Random random, List<ScenarioOrg> orgs)
    {
        foreach (var org in orgs)
        {
            yield return new Reader(org.Id, org.Sectors);
            yield return new Reader(org.Id, org.Sectors, [.. Sectors.Where(_ => random.Next(2) == 0)]);
        }
        yield return new Reader(orgs[0].Id, orgs[0].Sectors, isDirectorateAdmin: true);
        yield return new Reader(Guid.NewGuid(), []);
    }
}
