using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Storage;

/// <summary>One submission: a bundle posted to a channel under one TLP level, and what became of it.</summary>
public sealed class Submission
{
    /// <summary>Stable id.</summary>
    public Guid Id { get; set; }

    /// <summary>The submitting organization.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>Who submitted: <c>user:&lt;id&gt;</c> or <c>client:&lt;client_id&gt;</c>.</summary>
    public required string SubmittedBy { get; set; }

    /// <summary>Target channel name.</summary>
    public required string Channel { get; set; }

    /// <summary>TLP level of every object in it.</summary>
    public Tlp Tlp { get; set; }

    /// <summary>The submitter asked to publish anonymously.</summary>
    public bool Anonymous { get; set; }

    /// <summary>Where it stands.</summary>
    public SubmissionState State { get; set; }

    /// <summary>When it was received (server time, UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>When it was last decided (published, rejected…), else null.</summary>
    public DateTime? DecidedAt { get; set; }

    /// <summary>Published with findings (a trusted submitter): waits in the moderation queue for review after the fact.</summary>
    public bool NeedsReview { get; set; }

    /// <summary>Findings of the automatic checks, as JSON (an array).</summary>
    public string FindingsJson { get; set; } = "[]";

    /// <summary>The submission whose requested changes this one answers, if any.</summary>
    public Guid? RevisesId { get; set; }

    /// <summary>TLP:RED recipients.</summary>
    public ICollection<SubmissionRecipient> Recipients { get; init; } = [];
}

/// <summary>A TLP:RED recipient organization of a submission.</summary>
public sealed class SubmissionRecipient
{
    /// <summary>The submission.</summary>
    public Guid SubmissionId { get; set; }

    /// <summary>The recipient organization.</summary>
    public Guid OrganizationId { get; set; }
}

/// <summary>The last sequence number given out in a channel; publication takes the next one in its transaction.</summary>
public sealed class ChannelSequence
{
    /// <summary>Channel name, the key.</summary>
    public required string Channel { get; set; }

    /// <summary>Last number given out (0 before the first publication).</summary>
    public long Last { get; set; }
}

/// <summary>Which organization first published a STIX id: only it may publish new versions.</summary>
public sealed class IdOwner
{
    /// <summary>The STIX id, the key.</summary>
    public required string StixId { get; set; }

    /// <summary>The owning organization.</summary>
    public Guid OrganizationId { get; set; }
}
