using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Identity;

namespace ThreatShare.Server.Features.Taxii;

/// <summary>
/// The status resource of a TAXII post, derived from the submission it became (the status id is the
/// submission id; no table of its own): every object version the submission holds in its channel is a
/// success once published, pending while it waits for a moderator, a failure when a moderator rejected
/// it, sent it back for changes, or published a redacted version instead. Only the submitting
/// organization and the channel's moderators see it; anyone else gets 404.
/// </summary>
internal static class TaxiiStatusBuilder
{
    public static async Task<TaxiiStatus?> BuildAsync(ThreatShareDb db, Guid id, Caller caller, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null || !caller.Reader.CanSeeSubmission(submission.OrganizationId, submission.Channel))
        {
            return null;
        }
        var rows = await db.Objects.AsNoTracking().VisibleTo(caller.Reader).Where(o => o.SubmissionId == id && o.Channel == submission.Channel)
            .OrderBy(o => o.Key).Select(o => new { o.StixId, o.State, o.Json, o.AddedAt }).ToListAsync(ct);
        string? reason = await db.ModerationDecisions.AsNoTracking().Where(d => d.SubmissionId == id)
            .OrderByDescending(d => d.At).Select(d => d.Message).FirstOrDefaultAsync(ct);

        var successes = new List<TaxiiStatusDetail>();
        var failures = new List<TaxiiStatusDetail>();
        var pendings = new List<TaxiiStatusDetail>();
        foreach (var row in rows)
        {
            string version = TaxiiTime.VersionOf(row.Json, row.AddedAt);
            switch (row.State)
            {
                case SubmissionState.Published:
                    successes.Add(new(row.StixId, version, null));
                    break;
                case SubmissionState.Pending:
                    pendings.Add(new(row.StixId, version, "waiting for a moderator"));
                    break;
                case SubmissionState.ChangesRequested:
                    failures.Add(new(row.StixId, version, "a moderator asked for changes" + Reason(reason)));
                    break;
                default:
                    failures.Add(new(row.StixId, version, submission.State == SubmissionState.Published
                        ? "not published as sent: a moderator redacted or dropped it"
                        : "rejected by a moderator" + Reason(reason)));
                    break;
            }
        }
        return new TaxiiStatus(
            submission.Id.ToString(),
            pendings.Count > 0 ? "pending" : "complete",
            TaxiiTime.DateAdded(submission.ReceivedAt),
            rows.Count,
            successes.Count,
            successes,
            failures.Count,
            failures,
            pendings.Count,
            pendings);
    }

    private static string Reason(string? message) => string.IsNullOrWhiteSpace(message) ? "" : ": " + message;
}
