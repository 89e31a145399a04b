using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Audit;

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    /// <summary>A person signed in, or failed to (password or authenticator code).</summary>
    public const string SignIn = "sign-in";

    /// <summary>A token was issued to a client or a person, or refused.</summary>
    public const string Token = "token";

    /// <summary>A submission was received (and where it went), or refused.</summary>
    public const string Submission = "submission";

    /// <summary>A moderator acted on a submission (<c>moderation.approve</c>, …).</summary>
    public const string ModerationPrefix = "moderation.";

    /// <summary>A sighting was reported.</summary>
    public const string Sighting = "sighting";

    /// <summary>A warning list was replaced.</summary>
    public const string WarningListEdit = "warning-list.edit";

    /// <summary>Administration changes (<c>admin.organization.create</c>, …).</summary>
    public const string AdminPrefix = "admin.";

    /// <summary>TLP:RED objects were read.</summary>
    public const string ReadRed = "read.red";

    /// <summary>TLP:RED alerts pushed live to the connections of their stream (an organization's stream).</summary>
    public const string PushRed = "push.red";

    /// <summary>Published object versions were deleted by their organization (TAXII <c>DELETE</c>).</summary>
    public const string ObjectDelete = "object.delete";

    /// <summary>A bulk export was sent (format, filters, counts), or refused.</summary>
    public const string Export = "export";

    /// <summary>The audit log was read or verified.</summary>
    public const string AuditRead = "audit.read";
}

/// <summary>Outcomes of audited actions.</summary>
public static class AuditOutcome
{
    /// <summary>The action was carried out.</summary>
    public const string Success = "success";

    /// <summary>The action failed (bad credentials, invalid input).</summary>
    public const string Failure = "failure";

    /// <summary>The action was refused by the rules (scope, role, write rules).</summary>
    public const string Denied = "denied";
}

/// <summary>
/// Who is acting in the current scope (request), for the audit log: filled by the server from the
/// connection and the authenticated caller; <c>system</c> when nothing filled it.
/// </summary>
public sealed class AuditActor
{
    /// <summary><c>user:&lt;id&gt;</c>, <c>client:&lt;client_id&gt;</c>, a user name at sign-in, or <c>system</c>.</summary>
    public string Actor { get; set; } = "system";

    /// <summary>The actor's organization (slug).</summary>
    public string? Organization { get; set; }

    /// <summary>The network address the request came from.</summary>
    public string? Source { get; set; }

    /// <summary>Sets <see cref="Source"/> from the peer's address; an IPv4 address mapped into IPv6 is shown as IPv4.</summary>
    public void SetSource(System.Net.IPAddress? address) =>
        Source = address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}

/// <summary>
/// Appends to the tamper-evident audit log. Each record's hash covers the previous record's hash
/// and the record's canonical form (<see cref="AuditChain"/>).
/// </summary>
/// <remarks>
/// The position in the chain is taken from <see cref="Sequencer"/> inside the transaction: the
/// counter row stays locked until commit, so appenders on every node line up one after the other,
/// each reading the committed hash of the record before it; a rolled-back action gives its position
/// back and leaves no record. An append inside the caller's open transaction commits (or not) with
/// the action it records. Without one, the append opens its own, and saves the caller's pending
/// changes together with the record: the change and its record are one.
/// </remarks>
public sealed class AuditLog(ThreatShareDb db, TimeProvider time, AuditActor actor)
{
    /// <summary>A checkpoint is kept every this many records.</summary>
    public const int CheckpointEvery = 100;

    /// <summary>The sequencer key of the chain (beside channel and alert stream keys).</summary>
    public const string SequencerKey = "audit";

    /// <summary>Appends a record for the current actor.</summary>
    public Task AppendAsync(string action, string? target, string outcome, object? details, CancellationToken ct) =>
        AppendAsync(actor.Actor, actor.Organization, action, target, outcome, details, ct);

    /// <summary>Appends a record for a named actor (a sign-in before anyone is authenticated, the system).</summary>
    public async Task AppendAsync(string who, string? organization, string action, string? target, string outcome, object? details, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(who);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(outcome);
        var record = new AuditRecord
        {
            // Fields can come from the outside (a user name typed at sign-in): clipped, never refused, so the record is always written.
            Actor = Clip(who, 300)!,
            Organization = Clip(organization, 63),
            Action = action,
            Target = Clip(target, 400),
            Outcome = outcome,
            Source = Clip(actor.Source, 64),
            Details = details switch { null => null, string text => text, _ => JsonSerializer.Serialize(details) },
            At = AuditChain.Truncate(time.GetUtcNow().UtcDateTime),
            Hash = "",
        };
        if (db.Database.CurrentTransaction is not null)
        {
            await AppendInTransactionAsync(record, ct);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AppendInTransactionAsync(record, ct);
        await tx.CommitAsync(ct);
    }

    private static string? Clip(string? text, int max) => text?.Length > max ? text[..max] : text;

    private async Task AppendInTransactionAsync(AuditRecord record, CancellationToken ct)
    {
        record.Sequence = await Sequencer.ReserveKeyAsync(db, SequencerKey, 1, ct);
        string previous = record.Sequence == 1
            ? AuditChain.Genesis
            : await db.AuditRecords.Where(r => r.Sequence == record.Sequence - 1).Select(r => r.Hash).SingleOrDefaultAsync(ct)
              ?? throw new InvalidOperationException($"audit record {record.Sequence - 1} is missing: the chain cannot be extended (run the audit verification)");
        record.Hash = AuditChain.Hash(previous, record);
        db.AuditRecords.Add(record);
        if (record.Sequence % CheckpointEvery == 0)
        {
            db.AuditCheckpoints.Add(new AuditCheckpoint { Sequence = record.Sequence, Hash = record.Hash, At = record.At });
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The hash chain: canonical form of a record and its hash.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>A time as the log keeps it: UTC, whole microseconds (PostgreSQL's precision).</summary>
    public static DateTime Truncate(DateTime at) => new(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);

    /// <summary>SHA-256 (lower-case hex) of the previous hash followed by the record's canonical form.</summary>
    public static string Hash(string previous, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(previous);
        byte[] canonical = Canonical(record);
        byte[] input = new byte[previous.Length + canonical.Length];
        Encoding.ASCII.GetBytes(previous, input);
        canonical.CopyTo(input, previous.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>
    /// The canonical form: a JSON array of every field but the hash, in a fixed order, the time as
    /// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, absent fields as null.
    /// </summary>
    public static byte[] Canonical(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(record.Sequence);
            json.WriteStringValue(DateTime.SpecifyKind(record.At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            foreach (string? field in (string?[])[record.Actor, record.Organization, record.Action, record.Target, record.Outcome, record.Source, record.Details])
            {
                if (field is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(field);
                }
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }
}
