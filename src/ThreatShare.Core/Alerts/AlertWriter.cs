using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Alerts;

/// <summary>
/// Writes the alerts of a publication into the outbox, in the caller's transaction, each with its
/// stream's next sequence number (reserved through <see cref="Sequencer"/>, so a rolled-back
/// transaction leaves no gap). The alerts added are collected in <see cref="Written"/> for dispatch
/// after the commit. Untracked (<c>track: false</c>), the writer only numbers them: the caller inserts
/// <see cref="Written"/> itself (the bulk path of publication).
/// </summary>
public sealed class AlertWriter(ThreatShareDb db, bool track = true)
{
    /// <summary>Alerts added by this writer, in stream order, to dispatch once the transaction committed.</summary>
    public List<Alert> Written { get; } = [];

    /// <summary>Alerts for object rows just published (or revoked).</summary>
    public async Task PublishedAsync(IReadOnlyCollection<StoredObject> rows, DateTime at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var slugs = await SlugsAsync(rows.SelectMany(r => r.Recipients.Select(x => x.OrganizationId)).Concat(rows.Where(r => r.Tlp == Tlp.Red).Select(r => r.SubmitterOrganizationId)), ct);
        var alerts = new List<Alert>(rows.Count);
        foreach (var row in rows)
        {
            string kind = row.Revoked ? "revoked" : row.Channel == Channel.NationalName ? "national" : "published";
            if (row.Tlp != Tlp.Red)
            {
                alerts.Add(For(row, AlertStreams.ForChannel(row.Channel), kind, row.Anonymous, at));
                continue;
            }
            // TLP:RED: to each recipient's own stream, and the submitter's (which sees its true source).
            foreach (var recipient in row.Recipients.Select(r => r.OrganizationId).Append(row.SubmitterOrganizationId).Distinct())
            {
                alerts.Add(For(row, AlertStreams.ForOrganization(slugs[recipient]), kind, row.Anonymous && recipient != row.SubmitterOrganizationId, at));
            }
        }
        await AddAsync(alerts, ct);
    }

    /// <summary>Alerts to the moderators of the channel for object rows waiting for them.</summary>
    public Task PendingAsync(IReadOnlyCollection<StoredObject> rows, DateTime at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // Moderators see the true source: they decide on it.
        return AddAsync([.. rows.Select(r => For(r, AlertStreams.ForModeration(r.Channel), "pending", hideSource: false, at))], ct);
    }

    /// <summary>The alert of a sighting, wherever its indicator's alerts went.</summary>
    public async Task SightingAsync(StoredSighting sighting, StoredObject indicator, DateTime at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        ArgumentNullException.ThrowIfNull(indicator);
        IEnumerable<string> streams = [AlertStreams.ForChannel(indicator.Channel)];
        if (indicator.Tlp == Tlp.Red)
        {
            var slugs = await SlugsAsync(indicator.Recipients.Select(r => r.OrganizationId).Append(indicator.SubmitterOrganizationId), ct);
            streams = slugs.Values.Select(AlertStreams.ForOrganization);
        }
        await AddAsync([.. streams.Select(stream => new Alert
        {
            Stream = stream,
            Kind = "sighting",
            Channel = indicator.Channel,
            ObjectId = sighting.StixId,
            Type = "sighting",
            Tlp = indicator.Tlp,
            HideSource = !sighting.Named,
            At = at,
            Json = sighting.Json,
        })], ct);
    }

    /// <summary>The alert of a moderation decision, to the submitter's organization.</summary>
    public async Task DecisionAsync(ModerationDecision decision, Submission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(submission);
        var slugs = await SlugsAsync([submission.OrganizationId], ct);
        await AddAsync([new Alert
        {
            Stream = AlertStreams.ForOrganization(slugs[submission.OrganizationId]),
            Kind = "moderation-decision",
            Channel = submission.Channel,
            Tlp = submission.Tlp,
            DecisionId = decision.Id,
            At = decision.At,
        }], ct);
    }

    private static Alert For(StoredObject row, string stream, string kind, bool hideSource, DateTime at) => new()
    {
        Stream = stream,
        Kind = kind,
        Channel = row.Channel,
        ObjectId = row.StixId,
        ObjectVersion = row.Version,
        Type = row.Type,
        Tlp = row.Tlp,
        HideSource = hideSource,
        At = at,
        Json = row.Json,
    };

    private async Task AddAsync(List<Alert> alerts, CancellationToken ct)
    {
        foreach (var stream in alerts.GroupBy(a => a.Stream, StringComparer.Ordinal))
        {
            long next = await Sequencer.ReserveAlertsAsync(db, stream.Key, stream.Count(), ct);
            foreach (var alert in stream)
            {
                alert.Sequence = next++;
                if (track)
                {
                    db.Alerts.Add(alert);
                }
                Written.Add(alert);
            }
        }
    }

    private async Task<Dictionary<Guid, string>> SlugsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Organizations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Slug, ct);
    }
}
