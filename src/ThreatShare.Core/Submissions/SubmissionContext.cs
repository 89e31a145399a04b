using System.Text.Json;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Stix;

namespace ThreatShare.Core.Submissions;

/// <summary>What the steps learn about one submission as it goes through the pipeline.</summary>
internal sealed class SubmissionContext(SubmissionRequest request, Submitter submitter, ThreatShareDb db, SubmissionOptions options)
{
    public SubmissionRequest Request { get; } = request;

    public Submitter Submitter { get; } = submitter;

    public ThreatShareDb Db { get; } = db;

    public SubmissionOptions Options { get; } = options;

    /// <summary>Server time of the submission.</summary>
    public DateTimeOffset Now { get; init; }

    public Channel Channel { get; set; }

    public Tlp Tlp { get; set; }

    public List<Guid> Recipients { get; } = [];

    /// <summary>The bundle's objects, typed, in bundle order (index = position in <c>objects</c>).</summary>
    public List<StixObject> Objects { get; } = [];

    /// <summary>Indexes of objects not stored (well-known TLP marking definitions repeated by the submitter).</summary>
    public HashSet<int> Skipped { get; } = [];

    /// <summary>Ids of the bundle that already have an owner (found by the ownership step; saves a query per object when storing).</summary>
    public HashSet<string> OwnedIds { get; } = new(StringComparer.Ordinal);

    public List<Finding> Findings { get; } = [];

    public List<SubmissionError> Errors { get; } = [];

    public void Error(string path, string message) => Errors.Add(new SubmissionError(path, message));

    public static string ObjectPath(int index) => $"$.bundle.objects[{index}]";

    public JsonElement BundleObjects => Request.Bundle.GetProperty("objects");
}

/// <summary>One ordered step: it passes, adds findings, or records errors and names the rule.</summary>
internal interface ISubmissionStep
{
    /// <summary>Stable code reported when this step rejects.</summary>
    string RejectionCode { get; }

    ValueTask RunAsync(SubmissionContext context, CancellationToken ct);
}
