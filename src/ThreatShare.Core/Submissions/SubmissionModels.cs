using System.Text.Json;
using ThreatShare.Core.Trust;

using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Submissions;

/// <summary>What a submitter sends: <c>submit(bundle, channel, tlp, recipients?, anonymous?)</c>.</summary>
/// <param name="Channel">Target channel name (<c>sector:finance</c>, <c>cross-sector</c>, <c>national</c>).</param>
/// <param name="Tlp">TLP wire name (<c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber+strict</c>, <c>red</c>).</param>
/// <param name="Recipients">TLP:RED recipients by organization slug or id.</param>
/// <param name="Anonymous">Publish with the directorate as visible source.</param>
/// <param name="Bundle">The STIX bundle, as received.</param>
public sealed record SubmissionRequest(string? Channel, string? Tlp, IReadOnlyList<string>? Recipients, bool Anonymous, JsonElement Bundle)
{
    /// <summary>The submission of the same organization whose requested changes this one answers.</summary>
    public Guid? Revises { get; init; }
}

/// <summary>Who submits: the write rules' view and the visibility decision's view of the same caller.</summary>
/// <param name="Poster">For the write rules.</param>
/// <param name="Reader">For resolving references to stored objects the submitter can see.</param>
/// <param name="SubmittedBy">Audit name: <c>user:&lt;id&gt;</c> or <c>client:&lt;client_id&gt;</c>.</param>
/// <param name="IdentityId">The organization's STIX identity id (the only allowed <c>created_by_ref</c>).</param>
public sealed record Submitter(Poster Poster, Reader Reader, string SubmittedBy, string IdentityId);

/// <summary>One problem with a submission, located by a JSON path into the request (<c>$.bundle.objects[2].pattern</c>).</summary>
/// <param name="Path">Where.</param>
/// <param name="Message">What is wrong.</param>
public sealed record SubmissionError(string Path, string Message);

/// <summary>Something the automatic checks noticed; routed, never a rejection.</summary>
/// <param name="Kind">Stable kind: <c>warning-list</c>, <c>personal-data</c> or <c>consistency</c>.</param>
/// <param name="Path">Where.</param>
/// <param name="Message">What was noticed.</param>
public sealed record Finding(string Kind, string Path, string Message);

/// <summary>The outcome: accepted (published or pending) with the stored ids, or rejected with every error found.</summary>
public sealed record SubmissionResult
{
    /// <summary>The stored submission's id (accepted only).</summary>
    public Guid? Id { get; init; }

    /// <summary><c>published</c> or <c>pending</c> (accepted only).</summary>
    public SubmissionState? State { get; init; }

    /// <summary>The channel.</summary>
    public string? Channel { get; init; }

    /// <summary>STIX ids of the stored objects, in bundle order.</summary>
    public IReadOnlyList<string> Objects { get; init; } = [];

    /// <summary>Findings of the automatic checks.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Published with findings that a moderator reviews after the fact (trusted submitters).</summary>
    public bool NeedsReview => State == SubmissionState.Published && Findings.Count > 0;

    /// <summary>Stable code of the first rule that refused it (rejected only).</summary>
    public string? RejectionCode { get; init; }

    /// <summary>Every problem found (rejected only).</summary>
    public IReadOnlyList<SubmissionError> Errors { get; init; } = [];

    /// <summary>The alerts its storing wrote, to dispatch (accepted only).</summary>
    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>True when nothing was stored.</summary>
    public bool IsRejected => RejectionCode is not null;
}

/// <summary>Limits of one submission (section <c>Submissions</c>).</summary>
public sealed class SubmissionOptions
{
    /// <summary>Largest request body in bytes (default 10 MB).</summary>
    public int MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most objects in one bundle (default 10,000).</summary>
    public int MaxObjects { get; set; } = 10_000;
}
