using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Alerts;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Lookup;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Stix;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Core.Submissions;

/// <summary>
/// The one submission pipeline behind the web page, REST, TAXII and the CLI (DESIGN.md,
/// "Submission and moderation pipeline"). Hard checks run in the order of <see cref="Steps"/>;
/// the first step that finds errors rejects the submission with all of its errors and nothing is
/// stored. An accepted submission is stored whole, in one transaction, with its objects' per-channel
/// sequence numbers when it is published at once.
/// </summary>
public sealed class SubmissionPipeline
{
    private readonly ThreatShareDb _db;
    private readonly TimeProvider _time;
    private readonly SubmissionOptions _options;
    private readonly AuditLog _audit;

    /// <summary>Creates the pipeline over a store.</summary>
    public SubmissionPipeline(ThreatShareDb db, TimeProvider time, SubmissionOptions options, StixValidator validator, AuditLog audit)
    {
        _db = db;
        _audit = audit;
        _time = time;
        _options = options;
        // The whole order, in one place.
        Steps =
        [
            new RequestFieldsStep(),
            new WriteRulesStep(),
            new StixValidityStep(validator),
            new TlpMarkingStep(),
            new AttributionStep(),
            new ReferencesStep(),
            new OwnershipAndVersionStep(),
            new FindingsStep(),
        ];
    }

    internal IReadOnlyList<ISubmissionStep> Steps { get; }

    /// <summary>Runs the checks and, when they pass, stores the submission.</summary>
    public async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, Submitter submitter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(submitter);
        var context = new SubmissionContext(request, submitter, _db, _options) { Now = _time.GetUtcNow() };
        foreach (var step in Steps)
        {
            await step.RunAsync(context, ct);
            if (context.Errors.Count > 0)
            {
                // A refused submission stores nothing, but that it was tried is recorded.
                await _audit.AppendAsync(AuditActions.Submission, null, step is WriteRulesStep ? AuditOutcome.Denied : AuditOutcome.Failure,
                    new { channel = request.Channel, tlp = request.Tlp, rejection = step.RejectionCode, errors = context.Errors.Count, first = context.Errors[0].Path }, ct);
                return new SubmissionResult { RejectionCode = step.RejectionCode, Errors = [.. context.Errors], Channel = request.Channel };
            }
        }
        // Routing (DESIGN.md): probation always waits for a moderator; a member publishes at once when
        // nothing was found, else waits; trusted publishes at once, and findings are reviewed after the fact.
        var state = submitter.Poster.Tier switch
        {
            TrustTier.Trusted => SubmissionState.Published,
            TrustTier.Member when context.Findings.Count == 0 => SubmissionState.Published,
            _ => SubmissionState.Pending,
        };
        try
        {
            return await StoreAsync(context, state, ct);
        }
        catch (Exception e) when (e is DbUpdateException || e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent submission took the same id or version first; nothing of this one is stored.
            _db.ChangeTracker.Clear();
            await _audit.AppendAsync(AuditActions.Submission, null, AuditOutcome.Failure, new { channel = request.Channel, rejection = "version-conflict" }, ct);
            return new SubmissionResult
            {
                RejectionCode = "version-conflict",
                Channel = request.Channel,
                Errors = [new SubmissionError("$.bundle.objects", "another submission stored one of these object versions at the same time; submit again")],
            };
        }
    }

    private async Task<SubmissionResult> StoreAsync(SubmissionContext c, SubmissionState state, CancellationToken ct)
    {
        var now = c.Now.UtcDateTime;
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            OrganizationId = c.Submitter.Poster.OrganizationId,
            SubmittedBy = c.Submitter.SubmittedBy,
            Channel = c.Channel.Name,
            Tlp = c.Tlp,
            Anonymous = c.Request.Anonymous,
            RevisesId = c.Request.Revises,
            State = state,
            NeedsReview = state == SubmissionState.Published && c.Findings.Count > 0,
            ReceivedAt = now,
            DecidedAt = state == SubmissionState.Published ? now : null,
            FindingsJson = JsonSerializer.Serialize(c.Findings.Select(f => new { kind = f.Kind, path = f.Path, message = f.Message })),
        };
        foreach (var r in c.Recipients)
        {
            submission.Recipients.Add(new SubmissionRecipient { SubmissionId = submission.Id, OrganizationId = r });
        }

        var stored = Enumerable.Range(0, c.Objects.Count).Where(i => !c.Skipped.Contains(i)).Select(i => c.Objects[i]).ToList();
        await using var tx = await _db.Database.BeginTransactionAsync(ct);
        _db.Submissions.Add(submission);
        long sequence = state == SubmissionState.Published ? await Sequencer.ReserveAsync(_db, c.Channel.Name, stored.Count, ct) : 0;
        // Published rows get times that increase with their sequence numbers (TAXII's added_after relies on it).
        var added = state == SubmissionState.Published ? await AddedTimes.FirstAsync(_db, c.Channel.Name, sequence, now, ct) : now;
        int position = 0;
        var newOwners = new List<IdOwner>();
        var owned = new HashSet<string>(c.OwnedIds, StringComparer.Ordinal);
        var rows = new List<StoredObject>(stored.Count);
        // Every row is indexed for lookup whatever its state: lookup asks the visibility decision, so approval needs no re-indexing.
        var index = new LookupIndex(_db);
        foreach (var obj in stored)
        {
            bool observable = obj is StixCyberObservable;
            var row = new StoredObject
            {
                StixId = obj.Id.Value,
                Type = obj.Type,
                // Observables are not versioned; each submission keeps its own copy.
                Version = observable ? "sco:" + submission.Id.ToString("N") : StoredVersion.Of(obj),
                SubmissionId = submission.Id,
                Channel = c.Channel.Name,
                Tlp = c.Tlp,
                SubmitterOrganizationId = submission.OrganizationId,
                State = state,
                Anonymous = c.Request.Anonymous,
                Revoked = obj is IStixVersioned { Revoked: true },
                Sequence = state == SubmissionState.Published ? sequence++ : null,
                AddedAt = state == SubmissionState.Published ? AddedTimes.Nth(added, position++) : now,
                Json = StixJson.Serialize(obj),
            };
            foreach (var r in c.Recipients)
            {
                row.Recipients.Add(new ObjectRecipient { OrganizationId = r });
            }
            rows.Add(row);
            index.Add(row, obj);
            if (!observable && owned.Add(obj.Id.Value))
            {
                newOwners.Add(new IdOwner { StixId = obj.Id.Value, OrganizationId = submission.OrganizationId });
            }
        }
        // On PostgreSQL, rows without recipients go in by binary COPY: thousands of tracked entities cost more than the inserts.
        bool bulk = _db.Database.IsNpgsql() && c.Recipients.Count == 0;
        // The alerts go into the outbox in the same transaction: published to the channel's readers, or pending to its moderators.
        var alerts = new AlertWriter(_db, track: !bulk);
        await (state == SubmissionState.Published ? alerts.PublishedAsync(rows, now, ct) : alerts.PendingAsync(rows, now, ct));
        if (bulk)
        {
            await _db.SaveChangesAsync(ct);
            await PostgresCopy.InsertAsync(_db, rows, ct);
            await PostgresCopy.InsertAsync(_db, newOwners, ct);
            await PostgresCopy.InsertAsync(_db, alerts.Written, ct);
            await index.WriteAsync(bulk: true, ct);
        }
        else
        {
            _db.Objects.AddRange(rows);
            _db.IdOwners.AddRange(newOwners);
            await index.WriteAsync(bulk: false, ct);
            await _db.SaveChangesAsync(ct);
        }
        // The record commits with the submission; for an anonymous one it is the only place that names the source.
        await _audit.AppendAsync(AuditActions.Submission, submission.Id.ToString(), AuditOutcome.Success,
            new { channel = submission.Channel, tlp = c.Tlp.ToName(), state = state.ToString().ToLowerInvariant(), objects = rows.Count, anonymous = submission.Anonymous, findings = c.Findings.Count, revises = submission.RevisesId }, ct);
        await tx.CommitAsync(ct);

        return new SubmissionResult
        {
            Alerts = alerts.Written,
            Id = submission.Id,
            State = state,
            Channel = submission.Channel,
            Objects = [.. c.Objects.Select(o => o.Id.Value)],
            Findings = [.. c.Findings],
        };
    }
}
