using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Storage;

/// <summary>
/// One stored version of a STIX object, kept whole as JSON, with the columns the trust rules and
/// queries need. The trust columns (channel, TLP, submitter, state, recipients) are copied from its
/// submission so the visibility decision filters in one table.
/// </summary>
public sealed class StoredObject
{
    /// <summary>Row key.</summary>
    public long Key { get; set; }

    /// <summary>The STIX id (<c>type--uuid</c>).</summary>
    public required string StixId { get; set; }

    /// <summary>The STIX type.</summary>
    public string Type { get; set; } = "";

    /// <summary><c>modified</c> (or <c>created</c>, or the time added for objects without either) as sortable text, see <see cref="StixTime"/>.</summary>
    public string Version { get; set; } = "";

    /// <summary>The submission it came with.</summary>
    public Guid SubmissionId { get; set; }

    /// <summary>The channel name the object was submitted to.</summary>
    public required string Channel { get; set; }

    /// <summary>The TLP level the object is shared under.</summary>
    public Tlp Tlp { get; set; }

    /// <summary>The organization that submitted it.</summary>
    public Guid SubmitterOrganizationId { get; set; }

    /// <summary>Where the submission stands.</summary>
    public SubmissionState State { get; set; }

    /// <summary>Published anonymously: readers other than the submitter and the directorate see the directorate as source.</summary>
    public bool Anonymous { get; set; }

    /// <summary>The object carries <c>revoked: true</c>.</summary>
    public bool Revoked { get; set; }

    /// <summary>Per-channel sequence number, given at publication; null while not published.</summary>
    public long? Sequence { get; set; }

    /// <summary>When the server stored it (UTC).</summary>
    public DateTime AddedAt { get; set; }

    /// <summary>The object, whole, as JSON.</summary>
    public string Json { get; set; } = "";

    /// <summary>Recipient organizations of a TLP:RED object.</summary>
    public ICollection<ObjectRecipient> Recipients { get; init; } = [];
}

/// <summary>A recipient organization of a TLP:RED object.</summary>
public sealed class ObjectRecipient
{
    /// <summary>The object row.</summary>
    public long ObjectKey { get; set; }

    /// <summary>The recipient organization.</summary>
    public Guid OrganizationId { get; set; }
}
