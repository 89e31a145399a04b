namespace ThreatShare.Core.Trust;

/// <summary>How much the network trusts an organization's submissions; decides moderation routing.</summary>
public enum TrustTier
{
    /// <summary>New: every submission waits for a moderator; may post only to its own sectors' channels.</summary>
    Probation = 0,

    /// <summary>Published at once when the automatic checks find nothing, else waits.</summary>
    Member = 1,

    /// <summary>Published at once; findings are attached for review after the fact.</summary>
    Trusted = 2,
}

/// <summary>Where a submission stands in the moderation pipeline.</summary>
public enum SubmissionState
{
    /// <summary>Waiting for a moderator. Visible to the submitter and the moderators only.</summary>
    Pending = 0,

    /// <summary>Published to its channel.</summary>
    Published = 1,

    /// <summary>Rejected by a moderator. Visible to the submitter and the moderators only.</summary>
    Rejected = 2,

    /// <summary>Sent back to the submitter for changes. Visible to the submitter and the moderators only.</summary>
    ChangesRequested = 3,
}
