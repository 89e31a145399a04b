using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Submissions;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Alerts;
using ThreatShare.Server.Features.Audit;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Stix;
using static ThreatShare.Server.Features.Taxii.TaxiiEndpoints;

namespace ThreatShare.Server.Features.Taxii;

/// <summary>The object endpoints of a collection: read (objects, one object, versions, manifest), post, delete.</summary>
internal static class TaxiiObjects
{
    /// <summary>
    /// The TLP level of posted objects that carry no TLP marking (docs/decisions.md, "TAXII"): AMBER,
    /// the channel's readers and their own tools, never public feeds. A poster who means wider sharing
    /// says so with a marking; a default that shares wider than meant cannot be taken back.
    /// </summary>
    public const Tlp DefaultTlp = Tlp.Amber;

    private const TaxiiQuery.Accepts ObjectFilters = TaxiiQuery.Accepts.Paging | TaxiiQuery.Accepts.IdAndType | TaxiiQuery.Accepts.Version;

    public static async Task<IResult> GetAsync(string collectionId, HttpContext http, ThreatShareDb db, AuditLog audit, CancellationToken ct)
    {
        var (caller, channel, refusal) = await ReadableAsync(http, collectionId, db, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!TaxiiQuery.TryParse(http.Request.Query, "objects|" + channel.Id, ObjectFilters, new VersionMatch.Last(), out var query, out var errors))
        {
            return TaxiiResults.BadRequest("a query parameter is malformed", errors);
        }
        var collection = TaxiiQuery.Collection(db, caller.Reader, channel.Channel.Name);
        var rows = await query.PageAsync(query.Filter(collection), collection, ct);
        return await EnvelopeAsync(rows, query, caller, db, audit, ct);
    }

    public static async Task<IResult> GetOneAsync(string collectionId, string objectId, HttpContext http, ThreatShareDb db, AuditLog audit, CancellationToken ct)
    {
        var (caller, channel, refusal) = await ReadableAsync(http, collectionId, db, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var collection = TaxiiQuery.Collection(db, caller.Reader, channel.Channel.Name);
        var versions = collection.Where(o => o.StixId == objectId);
        if (!await versions.AnyAsync(ct))
        {
            return TaxiiResults.NotFound();
        }
        if (!TaxiiQuery.TryParse(http.Request.Query, $"object|{channel.Id}|{objectId}", TaxiiQuery.Accepts.Paging | TaxiiQuery.Accepts.Version,
            new VersionMatch.Last(), out var query, out var errors))
        {
            return TaxiiResults.BadRequest("a query parameter is malformed", errors);
        }
        var rows = await query.PageAsync(query.Filter(versions), collection, ct);
        return await EnvelopeAsync(rows, query, caller, db, audit, ct);
    }

    public static async Task<IResult> VersionsAsync(string collectionId, string objectId, HttpContext http, ThreatShareDb db, CancellationToken ct)
    {
        var (caller, channel, refusal) = await ReadableAsync(http, collectionId, db, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var collection = TaxiiQuery.Collection(db, caller.Reader, channel.Channel.Name);
        var versions = collection.Where(o => o.StixId == objectId);
        if (!await versions.AnyAsync(ct))
        {
            return TaxiiResults.NotFound();
        }
        if (!TaxiiQuery.TryParse(http.Request.Query, $"versions|{channel.Id}|{objectId}", TaxiiQuery.Accepts.Paging, new VersionMatch.All(), out var query, out var errors))
        {
            return TaxiiResults.BadRequest("a query parameter is malformed", errors);
        }
        var rows = await query.PageAsync(query.Filter(versions), collection, ct);
        bool more = rows.Count > query.Limit;
        var page = rows.Take(query.Limit).ToList();
        var result = (TaxiiResults.Bytes)TaxiiResults.Resource(
            new TaxiiVersions(more, more ? query.NextAfter(page[^1].Sequence ?? 0) : null, page.Count == 0 ? null : [.. page.Select(r => TaxiiTime.VersionOf(r.Json, r.AddedAt))]),
            TaxiiJson.Wire.TaxiiVersions);
        return WithDates(result, page.Select(r => r.AddedAt).ToList());
    }

    public static async Task<IResult> ManifestAsync(string collectionId, HttpContext http, ThreatShareDb db, CancellationToken ct)
    {
        var (caller, channel, refusal) = await ReadableAsync(http, collectionId, db, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!TaxiiQuery.TryParse(http.Request.Query, "manifest|" + channel.Id, ObjectFilters, new VersionMatch.Last(), out var query, out var errors))
        {
            return TaxiiResults.BadRequest("a query parameter is malformed", errors);
        }
        var collection = TaxiiQuery.Collection(db, caller.Reader, channel.Channel.Name);
        var rows = await query.PageAsync(query.Filter(collection), collection, ct);
        bool more = rows.Count > query.Limit;
        var page = rows.Take(query.Limit).ToList();
        var records = page.Select(r => new TaxiiManifestRecord(r.StixId, TaxiiTime.DateAdded(r.AddedAt), TaxiiTime.VersionOf(r.Json, r.AddedAt), TaxiiMedia.Stix)).ToList();
        var result = (TaxiiResults.Bytes)TaxiiResults.Resource(
            new TaxiiManifest(more, more ? query.NextAfter(page[^1].Sequence ?? 0) : null, records.Count == 0 ? null : records), TaxiiJson.Wire.TaxiiManifest);
        return WithDates(result, page.Select(r => r.AddedAt).ToList());
    }

    /// <summary>
    /// Deletes versions of an object from the collection (<c>match[version]</c>, all by default). Only
    /// the organization that published them may; the request and what it removed are audited in the
    /// same transaction (<see cref="Audited"/>).
    /// </summary>
    public static async Task<IResult> DeleteAsync(string collectionId, string objectId, HttpContext http, ThreatShareDb db, CancellationToken ct)
    {
        var caller = CallerOf(http);
        var channel = await FindCollectionAsync(caller, collectionId, db, ct);
        if (channel is null)
        {
            return TaxiiResults.NotFound();
        }
        var collection = TaxiiQuery.Collection(db, caller.Reader, channel.Channel.Name);
        var versions = collection.Where(o => o.StixId == objectId);
        if (!await versions.AnyAsync(ct))
        {
            return TaxiiResults.NotFound();
        }
        if (!caller.MayUse(ApiScopes.StixWrite))
        {
            return TaxiiResults.Forbidden("this client was not granted the 'stix.write' scope");
        }
        if (!TaxiiQuery.TryParse(http.Request.Query, "delete", TaxiiQuery.Accepts.Version, new VersionMatch.All(), out var query, out var errors))
        {
            return TaxiiResults.BadRequest("a query parameter is malformed", errors);
        }
        var matched = await query.SelectAsync(query.Filter(versions), collection, int.MaxValue, ct);
        if (matched.Count == 0)
        {
            return TaxiiResults.Error(StatusCodes.Status404NotFound, "Not found", "no version of this object matches match[version]");
        }
        var owner = await db.IdOwners.AsNoTracking().Where(o => o.StixId == objectId).Select(o => (Guid?)o.OrganizationId).FirstOrDefaultAsync(ct);
        if ((owner is { } o && o != caller.Organization.Id) || matched.Any(m => m.SubmitterOrganizationId != caller.Organization.Id))
        {
            return TaxiiResults.Forbidden("only the organization that published an object deletes it");
        }
        long[] keys = [.. matched.Select(m => m.Key)];
        string[] stored = [.. matched.Select(m => m.Version)];
        await db.ObservableEntries.Where(e => e.StixId == objectId && stored.Contains(e.Version)).ExecuteDeleteAsync(ct);
        await db.Set<ObjectRecipient>().Where(r => keys.Contains(r.ObjectKey)).ExecuteDeleteAsync(ct);
        await db.Objects.Where(x => keys.Contains(x.Key)).ExecuteDeleteAsync(ct);
        Audited.Describe(http, "channel", channel.Channel.Name);
        Audited.Describe(http, "deleted_versions", stored.Length);
        return new TaxiiResults.Bytes([], StatusCodes.Status200OK, null);
    }

    /// <summary>
    /// Takes an envelope into the one submission pipeline (hard checks, findings, routing by tier) as a
    /// submission to the collection's channel, and answers 202 with its status. Nothing is stored when
    /// the pipeline refuses it: the answer is then the error resource with every problem by path.
    /// </summary>
    public static async Task<IResult> PostAsync(string collectionId, HttpContext http, ThreatShareDb db, SubmissionPipeline pipeline,
        IOptions<SubmissionOptions> options, AlertDispatcher alerts, CancellationToken ct)
    {
        var caller = CallerOf(http);
        var channel = await FindCollectionAsync(caller, collectionId, db, ct);
        if (channel is null)
        {
            return TaxiiResults.NotFound();
        }
        if (!channel.CanWrite)
        {
            return TaxiiResults.Forbidden(caller.MayUse(ApiScopes.StixWrite)
                ? "you may read this collection but not add to it"
                : "this client was not granted the 'stix.write' scope");
        }
        if (!TaxiiMedia.IsTaxiiContent(http.Request))
        {
            return TaxiiResults.Error(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"send the envelope as {TaxiiMedia.Taxii}");
        }
        int max = options.Value.MaxBytes;
        if (http.Request.ContentLength > max)
        {
            return TooLarge(max);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = StixLimits.Default.MaxJsonDepth }, ct);
        }
        catch (JsonException e)
        {
            return TaxiiResults.BadRequest("the body is not valid JSON",
                [new("$", $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split(". ", 2)[0]}")]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
            {
                return TaxiiResults.BadRequest("the body must be a TAXII envelope: an object with an 'objects' list", [new("$.objects", "required, a list of STIX objects")]);
            }
            if (root.TryGetProperty("type", out _))
            {
                return TaxiiResults.BadRequest("the body must be a TAXII envelope, not a STIX bundle: send its objects as {\"objects\": [...]}", [new("$.type", "an envelope has no type")]);
            }
            if (objects.GetArrayLength() == 0)
            {
                return TaxiiResults.BadRequest("the envelope holds no objects", [new("$.objects", "at least one object")]);
            }
            var (tlp, tlpErrors) = TlpOf(objects);
            if (tlpErrors.Count > 0)
            {
                return TaxiiResults.Error(StatusCodes.Status422UnprocessableEntity, "Unprocessable envelope", "the envelope's TLP markings cannot be posted as one submission; nothing was stored", tlpErrors);
            }
            using var bundle = JsonDocument.Parse(BundleOf(objects));
            var submitter = new Submitter(caller.Poster, caller.Reader, caller.ActedBy, caller.Organization.IdentityId);
            var result = await pipeline.SubmitAsync(new SubmissionRequest(channel.Channel.Name, tlp.ToName(), null, false, bundle.RootElement), submitter, ct);
            if (result.IsRejected)
            {
                var details = result.Errors.Select(e => new TaxiiErrorDetail(EnvelopePath(e.Path), e.Message)).ToList();
                return result.RejectionCode switch
                {
                    "not-allowed" => TaxiiResults.Error(StatusCodes.Status403Forbidden, "Forbidden", "you may not post this to this collection; nothing was stored", details),
                    "version-conflict" => TaxiiResults.Error(StatusCodes.Status409Conflict, "Conflict", "an object's id or version conflicts with what is stored; nothing was stored", details),
                    _ => TaxiiResults.Error(StatusCodes.Status422UnprocessableEntity, "Unprocessable envelope", "the envelope was refused; nothing was stored", details),
                };
            }
            alerts.Dispatch(result.Alerts);
            // An accepted submission is stored; its id is the status id.
            var status = await TaxiiStatusBuilder.BuildAsync(db, result.Id ?? throw new InvalidOperationException("an accepted submission has an id"), caller, ct)
                ?? throw new InvalidOperationException("the submitter sees its own submission");
            return TaxiiResults.Resource(status, TaxiiJson.Wire.TaxiiStatus, StatusCodes.Status202Accepted);
        }
    }

    /// <summary>
    /// The one TLP level of an envelope: that of its objects' TLP markings, which must agree, or
    /// <see cref="DefaultTlp"/> when none carries one. TLP:RED needs named recipients, which an
    /// envelope cannot carry: it goes through the REST API.
    /// </summary>
    private static (Tlp Tlp, List<TaxiiErrorDetail> Errors) TlpOf(JsonElement objects)
    {
        var errors = new List<TaxiiErrorDetail>();
        var levels = new Dictionary<Tlp, string>();
        int i = 0;
        foreach (var obj in objects.EnumerateArray())
        {
            if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("object_marking_refs", out var refs) && refs.ValueKind == JsonValueKind.Array)
            {
                int k = 0;
                foreach (var r in refs.EnumerateArray())
                {
                    if (r.ValueKind == JsonValueKind.String && StixIdentifier.TryParse(r.GetString(), out var id) && TlpMarkings.LevelOf(id) is { } level)
                    {
                        levels.TryAdd(level, $"$.objects[{i}].object_marking_refs[{k}]");
                    }
                    k++;
                }
            }
            i++;
        }
        if (levels.Count > 1)
        {
            errors.AddRange(levels.Select(l => new TaxiiErrorDetail(l.Value,
                $"TLP:{l.Key.ToName().ToUpperInvariant()}: an envelope is posted under one TLP level; send one envelope per level")));
        }
        else if (levels.Count == 1 && levels.TryGetValue(Tlp.Red, out string? redPath))
        {
            errors.Add(new TaxiiErrorDetail(redPath, "TLP:RED is shared with named recipient organizations, which an envelope cannot name: post it through the REST API"));
        }
        return (levels.Count == 1 ? levels.Keys.Single() : DefaultTlp, errors);
    }

    /// <summary>The envelope's objects as a bundle, the pipeline's input (the objects' bytes as received).</summary>
    private static byte[] BundleOf(JsonElement objects)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "bundle");
            writer.WriteString("id", "bundle--" + Guid.NewGuid());
            writer.WritePropertyName("objects");
            objects.WriteTo(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The pipeline's path into the bundle, as a path into the envelope.</summary>
    private static string EnvelopePath(string path) =>
        path.StartsWith("$.bundle.", StringComparison.Ordinal) ? "$." + path["$.bundle.".Length..]
        : path == "$.bundle" ? "$" : path;

    private static async Task<(Caller Caller, TaxiiChannel Channel, IResult? Refusal)> ReadableAsync(HttpContext http, string collectionId, ThreatShareDb db, CancellationToken ct)
    {
        var caller = CallerOf(http);
        var channel = await FindCollectionAsync(caller, collectionId, db, ct);
        IResult? refusal = channel is null ? TaxiiResults.NotFound()
            : channel.CanRead ? null
            : TaxiiResults.Forbidden(caller.MayUse(ApiScopes.StixRead) ? "you may add to this collection but not read it" : "this client was not granted the 'stix.read' scope");
        return (caller, channel!, refusal); // channel is null only with a refusal
    }

    /// <summary>The envelope of a page: objects as stored (as their poster sent them), an anonymized source replaced for readers other than its submitter and the directorate.</summary>
    private static async Task<IResult> EnvelopeAsync(List<StoredObject> rows, TaxiiQuery query, Caller caller, ThreatShareDb db, AuditLog audit, CancellationToken ct)
    {
        bool more = rows.Count > query.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        string? directorate = null;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (rows.Count > 0)
            {
                writer.WriteBoolean("more", more);
                if (more)
                {
                    writer.WriteString("next", query.NextAfter(rows[^1].Sequence ?? 0));
                }
                writer.WriteStartArray("objects");
                foreach (var row in rows)
                {
                    if (row.Anonymous && !caller.Organization.IsDirectorate && row.SubmitterOrganizationId != caller.Organization.Id)
                    {
                        directorate ??= await db.DirectorateIdentityAsync(ct);
                        writer.WriteRawValue(ObjectProjection.AttributedTo(row.Json, directorate), skipInputValidation: true);
                    }
                    else
                    {
                        writer.WriteRawValue(row.Json, skipInputValidation: true);
                    }
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        await audit.RecordAsync("taxii", [.. rows.Where(r => r.Tlp == Tlp.Red).Select(r => r.StixId)], ct);
        return WithDates(new TaxiiResults.Bytes(buffer.WrittenSpan.ToArray(), StatusCodes.Status200OK, null), rows.Select(r => r.AddedAt).ToList());
    }

    private static TaxiiResults.Bytes WithDates(TaxiiResults.Bytes result, List<DateTime> added)
    {
        if (added.Count > 0)
        {
            result.Headers[DateAddedFirst] = TaxiiTime.DateAdded(added[0]);
            result.Headers[DateAddedLast] = TaxiiTime.DateAdded(added[^1]);
        }
        return result;
    }
}
