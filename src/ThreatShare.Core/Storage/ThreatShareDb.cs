using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ThreatShare.Core.Storage;

/// <summary>
/// The one EF Core model: organizations, sectors, users (ASP.NET Core Identity), OpenIddict's
/// applications and tokens, submissions and stored objects. Each provider has its own subclass so
/// that it keeps its own migrations (<see cref="SqliteThreatShareDb"/>, <see cref="PostgresThreatShareDb"/>).
/// </summary>
public abstract class ThreatShareDb : IdentityDbContext<UserAccount, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    /// <summary>Creates the context.</summary>
    protected ThreatShareDb(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Member organizations.</summary>
    public DbSet<Organization> Organizations => Set<Organization>();

    /// <summary>Sector communities.</summary>
    public DbSet<Sector> Sectors => Set<Sector>();

    /// <summary>Sector memberships.</summary>
    public DbSet<OrganizationSector> OrganizationSectors => Set<OrganizationSector>();

    /// <summary>Moderator scopes.</summary>
    public DbSet<ModeratorSector> ModeratorSectors => Set<ModeratorSector>();

    /// <summary>API clients and their organizations.</summary>
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    /// <summary>Submissions.</summary>
    public DbSet<Submission> Submissions => Set<Submission>();

    /// <summary>Stored STIX object versions.</summary>
    public DbSet<StoredObject> Objects => Set<StoredObject>();

    /// <summary>Per-channel sequence counters.</summary>
    public DbSet<ChannelSequence> ChannelSequences => Set<ChannelSequence>();

    /// <summary>Owners of STIX ids.</summary>
    public DbSet<IdOwner> IdOwners => Set<IdOwner>();

    /// <summary>Keys of the OpenID Connect server.</summary>
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    /// <summary>Warning lists the directorate administers.</summary>
    public DbSet<WarningList> WarningLists => Set<WarningList>();

    /// <summary>Entries of the warning lists.</summary>
    public DbSet<WarningListEntry> WarningListEntries => Set<WarningListEntry>();

    /// <summary>The alert outbox: every alert of every stream.</summary>
    public DbSet<Alert> Alerts => Set<Alert>();

    /// <summary>Sightings of indicators.</summary>
    public DbSet<StoredSighting> Sightings => Set<StoredSighting>();

    /// <summary>Moderator actions on submissions.</summary>
    public DbSet<ModerationDecision> ModerationDecisions => Set<ModerationDecision>();

    /// <summary>The append-only audit log.</summary>
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    /// <summary>Checkpoints of the audit chain.</summary>
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    /// <summary>ASP.NET Core data-protection keys (sign-in cookies, antiforgery), shared by every node of the store.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The lookup index: values named by stored object versions.</summary>
    public DbSet<Lookup.ObservableEntry> ObservableEntries => Set<Lookup.ObservableEntry>();

    /// <summary>CIDR prefix lengths that occur in the lookup index.</summary>
    public DbSet<Lookup.RangeLength> RangeLengths => Set<Lookup.RangeLength>();

    /// <summary>The directorate's STIX identity: the source every reader but the submitter and the directorate sees on an anonymized publication.</summary>
    public Task<string> DirectorateIdentityAsync(CancellationToken ct) =>
        Organizations.AsNoTracking().Where(o => o.IsDirectorate).Select(o => o.IdentityId).FirstAsync(ct);

    /// <summary>True when the provider stores JSON as <c>jsonb</c>.</summary>
    protected virtual bool UsesJsonb => false;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        builder.Entity<Organization>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasIndex(o => o.Slug).IsUnique();
            e.HasIndex(o => o.IdentityId).IsUnique();
            e.Property(o => o.Slug).HasMaxLength(63);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.IdentityId).HasMaxLength(100);
            e.HasMany(o => o.Sectors).WithOne().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Sector>(e =>
        {
            e.HasKey(s => s.Slug);
            e.Property(s => s.Slug).HasMaxLength(63);
            e.Property(s => s.Name).HasMaxLength(200);
        });
        builder.Entity<OrganizationSector>(e =>
        {
            e.HasKey(m => new { m.OrganizationId, m.SectorSlug });
            e.HasOne<Sector>().WithMany().HasForeignKey(m => m.SectorSlug).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ModeratorSector>(e =>
        {
            e.HasKey(m => new { m.UserId, m.SectorSlug });
            e.HasOne<UserAccount>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Sector>().WithMany().HasForeignKey(m => m.SectorSlug).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<UserAccount>(e =>
        {
            e.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ApiClient>(e =>
        {
            e.HasKey(c => c.ClientId);
            e.Property(c => c.ClientId).HasMaxLength(100);
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Submission>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.OrganizationId, s.ReceivedAt });
            e.HasIndex(s => new { s.State, s.Channel });
            e.Property(s => s.Channel).HasMaxLength(80);
            e.HasMany(s => s.Recipients).WithOne().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SubmissionRecipient>(e => e.HasKey(r => new { r.SubmissionId, r.OrganizationId }));
        builder.Entity<WarningList>(e =>
        {
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(40);
            e.Property(l => l.UpdatedBy).HasMaxLength(140);
            e.HasMany(l => l.Entries).WithOne().HasForeignKey(x => x.List).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<WarningListEntry>(e =>
        {
            e.HasKey(x => x.Key);
            e.Property(x => x.Value).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(200);
            e.HasIndex(x => new { x.List, x.Value }).IsUnique();
        });
        builder.Entity<AuditRecord>(e =>
        {
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).ValueGeneratedNever();
            e.Property(r => r.Actor).HasMaxLength(300);
            e.Property(r => r.Organization).HasMaxLength(63);
            e.Property(r => r.Action).HasMaxLength(80);
            e.Property(r => r.Target).HasMaxLength(400);
            e.Property(r => r.Outcome).HasMaxLength(20);
            e.Property(r => r.Source).HasMaxLength(64);
            e.Property(r => r.Hash).HasMaxLength(64);
            e.HasIndex(r => r.At);
            e.HasIndex(r => new { r.Action, r.Sequence });
            e.HasIndex(r => new { r.Actor, r.Sequence });
            e.HasIndex(r => new { r.Organization, r.Sequence });
            e.HasIndex(r => new { r.Target, r.Sequence });
        });
        builder.Entity<AuditCheckpoint>(e =>
        {
            e.HasKey(c => c.Sequence);
            e.Property(c => c.Sequence).ValueGeneratedNever();
            e.Property(c => c.Hash).HasMaxLength(64);
        });
        builder.Entity<Alert>(e =>
        {
            e.HasKey(a => new { a.Stream, a.Sequence });
            e.Property(a => a.Stream).HasMaxLength(120);
            e.Property(a => a.Kind).HasMaxLength(40);
            e.Property(a => a.Channel).HasMaxLength(80);
            e.Property(a => a.ObjectId).HasMaxLength(300);
            e.Property(a => a.ObjectVersion).HasMaxLength(40);
            e.Property(a => a.Type).HasMaxLength(250);
            e.Ignore(a => a.Json);
            // The sweep looks only at alerts not yet pushed: a small partial index.
            e.HasIndex(a => a.At).HasFilter(UsesJsonb ? "NOT \"Dispatched\"" : "\"Dispatched\" = 0").HasDatabaseName("IX_Alerts_Undispatched");
        });
        builder.Entity<StoredSighting>(e =>
        {
            e.HasKey(x => x.Key);
            e.Property(x => x.StixId).HasMaxLength(300);
            e.Property(x => x.IndicatorId).HasMaxLength(300);
            e.HasIndex(x => x.StixId).IsUnique();
            e.HasIndex(x => new { x.IndicatorId, x.OrganizationId });
            if (UsesJsonb)
            {
                e.Property(x => x.Json).HasColumnType("jsonb");
            }
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ModerationDecision>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.Action).HasMaxLength(40);
            e.Property(d => d.DecidedBy).HasMaxLength(140);
            e.HasIndex(d => new { d.SubmissionId, d.At });
            e.HasOne<Submission>().WithMany().HasForeignKey(d => d.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<StoredObject>(e =>
        {
            e.ToTable("Objects");
            e.HasKey(o => o.Key);
            e.Property(o => o.StixId).HasMaxLength(300);
            e.Property(o => o.Type).HasMaxLength(250);
            e.Property(o => o.Version).HasMaxLength(40);
            e.Property(o => o.Channel).HasMaxLength(80);
            var byVersion = e.HasIndex(o => new { o.StixId, o.Version }).IsUnique();
            if (UsesJsonb)
            {
                // Lookup's join, newest-version and revocation checks read the visibility columns from the
                // index alone on PostgreSQL: the rows are wide (the JSON), and a bulk lookup visits thousands.
                byVersion.IncludeProperties(o => new { o.Key, o.State, o.Tlp, o.Channel, o.SubmitterOrganizationId, o.Revoked, o.Type });
            }
            e.HasIndex(o => new { o.Channel, o.Sequence }).IsUnique();
            e.HasIndex(o => o.Type);
            e.HasIndex(o => o.SubmitterOrganizationId);
            e.HasIndex(o => o.SubmissionId);
            e.HasIndex(o => new { o.State, o.Tlp });
            if (UsesJsonb)
            {
                e.Property(o => o.Json).HasColumnType("jsonb");
            }
            e.HasMany(o => o.Recipients).WithOne().HasForeignKey(r => r.ObjectKey).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Submission>().WithMany().HasForeignKey(o => o.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Lookup.ObservableEntry>(e =>
        {
            e.ToTable("ObservableEntries");
            e.HasKey(x => x.Key);
            e.Property(x => x.StixId).HasMaxLength(300);
            e.Property(x => x.Version).HasMaxLength(40);
            e.Property(x => x.Term).HasMaxLength(Lookup.Observables.MaxValueLength + 10);
            // Lookup probes by plain equality on the term; the object's rows are found by (StixId, Version).
            var byTerm = e.HasIndex(x => x.Term);
            e.HasIndex(x => new { x.StixId, x.Version });
            if (UsesJsonb)
            {
                // PostgreSQL answers a probe from the index alone (no heap visit for a hit's columns).
                byTerm.IncludeProperties(x => new { x.StixId, x.Version, x.ValidFrom, x.ValidUntil });
            }
        });
        builder.Entity<Lookup.RangeLength>(e =>
        {
            e.HasKey(x => new { x.Family, x.Length });
            e.Property(x => x.Family).HasMaxLength(8);
        });
        builder.Entity<ObjectRecipient>(e =>
        {
            e.HasKey(r => new { r.ObjectKey, r.OrganizationId });
            e.HasIndex(r => r.OrganizationId);
        });
        builder.Entity<ChannelSequence>(e =>
        {
            e.HasKey(c => c.Channel);
            // Channel names, and alert streams' keys ("alerts/<stream>").
            e.Property(c => c.Channel).HasMaxLength(140);
        });
        builder.Entity<SigningKey>(e =>
        {
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).HasMaxLength(64);
            e.Property(k => k.Use).HasMaxLength(8);
            e.HasIndex(k => new { k.Use, k.CreatedAt });
        });
        builder.Entity<IdOwner>(e =>
        {
            e.HasKey(o => o.StixId);
            e.Property(o => o.StixId).HasMaxLength(300);
        });
    }
}

/// <summary>The model on SQLite, the embedded default.</summary>
public sealed class SqliteThreatShareDb(DbContextOptions<SqliteThreatShareDb> options) : ThreatShareDb(options);

/// <summary>The model on PostgreSQL, the production store (JSON as <c>jsonb</c>).</summary>
public sealed class PostgresThreatShareDb(DbContextOptions<PostgresThreatShareDb> options) : ThreatShareDb(options)
{
    /// <inheritdoc />
    protected override bool UsesJsonb => true;
}
