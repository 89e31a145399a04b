using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Storage;

/// <summary>
/// One alert of a stream, written in the transaction of what it announces (the outbox) with the
/// stream's next sequence number, then dispatched. Every alert of a stream is visible to every
/// subscriber of that stream; replay (<c>Resume</c>, <c>GET /api/v1/alerts</c>) reads these rows.
/// </summary>
public sealed class Alert
{
    /// <summary>The stream (<c>channel:sector:finance</c>, <c>org:bank-a</c>, <c>moderation:finance</c>, <c>national</c>).</summary>
    public required string Stream { get; set; }

    /// <summary>Gapless position in the stream, from 1.</summary>
    public long Sequence { get; set; }

    /// <summary><c>published</c>, <c>revoked</c>, <c>sighting</c>, <c>moderation-decision</c>, <c>pending</c> or <c>national</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The channel of what it announces.</summary>
    public required string Channel { get; set; }

    /// <summary>STIX id of the object (or sighting) it carries; null for a moderation decision.</summary>
    public string? ObjectId { get; set; }

    /// <summary>The stored version of the object (<see cref="StoredObject.Version"/>); with <see cref="ObjectId"/> it finds the row.</summary>
    public string? ObjectVersion { get; set; }

    /// <summary>STIX type of the object.</summary>
    public string? Type { get; set; }

    /// <summary>TLP level of the object.</summary>
    public Tlp? Tlp { get; set; }

    /// <summary>The moderation decision it announces.</summary>
    public Guid? DecisionId { get; set; }

    /// <summary>Show the directorate as source (anonymized publication, unnamed sighting) to this stream's subscribers.</summary>
    public bool HideSource { get; set; }

    /// <summary>Server time of the publication (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>
    /// Pushed to the stream's live subscribers. Set after the push; an alert left unpushed (its node
    /// stopped after the commit, or a push failed) is pushed by any node's sweep.
    /// </summary>
    public bool Dispatched { get; set; }

    /// <summary>The STIX object as stored, when the writer had it at hand (not stored: dispatch saves a read).</summary>
    public string? Json { get; set; }
}
