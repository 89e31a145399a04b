using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Alerts;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Lookup;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Submissions;
using ThreatShare.Core.Trust;
using ThreatShare.Stix;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Core.Moderation;

/// <summary>
/// The moderator's actions on submissions (DESIGN.md, pipeline step 4). Each action checks the
/// moderator's scope beside the visibility decision, changes the submission and its objects in one
/// transaction guarded by the state it expects (two moderators acting at once cannot both win), and
/// records a <see cref="ModerationDecision"/> for the submitter.
/// </summary>
public sealed class ModerationService(ThreatShareDb db, TimeProvider time, StixValidator validator, AuditLog audit)
{
    /// <summary>Properties a redaction may edit: free text, never the indicator's substance.</summary>
    public static readonly FrozenSet<string> FreeTextProperties = FrozenSet.ToFrozenSet(
        ["name", "description", "labels", "abstract", "content", "explanation", "external_references"], StringComparer.Ordinal);

    /// <summary>
    /// Submissions waiting for <paramref name="reader"/> in the channels it moderates, never its own
    /// organization's: pending ones, and published ones with findings to review after the fact.
    /// </summary>
    public IQueryable<Submission> Queue(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pending = db.Submissions.AsNoTracking().Where(s => (s.State == SubmissionState.Pending || (s.State == SubmissionState.Published && s.NeedsReview))
            && s.OrganizationId != reader.OrganizationId);
        if (reader.IsDirectorateAdmin)
        {
            return pending;
        }
        string[] channels = [.. reader.ModeratedChannels];
        return pending.Where(s => channels.Contains(s.Channel));
    }

    /// <summary>Carries out <paramref name="request"/> on submission <paramref name="submissionId"/>.</summary>
    public async Task<ModerationResult> ActAsync(Guid submissionId, ModerationActor actor, ModerationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var reader = actor.Reader;
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null || !reader.CanSeeSubmission(submission.OrganizationId, submission.Channel))
        {
            return ModerationResult.Refused(ModerationRefusal.NotFound, "$", "no such submission");
        }
        if (ModerationRules.Check(reader, submission.OrganizationId, submission.Channel) is { } denial)
        {
            return ModerationResult.Refused(ModerationRefusal.Forbidden, "$", denial);
        }
        if (CheckRequest(request) is { } invalid)
        {
            return invalid;
        }
        SubmissionState[] from = request.Action switch
        {
            ModerationAction.Escalate => [SubmissionState.Pending, SubmissionState.Published],
            ModerationAction.Revoke => [SubmissionState.Published],
            _ => [SubmissionState.Pending],
        };
        // Approving a published submission closes its review after the fact.
        bool review = request.Action == ModerationAction.Approve && submission is { State: SubmissionState.Published, NeedsReview: true };
        if (!from.Contains(submission.State) && !review)
        {
            return ModerationResult.Refused(ModerationRefusal.WrongState, "$",
                $"the submission is {StateName(submission.State)}; '{ActionName(request.Action)}' needs it {string.Join(" or ", from.Select(StateName))}");
        }

        var now = time.GetUtcNow();
        var decision = new ModerationDecision
        {
            Id = Guid.NewGuid(),
            SubmissionId = submission.Id,
            Action = ActionName(request.Action),
            DecidedBy = actor.ActedBy,
            DeciderOrganizationId = reader.OrganizationId,
            At = now.UtcDateTime,
            Message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = request.Action switch
        {
            ModerationAction.Reject => SubmissionState.Rejected,
            ModerationAction.RequestChanges => SubmissionState.ChangesRequested,
            _ => SubmissionState.Published,
        };
        bool anonymous = submission.Anonymous || request.Action == ModerationAction.PublishAnonymized;
        // The guard: only the first of two concurrent actions finds the state it expects.
        // Every decision is also the review of the findings.
        int changed = await db.Submissions.Where(s => s.Id == submission.Id && s.State == submission.State && s.NeedsReview == submission.NeedsReview)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, target).SetProperty(s => s.DecidedAt, now.UtcDateTime)
                .SetProperty(s => s.Anonymous, anonymous).SetProperty(s => s.NeedsReview, false), ct);
        if (changed != 1)
        {
            return ModerationResult.Refused(ModerationRefusal.WrongState, "$", "another moderator acted on this submission first");
        }

        var rows = await db.Objects.Include(o => o.Recipients).Where(o => o.SubmissionId == submission.Id).OrderBy(o => o.Key).ToListAsync(ct);
        var alerts = new AlertWriter(db);
        var work = new Work(db, validator, alerts, decision, now, rows);
        var errors = request.Action switch
        {
            ModerationAction.Reject or ModerationAction.RequestChanges => work.SetState(target),
            ModerationAction.Approve or ModerationAction.PublishAnonymized => await work.PublishPendingAsync(anonymous, ct),
            ModerationAction.Redact => await work.RedactAsync(request.Edits ?? [], request.Drop ?? [], ct),
            ModerationAction.Escalate => await work.EscalateAsync(request.Channel!, ct),
            ModerationAction.Revoke => await work.RevokeAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Action, "unknown action"),
        };
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ModerationResult { Refusal = ModerationRefusal.Invalid, Errors = errors };
        }
        decision.DetailsJson = work.Details.ToJsonString();
        db.ModerationDecisions.Add(decision);
        await alerts.DecisionAsync(decision, submission, ct);
        await work.Index.WriteAsync(bulk: false, ct);
        await db.SaveChangesAsync(ct);
        // The record commits with the decision. It keeps the true source of an anonymized submission.
        await audit.AppendAsync(AuditActions.ModerationPrefix + decision.Action, submission.Id.ToString(), AuditOutcome.Success,
            new { decision = decision.Id, submitter = submission.OrganizationId, channel = submission.Channel, state = StateName(target), message = decision.Message, changes = work.Details }, ct);
        await tx.CommitAsync(ct);
        return new ModerationResult { Decision = decision, State = target, NewVersions = work.NewVersions, Alerts = alerts.Written };
    }

    /// <summary>The REST name of an action.</summary>
    public static string ActionName(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "approve",
        ModerationAction.Reject => "reject",
        ModerationAction.RequestChanges => "request-changes",
        ModerationAction.Redact => "redact",
        ModerationAction.PublishAnonymized => "publish-anonymized",
        ModerationAction.Escalate => "escalate",
        ModerationAction.Revoke => "revoke",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The action of a REST name, if it is one.</summary>
    public static ModerationAction? ParseAction(string? name) =>
        Enum.GetValues<ModerationAction>().Cast<ModerationAction?>().FirstOrDefault(a => ActionName(a!.Value) == name);

    /// <summary>The REST name of a state.</summary>
    public static string StateName(SubmissionState state) => state switch
    {
        SubmissionState.Pending => "pending",
        SubmissionState.Published => "published",
        SubmissionState.Rejected => "rejected",
        SubmissionState.ChangesRequested => "changes-requested",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static ModerationResult? CheckRequest(ModerationRequest request)
    {
        bool needsMessage = request.Action is ModerationAction.Reject or ModerationAction.RequestChanges or ModerationAction.Revoke;
        if (needsMessage && string.IsNullOrWhiteSpace(request.Message))
        {
            return ModerationResult.Refused(ModerationRefusal.Invalid, "$.message",
                request.Action == ModerationAction.RequestChanges ? "say what to change" : "a reason for the submitter is required");
        }
        if (request.Message is { Length: > 4000 })
        {
            return ModerationResult.Refused(ModerationRefusal.Invalid, "$.message", "at most 4,000 characters");
        }
        if (request.Action == ModerationAction.Escalate && request.Channel is not (Channel.CrossSectorName or Channel.NationalName))
        {
            return ModerationResult.Refused(ModerationRefusal.Invalid, "$.channel", "escalation goes to 'cross-sector' or 'national'");
        }
        if (request.Action == ModerationAction.Redact && (request.Edits ?? []).Count == 0 && (request.Drop ?? []).Count == 0)
        {
            return ModerationResult.Refused(ModerationRefusal.Invalid, "$", "a redaction edits or drops at least one object; use 'approve' to publish as it is");
        }
        return null;
    }

    /// <summary>The changes of one action to a submission's object rows.</summary>
    private sealed class Work(ThreatShareDb db, StixValidator validator, AlertWriter alerts, ModerationDecision decision, DateTimeOffset now, List<StoredObject> rows)
    {
        public JsonObject Details { get; } = [];

        public List<(string Id, string Modified)> NewVersions { get; } = [];

        public LookupIndex Index { get; } = new(db);

        public List<SubmissionError> SetState(SubmissionState state)
        {
            foreach (var row in rows.Where(r => r.State == SubmissionState.Pending))
            {
                row.State = state;
            }
            return [];
        }

        public async Task<List<SubmissionError>> PublishPendingAsync(bool anonymous, CancellationToken ct)
        {
            var pending = rows.Where(r => r.State == SubmissionState.Pending).ToList();
            await PublishAsync(pending, ct);
            foreach (var row in pending)
            {
                row.Anonymous = anonymous;
            }
            return [];
        }

        public async Task<List<SubmissionError>> RedactAsync(IReadOnlyList<ObjectEdit> edits, IReadOnlyList<string> drop, CancellationToken ct)
        {
            var errors = new List<SubmissionError>();
            var pending = rows.Where(r => r.State == SubmissionState.Pending).ToList();
            var ids = pending.Select(r => r.StixId).ToHashSet(StringComparer.Ordinal);
            for (int i = 0; i < drop.Count; i++)
            {
                if (!ids.Contains(drop[i]))
                {
                    errors.Add(new SubmissionError($"$.drop[{i}]", "not an object of this submission"));
                }
            }
            var redacted = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < edits.Count; i++)
            {
                string path = $"$.edits[{i}]";
                var edit = edits[i];
                var row = pending.FirstOrDefault(r => r.StixId == edit.Id);
                if (row is null || drop.Contains(edit.Id))
                {
                    errors.Add(new SubmissionError(path + ".id", row is null ? "not an object of this submission" : "the object is also dropped"));
                    continue;
                }
                if (!IsVersioned(row) || redacted.ContainsKey(edit.Id))
                {
                    errors.Add(new SubmissionError(path + ".id", IsVersioned(row) ? "edit each object once" : "an observable has no free text to redact; drop it instead"));
                    continue;
                }
                var json = JsonNode.Parse(row.Json)!.AsObject();
                foreach (var (name, value) in edit.Properties)
                {
                    if (!FreeTextProperties.Contains(name))
                    {
                        errors.Add(new SubmissionError($"{path}.properties.{name}", $"only free text can be redacted: {string.Join(", ", FreeTextProperties.Order(StringComparer.Ordinal))}"));
                        continue;
                    }
                    json.Remove(name);
                    if (value is not null)
                    {
                        json[name] = value.DeepClone();
                    }
                }
                string? next = NewVersion(json, path + ".properties", errors);
                if (next is not null)
                {
                    redacted[edit.Id] = next;
                }
            }
            if (errors.Count == 0 && pending.All(r => drop.Contains(r.StixId)))
            {
                errors.Add(new SubmissionError("$.drop", "a redaction that drops every object is a rejection; use 'reject'"));
            }
            if (errors.Count > 0)
            {
                return errors;
            }

            // The submitter's originals stay with the submission, unpublished; what is published is the redacted version.
            var published = new List<StoredObject>();
            foreach (var row in pending)
            {
                if (drop.Contains(row.StixId) || redacted.ContainsKey(row.StixId))
                {
                    row.State = SubmissionState.Rejected;
                }
                else
                {
                    published.Add(row);
                }
                if (redacted.TryGetValue(row.StixId, out string? json))
                {
                    published.Add(AddVersion(row, json, row.Channel, revoked: false));
                }
            }
            await PublishAsync(published, ct);
            Details["edited"] = new JsonArray([.. edits.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id,
                ["properties"] = new JsonArray([.. e.Properties.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]),
            })]);
            Details["dropped"] = new JsonArray([.. drop.Select(d => (JsonNode)d)]);
            return [];
        }

        public async Task<List<SubmissionError>> EscalateAsync(string channel, CancellationToken ct)
        {
            await PublishPendingAsync(decision.Action == "publish-anonymized", ct);
            var errors = new List<SubmissionError>();
            var copies = new List<StoredObject>();
            foreach (var row in rows.Where(r => r.State == SubmissionState.Published && r.Channel != channel).ToList())
            {
                if (!IsVersioned(row))
                {
                    // Observables have no versions: the escalated channel gets its own copy.
                    copies.Add(AddRow(row, row.Json, "sco:" + decision.Id.ToString("N"), channel, revoked: false));
                    continue;
                }
                string? json = NewVersion(await NewestAsync(row.StixId, ct), "$", errors);
                if (json is not null)
                {
                    copies.Add(AddVersion(row, json, channel, revoked: false));
                }
            }
            await PublishAsync(copies, ct);
            Details["channel"] = channel;
            return errors;
        }

        public async Task<List<SubmissionError>> RevokeAsync(CancellationToken ct)
        {
            var errors = new List<SubmissionError>();
            var revocations = new List<StoredObject>();
            foreach (var id in rows.Where(r => r.State == SubmissionState.Published && IsVersioned(r)).Select(r => r.StixId).Distinct(StringComparer.Ordinal).ToList())
            {
                var newest = await db.Objects.AsNoTracking().Include(o => o.Recipients).Where(o => o.StixId == id)
                    .OrderByDescending(o => o.Version).FirstAsync(ct);
                if (newest.Revoked)
                {
                    continue;
                }
                var json = JsonNode.Parse(newest.Json)!.AsObject();
                json["revoked"] = true;
                string? next = NewVersion(json, "$", errors);
                if (next is not null)
                {
                    revocations.Add(AddVersion(newest, next, newest.Channel, revoked: true));
                }
            }
            if (errors.Count == 0 && revocations.Count == 0)
            {
                errors.Add(new SubmissionError("$", "every object of this submission is already revoked"));
            }
            await PublishAsync(revocations, ct);
            return errors;
        }

        private async Task<JsonObject> NewestAsync(string stixId, CancellationToken ct)
        {
            string json = await db.Objects.AsNoTracking().Where(o => o.StixId == stixId).OrderByDescending(o => o.Version).Select(o => o.Json).FirstAsync(ct);
            return JsonNode.Parse(json)!.AsObject();
        }

        /// <summary>Bumps <c>modified</c> to now (or just past the current one) and checks the result; null with errors when it is not valid STIX.</summary>
        private string? NewVersion(JsonObject json, string path, List<SubmissionError> errors)
        {
            var current = StixTimestamp.Parse(json["modified"]!.GetValue<string>());
            var next = StixTimestamp.FromDateTimeOffset(now, 3);
            if (next <= current)
            {
                next = StixTimestamp.FromDateTimeOffset(current.Value.AddMilliseconds(1), 3);
            }
            json["modified"] = next.ToString();
            using var document = JsonDocument.Parse(json.ToJsonString());
            var result = validator.Validate(document.RootElement);
            if (!result.IsValid)
            {
                errors.AddRange(result.Errors.Select(e => new SubmissionError(path + e.Path.TrimStart('$'), e.Message)));
                return null;
            }
            return StixJson.Serialize(StixJson.Deserialize(document.RootElement.GetRawText()));
        }

        private StoredObject AddVersion(StoredObject from, string json, string channel, bool revoked)
        {
            var row = AddRow(from, json, StoredVersion.Of(StixJson.Deserialize(json)), channel, revoked);
            NewVersions.Add((row.StixId, JsonNode.Parse(json)!["modified"]!.GetValue<string>()));
            return row;
        }

        private StoredObject AddRow(StoredObject from, string json, string version, string channel, bool revoked)
        {
            var row = new StoredObject
            {
                StixId = from.StixId,
                Type = from.Type,
                Version = version,
                SubmissionId = decision.SubmissionId,
                Channel = channel,
                Tlp = from.Tlp,
                SubmitterOrganizationId = from.SubmitterOrganizationId,
                State = SubmissionState.Pending,
                Anonymous = from.Anonymous,
                Revoked = revoked,
                AddedAt = now.UtcDateTime,
                Json = json,
            };
            foreach (var r in from.Recipients)
            {
                row.Recipients.Add(new ObjectRecipient { OrganizationId = r.OrganizationId });
            }
            db.Objects.Add(row);
            // New versions (redacted, escalated, revoked) are indexed like submitted ones, in the decision's transaction.
            Index.Add(row);
            return row;
        }

        /// <summary>Gives the rows their channels' next sequence numbers and publishes them.</summary>
        private async Task PublishAsync(List<StoredObject> toPublish, CancellationToken ct)
        {
            foreach (var channel in toPublish.GroupBy(r => r.Channel))
            {
                long next = await Sequencer.ReserveAsync(db, channel.Key, channel.Count(), ct);
                // Times that increase with the sequence numbers (TAXII's added_after relies on it).
                var added = await AddedTimes.FirstAsync(db, channel.Key, next, now.UtcDateTime, ct);
                int position = 0;
                foreach (var row in channel)
                {
                    row.State = SubmissionState.Published;
                    row.Sequence = next++;
                    row.AddedAt = AddedTimes.Nth(added, position++);
                }
            }
            if (toPublish.Count > 0)
            {
                await alerts.PublishedAsync(toPublish, now.UtcDateTime, ct);
            }
        }

        private static bool IsVersioned(StoredObject row) => !row.Version.StartsWith("sco:", StringComparison.Ordinal) && row.Json.Contains("\"modified\"", StringComparison.Ordinal);
    }
}
