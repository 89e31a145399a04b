using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Findings;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Stix;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Core.Submissions;

/// <summary>Channel, TLP and recipients: parsed, and the recipients resolved to organizations that exist.</summary>
internal sealed class RequestFieldsStep : ISubmissionStep
{
    public string RejectionCode => "invalid-request";

    public async ValueTask RunAsync(SubmissionContext c, CancellationToken ct)
    {
        if (Channel.TryParse(c.Request.Channel, out var channel))
        {
            c.Channel = channel;
        }
        else
        {
            c.Error("$.channel", "channel must be 'sector:<slug>', 'cross-sector' or 'national'");
        }
        if (TlpNames.TryParse(c.Request.Tlp, out var tlp))
        {
            c.Tlp = tlp;
        }
        else
        {
            c.Error("$.tlp", "tlp must be one of clear, green, amber, amber+strict, red");
        }
        if (channel.IsSector && !await c.Db.Sectors.AnyAsync(s => s.Slug == channel.Sector, ct))
        {
            c.Error("$.channel", $"there is no sector '{channel.Sector}'");
        }

        if (c.Request.Revises is { } revised && !await c.Db.Submissions.AnyAsync(
            s => s.Id == revised && s.OrganizationId == c.Submitter.Poster.OrganizationId && s.State == SubmissionState.ChangesRequested, ct))
        {
            c.Error("$.revises", "not a submission of your organization with changes requested");
        }

        var names = c.Request.Recipients ?? [];
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i];
            Guid? id = Guid.TryParse(name, out var g)
                ? await c.Db.Organizations.Where(o => o.Id == g && !o.Disabled).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
                : await c.Db.Organizations.Where(o => o.Slug == name && !o.Disabled).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                c.Error($"$.recipients[{i}]", $"there is no organization '{name}'");
            }
            else if (!c.Recipients.Contains(id.Value))
            {
                c.Recipients.Add(id.Value);
            }
        }
        if (names.Count > 0 && c.Errors.Count == 0 && tlp != Tlp.Red)
        {
            // DESIGN: TLP inconsistent with content is a finding, not a rejection. The recipients
            // are not used: only TLP:RED is shared by name.
            c.Findings.Add(new Finding(FindingDetectors.Consistency, "$.recipients", $"recipients are ignored for TLP:{tlp.ToName().ToUpperInvariant()}; only TLP:RED is shared with named organizations"));
            c.Recipients.Clear();
        }
    }
}

/// <summary>Who may post where (<see cref="WriteRules"/>).</summary>
internal sealed class WriteRulesStep : ISubmissionStep
{
    public string RejectionCode => "not-allowed";

    public ValueTask RunAsync(SubmissionContext c, CancellationToken ct)
    {
        var denial = WriteRules.CheckPost(c.Submitter.Poster, c.Channel, c.Tlp, c.Recipients.Count);
        if (denial is not null)
        {
            c.Error("$." + denial.Field, denial.Message);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>The bundle is a bundle, not empty, within the object limit, and valid STIX 2.1 (patterns included).</summary>
internal sealed class StixValidityStep(StixValidator validator) : ISubmissionStep
{
    public string RejectionCode => "invalid-stix";

    public ValueTask RunAsync(SubmissionContext c, CancellationToken ct)
    {
        var bundle = c.Request.Bundle;
        if (bundle.ValueKind != JsonValueKind.Object || !bundle.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "bundle")
        {
            c.Error("$.bundle", "bundle must be a STIX bundle object (\"type\": \"bundle\")");
            return ValueTask.CompletedTask;
        }
        if (!bundle.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array || objects.GetArrayLength() == 0)
        {
            c.Error("$.bundle.objects", "the bundle must hold at least one object");
            return ValueTask.CompletedTask;
        }
        if (objects.GetArrayLength() > c.Options.MaxObjects)
        {
            c.Error("$.bundle.objects", $"a submission holds at most {c.Options.MaxObjects} objects, this one {objects.GetArrayLength()}");
            return ValueTask.CompletedTask;
        }
        foreach (var issue in validator.Validate(bundle).Errors)
        {
            c.Error("$.bundle" + issue.Path[1..], issue.Message);
        }
        if (c.Errors.Count == 0)
        {
            var typed = StixJson.DeserializeBundle(JsonMarshal.GetRawUtf8Value(bundle)); // the bytes as received, no copy
            c.Objects.AddRange(typed.Objects ?? []);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// TLP markings agree with the submission: an object without a TLP marking gets the submission's
/// TLP 2.0 marking; one that carries a different TLP level is refused. Repeated TLP marking
/// definitions are accepted and not stored (they are well-known).
/// </summary>
internal sealed class TlpMarkingStep : ISubmissionStep
{
    public string RejectionCode => "tlp-mismatch";

    public ValueTask RunAsync(SubmissionContext c, CancellationToken ct)
    {
        var marking = TlpMarkings.ForLevel(c.Tlp);
        for (int i = 0; i < c.Objects.Count; i++)
        {
            var obj = c.Objects[i];
            if (TlpMarkings.LevelOf(obj.Id) is not null)
            {
                c.Skipped.Add(i);
                continue;
            }
            var refs = obj.ObjectMarkingRefs ?? [];
            bool carriesTlp = false;
            foreach (var r in refs)
            {
                if (TlpMarkings.LevelOf(r) is { } level)
                {
                    carriesTlp = true;
                    if (level != c.Tlp)
                    {
                        c.Error(SubmissionContext.ObjectPath(i) + ".object_marking_refs", $"the object is marked TLP:{level.ToName().ToUpperInvariant()} but the submission is TLP:{c.Tlp.ToName().ToUpperInvariant()}");
                    }
                }
            }
            if (!carriesTlp)
            {
                c.Objects[i] = obj with { ObjectMarkingRefs = [.. refs, marking] };
            }
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>An organization speaks only for itself: <c>created_by_ref</c> is its identity, set when absent.</summary>
internal sealed class AttributionStep : ISubmissionStep
{
    public string RejectionCode => "attribution";

    public ValueTask RunAsync(SubmissionContext c, CancellationToken ct)
    {
        var own = StixIdentifier.Parse(c.Submitter.IdentityId);
        for (int i = 0; i < c.Objects.Count; i++)
        {
            if (c.Skipped.Contains(i))
            {
                continue;
            }
            var obj = c.Objects[i];
            if (Attribution.Of(obj) is { } author && author != own)
            {
                c.Error(SubmissionContext.ObjectPath(i) + ".created_by_ref", "created_by_ref must be your organization's identity (or absent)");
                continue;
            }
            c.Objects[i] = Attribution.With(obj, own);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Every reference resolves: to an object of the bundle, a TLP marking, an organization's identity,
/// or a stored object the submitter can see (the one visibility decision; nothing else is revealed).
/// </summary>
internal sealed class ReferencesStep : ISubmissionStep
{
    public string RejectionCode => "unresolved-reference";

    public async ValueTask RunAsync(SubmissionContext c, CancellationToken ct)
    {
        var inBundle = c.Objects.Select(o => o.Id.Value).ToHashSet(StringComparer.Ordinal);
        var references = new List<(int Index, string Path, string Id)>();
        var objects = c.BundleObjects;
        for (int i = 0; i < c.Objects.Count; i++)
        {
            CollectReferences(objects[i], SubmissionContext.ObjectPath(i), i, references);
        }
        var outside = references.Select(r => r.Id).Where(id => !inBundle.Contains(id) && !IsTlp(id)).Distinct(StringComparer.Ordinal).ToList();
        if (outside.Count == 0)
        {
            return;
        }
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in outside.Chunk(500))
        {
            known.UnionWith(await c.Db.Organizations.Where(o => chunk.Contains(o.IdentityId)).Select(o => o.IdentityId).ToListAsync(ct));
            known.UnionWith(await c.Db.Objects.VisibleTo(c.Submitter.Reader).Where(o => chunk.Contains(o.StixId)).Select(o => o.StixId).Distinct().ToListAsync(ct));
        }
        foreach (var (_, path, id) in references)
        {
            if (!inBundle.Contains(id) && !IsTlp(id) && !known.Contains(id))
            {
                c.Error(path, $"'{id}' is neither in the bundle nor a stored object you can see");
            }
        }
    }

    private static bool IsTlp(string id) => StixIdentifier.TryParse(id, out var parsed) && TlpMarkings.LevelOf(parsed) is not null;

    /// <summary>Every <c>*_ref</c> string and <c>*_refs</c> list, at any depth (extensions and markings included).</summary>
    private static void CollectReferences(JsonElement element, string path, int index, List<(int, string, string)> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    string child = $"{path}.{p.Name}";
                    if (p.Name.EndsWith("_ref", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
                    {
                        into.Add((index, child, p.Value.GetString()!)); // a string value has text
                    }
                    else if (p.Name.EndsWith("_refs", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.Array)
                    {
                        int k = 0;
                        foreach (var r in p.Value.EnumerateArray())
                        {
                            if (r.ValueKind == JsonValueKind.String)
                            {
                                into.Add((index, $"{child}[{k}]", r.GetString()!)); // a string value has text
                            }
                            k++;
                        }
                    }
                    else
                    {
                        CollectReferences(p.Value, child, index, into);
                    }
                }
                break;
            case JsonValueKind.Array:
                int n = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CollectReferences(item, $"{path}[{n++}]", index, into);
                }
                break;
        }
    }
}

/// <summary>
/// An id first published by one organization gets new versions only from it; a new version is never
/// older than, nor the same as, the newest stored one. Cyber observables are facts, not authored
/// objects: their deterministic ids are shared by everyone and are not owned.
/// </summary>
internal sealed class OwnershipAndVersionStep : ISubmissionStep
{
    public string RejectionCode => "version-conflict";

    public async ValueTask RunAsync(SubmissionContext c, CancellationToken ct)
    {
        var authored = Enumerable.Range(0, c.Objects.Count).Where(i => !c.Skipped.Contains(i) && c.Objects[i] is not StixCyberObservable).ToList();
        var ids = authored.Select(i => c.Objects[i].Id.Value).Distinct(StringComparer.Ordinal).ToList();
        var owners = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var newest = new Dictionary<string, (string Version, bool Revoked)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var o in await c.Db.IdOwners.Where(o => chunk.Contains(o.StixId)).ToListAsync(ct))
            {
                owners[o.StixId] = o.OrganizationId;
                c.OwnedIds.Add(o.StixId);
            }
        }
        // Every stored versioned object has an owner: ids without one (the usual case, new objects) have no stored version.
        foreach (var chunk in owners.Keys.Chunk(500))
        {
            foreach (var v in await c.Db.Objects.Where(o => chunk.Contains(o.StixId)).GroupBy(o => o.StixId).Select(g => new { g.Key, Version = g.Max(o => o.Version), Revoked = g.Count(o => o.Revoked) }).ToListAsync(ct))
            {
                newest[v.Key] = (v.Version ?? "", v.Revoked > 0); // Max over a non-empty group is never null
            }
        }
        var seen = new HashSet<(string, string)>();
        foreach (int i in authored)
        {
            var obj = c.Objects[i];
            string id = obj.Id.Value;
            string version = StoredVersion.Of(obj);
            if (!seen.Add((id, version)))
            {
                c.Error(SubmissionContext.ObjectPath(i) + ".id", "the bundle holds this version of the object twice");
                continue;
            }
            if (owners.TryGetValue(id, out var owner) && owner != c.Submitter.Poster.OrganizationId)
            {
                c.Error(SubmissionContext.ObjectPath(i) + ".id", "this id was first published by another organization: only it may publish new versions");
                continue;
            }
            if (newest.TryGetValue(id, out var stored))
            {
                int order = string.CompareOrdinal(version, stored.Version);
                if (order < 0)
                {
                    c.Error(SubmissionContext.ObjectPath(i) + ".modified", "this version is older than the stored one");
                }
                else if (order == 0)
                {
                    c.Error(SubmissionContext.ObjectPath(i) + ".modified", "this version is already stored: a new version needs a later 'modified'");
                }
                else if (stored.Revoked)
                {
                    c.Findings.Add(new Finding(FindingDetectors.Consistency, SubmissionContext.ObjectPath(i) + ".id",
                        "this object was revoked; a revocation is final, so a new version of it needs a moderator's look"));
                }
            }
        }
    }
}

/// <summary>
/// Pipeline step 2, after every hard check passed: the automatic findings (warning lists, personal
/// data, consistency). It never rejects; routing decides what the findings mean for the submitter.
/// </summary>
internal sealed class FindingsStep : ISubmissionStep
{
    public string RejectionCode => "findings";

    public async ValueTask RunAsync(SubmissionContext c, CancellationToken ct)
    {
        var lists = await WarningLists.LoadAsync(c.Db, ct);
        var objects = c.BundleObjects;
        for (int i = 0; i < c.Objects.Count; i++)
        {
            if (!c.Skipped.Contains(i))
            {
                c.Findings.AddRange(FindingDetectors.Inspect(objects[i], SubmissionContext.ObjectPath(i), lists, c.Now));
            }
        }
    }
}

/// <summary>The version text stored for an object (see <see cref="StoredObject.Version"/>).</summary>
internal static class StoredVersion
{
    public static string Of(StixObject obj) => obj switch
    {
        IStixVersioned v => StixTime.ToSortable(v.Modified),
        StixMetaObject m => StixTime.ToSortable(m.Created),
        _ => "",
    };
}
