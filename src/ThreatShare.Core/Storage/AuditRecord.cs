namespace ThreatShare.Core.Storage;

/// <summary>
/// One record of the append-only audit log: who did what to which target, with what outcome, from
/// where and when, chained to the record before it by <see cref="Hash"/>. Records are never updated
/// or deleted by the product; the chain makes any later change, removal or reordering visible.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>Position in the chain: 1, 2, 3… with no gap.</summary>
    public long Sequence { get; set; }

    /// <summary>When (UTC, whole microseconds so that every store keeps it exactly).</summary>
    public DateTime At { get; set; }

    /// <summary>Who: <c>user:&lt;id&gt;</c>, <c>client:&lt;client_id&gt;</c>, a user name given at sign-in, or <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>The actor's organization (slug), when known.</summary>
    public string? Organization { get; set; }

    /// <summary>What (<see cref="Audit.AuditActions"/>).</summary>
    public required string Action { get; set; }

    /// <summary>On what: a submission id, an object id, an organization slug, a list name…</summary>
    public string? Target { get; set; }

    /// <summary><c>success</c>, <c>failure</c> or <c>denied</c>.</summary>
    public required string Outcome { get; set; }

    /// <summary>The client's network address, when the action came over the network.</summary>
    public string? Source { get; set; }

    /// <summary>Details as JSON text, kept byte for byte (never <c>jsonb</c>: the hash covers the text).</summary>
    public string? Details { get; set; }

    /// <summary>SHA-256 (hex) over the previous record's hash and this record's canonical form.</summary>
    public required string Hash { get; set; }
}

/// <summary>
/// A checkpoint of the audit chain, taken every <see cref="Audit.AuditLog.CheckpointEvery"/> records:
/// the chain must reach it with the same hash, so a truncated tail is found even when the last
/// records and the sequence counter were removed together.
/// </summary>
public sealed class AuditCheckpoint
{
    /// <summary>The record the checkpoint names.</summary>
    public long Sequence { get; set; }

    /// <summary>That record's hash.</summary>
    public required string Hash { get; set; }

    /// <summary>When it was taken (UTC).</summary>
    public DateTime At { get; set; }
}
