using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Storage;

/// <summary>One stored version of a STIX object, with the columns the trust rules and queries need.</summary>
public sealed class StoredObject
{
    /// <summary>Row key.</summary>
    public long Key { get; set; }

    /// <summary>The STIX id (<c>type--uuid</c>).</summary>
    public required string StixId { get; set; }

    /// <summary>The channel name the object was submitted to.</summary>
    public required string Channel { get; set; }

    /// <summary>The TLP level the object is shared under.</summary>
    public Tlp Tlp { get; set; }

    /// <summary>The organization that submitted it.</summary>
    public Guid SubmitterOrganizationId { get; set; }

    /// <summary>Where the submission stands.</summary>
    public SubmissionState State { get; set; }

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
