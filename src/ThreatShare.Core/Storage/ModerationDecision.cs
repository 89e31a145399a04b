namespace ThreatShare.Core.Storage;

/// <summary>
/// One moderator action on a submission, kept with it: the submitter reads why, the live channels
/// turn it into a <c>moderation-decision</c> alert, and the history of a submission is complete.
/// </summary>
public sealed class ModerationDecision
{
    /// <summary>Stable id.</summary>
    public Guid Id { get; set; }

    /// <summary>The submission acted on.</summary>
    public Guid SubmissionId { get; set; }

    /// <summary>The action, as the REST API names it (<c>approve</c>, <c>reject</c>, …).</summary>
    public required string Action { get; set; }

    /// <summary>Who acted: <c>user:&lt;id&gt;</c> or <c>client:&lt;client_id&gt;</c>.</summary>
    public required string DecidedBy { get; set; }

    /// <summary>The organization of whoever acted.</summary>
    public Guid DeciderOrganizationId { get; set; }

    /// <summary>When (server time, UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>The reason or message for the submitter, if the action takes one.</summary>
    public string? Message { get; set; }

    /// <summary>What the action changed, as JSON: redacted properties, dropped objects, new versions, target channel.</summary>
    public string DetailsJson { get; set; } = "{}";
}
