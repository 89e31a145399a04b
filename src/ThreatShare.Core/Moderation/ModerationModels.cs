using System.Text.Json.Nodes;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Submissions;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Moderation;

/// <summary>What a moderator may do to a submission (DESIGN.md, pipeline step 4).</summary>
public enum ModerationAction
{
    /// <summary>Publish a pending submission as it is, or close the review of a published one.</summary>
    Approve,

    /// <summary>Refuse a pending submission; the reason goes to the submitter.</summary>
    Reject,

    /// <summary>Send a pending submission back; the submitter's revised submission links to it.</summary>
    RequestChanges,

    /// <summary>Edit free text or drop objects of a pending submission, then publish with <c>modified</c> bumped.</summary>
    Redact,

    /// <summary>Publish a pending submission with the directorate as visible source.</summary>
    PublishAnonymized,

    /// <summary>Publish and re-post the objects to <c>cross-sector</c> or <c>national</c> as new versions.</summary>
    Escalate,

    /// <summary>Publish a new version of each published object with <c>revoked: true</c>.</summary>
    Revoke,
}

/// <summary>Who acts: the caller's view for the visibility decision, and its audit name.</summary>
/// <param name="Reader">The caller as the visibility decision sees it (its moderated sectors decide its scope).</param>
/// <param name="ActedBy"><c>user:&lt;id&gt;</c> or <c>client:&lt;client_id&gt;</c>.</param>
public sealed record ModerationActor(Reader Reader, string ActedBy);

/// <summary>An edit of one object's free-text properties in a redaction.</summary>
/// <param name="Id">The STIX id of an object of the submission.</param>
/// <param name="Properties">Free-text properties to set (a JSON value) or remove (null).</param>
public sealed record ObjectEdit(string Id, IReadOnlyDictionary<string, JsonNode?> Properties);

/// <summary>A moderator's request.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Message">Reason (reject, revoke) or message (request changes) for the submitter.</param>
/// <param name="Channel">Target of an escalation: <c>cross-sector</c> or <c>national</c>.</param>
/// <param name="Edits">Free-text edits of a redaction.</param>
/// <param name="Drop">Ids of objects a redaction leaves out.</param>
public sealed record ModerationRequest(ModerationAction Action, string? Message = null, string? Channel = null,
    IReadOnlyList<ObjectEdit>? Edits = null, IReadOnlyList<string>? Drop = null);

/// <summary>Why an action was refused; the server maps it to a status code.</summary>
public enum ModerationRefusal
{
    /// <summary>No such submission, or one the caller may not see (404, existence never leaked).</summary>
    NotFound,

    /// <summary>The caller sees it but may not act on it: not its moderator, or its own organization's (403).</summary>
    Forbidden,

    /// <summary>The request itself is wrong: a missing reason, an unknown object, a property that is not free text (400).</summary>
    Invalid,

    /// <summary>The submission's state does not allow the action (409).</summary>
    WrongState,
}

/// <summary>The outcome of a moderation action.</summary>
public sealed record ModerationResult
{
    /// <summary>Set when the action was refused; nothing was changed.</summary>
    public ModerationRefusal? Refusal { get; init; }

    /// <summary>Why, located by JSON paths into the request.</summary>
    public IReadOnlyList<SubmissionError> Errors { get; init; } = [];

    /// <summary>The recorded decision (accepted only).</summary>
    public ModerationDecision? Decision { get; init; }

    /// <summary>The submission's state afterwards.</summary>
    public SubmissionState State { get; init; }

    /// <summary>New object versions the action published (redaction, escalation, revocation): STIX id and version.</summary>
    public IReadOnlyList<(string Id, string Modified)> NewVersions { get; init; } = [];

    /// <summary>The alerts the action wrote, to dispatch.</summary>
    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    internal static ModerationResult Refused(ModerationRefusal refusal, string path, string message) =>
        new() { Refusal = refusal, Errors = [new SubmissionError(path, message)] };
}
