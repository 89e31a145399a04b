using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Audit;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Problems;

namespace ThreatShare.Server.Features.Objects;

/// <summary>
/// Read paths over stored objects: list, one object, its versions, and the channels. Every query
/// goes through the one visibility decision (<see cref="Visibility.VisibleTo"/>) in the database;
/// an object the caller may not see answers 404 exactly like one that does not exist.
/// </summary>
internal static class ObjectEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapObjects(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/objects", ListAsync).RequireAuthorization();
        app.MapGet("/api/v1/objects/{stixId}", GetAsync).RequireAuthorization();
        app.MapGet("/api/v1/objects/{stixId}/versions", VersionsAsync).RequireAuthorization();
        app.MapGet("/api/v1/channels", ChannelsAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, CallerContext callers, ThreatShareDb db, AuditLog audit,
        string? channel, string? type, DateTimeOffset? added_after, int? limit, string? next, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (Refused(caller, out var refusal))
        {
            return refusal;
        }
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-query", "Invalid query", $"limit must be 1 to {MaxLimit}", [new FieldError("$.limit", $"must be 1 to {MaxLimit}")]);
        }
        long after = 0;
        if (next is not null && !long.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-query", "Invalid query", "next must be a value returned by a previous page", [new FieldError("$.next", "not a page cursor")]);
        }

        var query = db.Objects.AsNoTracking().VisibleTo(caller.Reader).Where(o => o.Key > after);
        if (channel is not null)
        {
            query = query.Where(o => o.Channel == channel);
        }
        if (type is not null)
        {
            query = query.Where(o => o.Type == type);
        }
        if (added_after is { } since)
        {
            var utc = since.UtcDateTime;
            query = query.Where(o => o.AddedAt > utc);
        }
        int take = limit ?? DefaultLimit;
        var rows = await query.OrderBy(o => o.Key).Take(take + 1).ToListAsync(ct);
        bool more = rows.Count > take;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        string directorate = await db.DirectorateIdentityAsync(ct);
        await audit.RecordAsync("objects", [.. rows.Where(r => r.Tlp == Tlp.Red).Select(r => r.StixId)], ct);
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("objects");
            foreach (var row in rows)
            {
                writer.WriteRawValue(ObjectProjection.Render(row, caller.Reader, caller.Organization.IsDirectorate, directorate), skipInputValidation: true);
            }
            writer.WriteEndArray();
            if (more)
            {
                writer.WriteString("next", rows[^1].Key.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNull("next");
            }
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(string stixId, HttpContext http, CallerContext callers, ThreatShareDb db, AuditLog audit, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (Refused(caller, out var refusal))
        {
            return refusal;
        }
        var row = await db.Objects.AsNoTracking().VisibleTo(caller.Reader).Where(o => o.StixId == stixId)
            .OrderByDescending(o => o.Version).ThenByDescending(o => o.Key).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Problems.Problems.NotFound();
        }
        string json = ObjectProjection.Render(row, caller.Reader, caller.Organization.IsDirectorate, await db.DirectorateIdentityAsync(ct));
        await audit.RecordAsync("object", row.Tlp == Tlp.Red ? [row.StixId] : [], ct);
        return Results.Text(json, "application/json");
    }

    private static async Task<IResult> VersionsAsync(string stixId, HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (Refused(caller, out var refusal))
        {
            return refusal;
        }
        var rows = await db.Objects.AsNoTracking().VisibleTo(caller.Reader).Where(o => o.StixId == stixId)
            .OrderBy(o => o.Version).ThenBy(o => o.Key).Select(o => new { o.Json, o.Version }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return Problems.Problems.NotFound();
        }
        // The version as the object states it (modified, else created); observables have no versions of their own.
        var versions = rows.Select(r => ModifiedOf(r.Json)).Where(v => v is not null).Distinct(StringComparer.Ordinal).ToList();
        return Results.Ok(new { versions });
    }

    private static async Task<IResult> ChannelsAsync(HttpContext http, CallerContext callers, ThreatShareDb db, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (Refused(caller, out var refusal))
        {
            return refusal;
        }
        var sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Slug).Select(s => s.Slug).ToListAsync(ct);
        var last = await db.ChannelSequences.AsNoTracking().ToDictionaryAsync(c => c.Channel, c => c.Last, ct);
        var channels = new List<ChannelResponse>();
        foreach (var channel in sectors.Select(Channel.ForSector).Append(Channel.CrossSector).Append(Channel.National))
        {
            bool read = caller.Reader.ReadsChannel(channel.Name);
            bool write = WriteRules.CheckPost(caller.Poster, channel, Tlp.Green, 0) is null;
            if (read || write)
            {
                channels.Add(new ChannelResponse(channel.Name, read, write, last.GetValueOrDefault(channel.Name)));
            }
        }
        return Results.Ok(new { channels });
    }

    /// <summary>No caller: 401. A client without the <c>stix.read</c> scope: 403 (people read by their roles).</summary>
    private static bool Refused([NotNullWhen(false)] Caller? caller, [NotNullWhen(true)] out IResult? refusal)
    {
        refusal = caller is null ? Results.Unauthorized()
            : caller.MayUse(ApiScopes.StixRead) ? null
            : Problems.Problems.Forbidden("this client was not granted the 'stix.read' scope");
        return refusal is not null;
    }

    private static string? ModifiedOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("modified", out var m) ? m.GetString()
            : doc.RootElement.TryGetProperty("created", out var c) ? c.GetString() : null;
    }

    private static IResult Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }
}

/// <summary>A channel the caller may read or write.</summary>
internal sealed record ChannelResponse(string Name, bool CanRead, bool CanWrite, long LastSequence);
