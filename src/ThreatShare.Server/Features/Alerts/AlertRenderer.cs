using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Moderation;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;

namespace ThreatShare.Server.Features.Alerts;

/// <summary>
/// Turns stored alerts into the contract's message, the same for the hub and for REST:
/// <c>{"stream","sequence","kind","channel","objectId","type","tlp","at","object"}</c>, with the object
/// as every subscriber of the stream may see it (the directorate as source where the alert hides it).
/// </summary>
internal sealed class AlertRenderer(ThreatShareDb db)
{
    /// <summary>The messages of <paramref name="alerts"/>, in their order; objects not at hand are read from the store.</summary>
    public async Task<List<JsonObject>> RenderAsync(IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        var needObjects = alerts.Where(a => a.Json is null && a.ObjectVersion is not null).Select(a => a.ObjectId!).Distinct().ToList();
        var needVersions = alerts.Where(a => a.Json is null && a.ObjectVersion is not null).Select(a => a.ObjectVersion!).Distinct().ToList();
        // Only the versions the alerts name, not every version of each object.
        var objects = needObjects.Count == 0 ? [] : (await db.Objects.AsNoTracking().Where(o => needObjects.Contains(o.StixId) && needVersions.Contains(o.Version))
            .Select(o => new { o.StixId, o.Version, o.Json }).ToListAsync(ct)).ToDictionary(o => (o.StixId, o.Version), o => o.Json);
        var needSightings = alerts.Where(a => a.Json is null && a.Kind == "sighting").Select(a => a.ObjectId!).Distinct().ToList();
        var sightings = needSightings.Count == 0 ? [] : await db.Sightings.AsNoTracking().Where(s => needSightings.Contains(s.StixId)).ToDictionaryAsync(s => s.StixId, s => s.Json, ct);
        var decisionIds = alerts.Where(a => a.DecisionId is not null).Select(a => a.DecisionId!.Value).Distinct().ToList();
        var decisions = decisionIds.Count == 0 ? [] : await (from d in db.ModerationDecisions.AsNoTracking()
                                                             join s in db.Submissions.AsNoTracking() on d.SubmissionId equals s.Id
                                                             where decisionIds.Contains(d.Id)
                                                             select new { d.Id, d.SubmissionId, d.Action, d.Message, s.State }).ToDictionaryAsync(d => d.Id, ct);
        string? directorate = alerts.Any(a => a.HideSource) ? await db.DirectorateIdentityAsync(ct) : null;

        var messages = new List<JsonObject>(alerts.Count);
        foreach (var alert in alerts)
        {
            JsonNode? body;
            if (alert.DecisionId is { } id && decisions.TryGetValue(id, out var d))
            {
                body = new JsonObject
                {
                    ["submission_id"] = d.SubmissionId.ToString(),
                    ["action"] = d.Action,
                    ["state"] = ModerationService.StateName(d.State),
                    ["message"] = d.Message,
                };
            }
            else
            {
                string? json = alert.Json
                    ?? (alert.ObjectVersion is not null ? objects.GetValueOrDefault((alert.ObjectId!, alert.ObjectVersion)) : sightings.GetValueOrDefault(alert.ObjectId ?? ""));
                body = json is null ? null : JsonNode.Parse(alert.HideSource ? ObjectProjection.AttributedTo(json, directorate!) : json);
            }
            messages.Add(new JsonObject
            {
                ["stream"] = alert.Stream,
                ["sequence"] = alert.Sequence,
                ["kind"] = alert.Kind,
                ["channel"] = alert.Channel,
                ["objectId"] = alert.ObjectId,
                ["type"] = alert.Type,
                ["tlp"] = alert.Tlp?.ToName(),
                ["at"] = new DateTimeOffset(DateTime.SpecifyKind(alert.At, DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["object"] = body,
            });
        }
        return messages;
    }
}
