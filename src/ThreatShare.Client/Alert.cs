using System.Globalization;
using System.Text.Json;

namespace ThreatShare.Client;

/// <summary>
/// One alert of a stream, as the server sends it on the hub and over <c>GET /api/v1/alerts</c>:
/// <c>{"stream","sequence","kind","channel","objectId","type","tlp","at","object"}</c>.
/// Sequences are gapless from 1 within a stream; (<see cref="Stream"/>, <see cref="Sequence"/>) identifies an alert.
/// </summary>
/// <param name="Stream">The stream, e.g. <c>channel:sector:finance</c>, <c>org:bank-a</c>, <c>national</c>, <c>moderation:finance</c>.</param>
/// <param name="Sequence">The alert's position in its stream (1, 2, 3, … without gaps).</param>
/// <param name="Kind">What happened: <c>published</c>, <c>revoked</c>, <c>sighting</c>, <c>moderation-decision</c>, <c>pending</c> or <c>national</c>.</param>
/// <param name="Channel">The channel of the object, e.g. <c>sector:finance</c>.</param>
/// <param name="ObjectId">The STIX id of the object, or null (moderation decisions).</param>
/// <param name="Type">The STIX type of the object, or null.</param>
/// <param name="Tlp">The TLP level (<c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber+strict</c>, <c>red</c>), or null.</param>
/// <param name="At">When the alert was written by the server.</param>
/// <param name="Object">The object as this reader may see it (a STIX object, or the decision), or a JSON null.</param>
public sealed record Alert(string Stream, long Sequence, string Kind, string Channel, string? ObjectId, string? Type, string? Tlp, DateTimeOffset At, JsonElement Object)
{
    /// <summary>The whole message exactly as the server sent it, for tools that pass alerts on unchanged.</summary>
    public JsonElement Json { get; init; }

    /// <summary>Reads an alert from the server's JSON shape.</summary>
    /// <param name="json">One alert message.</param>
    /// <returns>The alert; its <see cref="Json"/> is a copy of <paramref name="json"/> that outlives the source document.</returns>
    /// <exception cref="FormatException">The message does not have the alert shape.</exception>
    public static Alert FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("an alert is a JSON object");
        }
        var copy = json.Clone();
        string stream = Text(copy, "stream") ?? throw new FormatException("an alert needs 'stream'");
        string kind = Text(copy, "kind") ?? throw new FormatException("an alert needs 'kind'");
        if (!copy.TryGetProperty("sequence", out var sequence) || sequence.ValueKind != JsonValueKind.Number || !sequence.TryGetInt64(out long number) || number < 1)
        {
            throw new FormatException("an alert needs a positive integer 'sequence'");
        }
        string? at = Text(copy, "at");
        DateTimeOffset when = at is not null && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : throw new FormatException("an alert needs a timestamp 'at'");
        var body = copy.TryGetProperty("object", out var value) ? value : default;
        return new Alert(stream, number, kind, Text(copy, "channel") ?? "", Text(copy, "objectId"), Text(copy, "type"), Text(copy, "tlp"), when, body) { Json = copy };
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>One page of <c>GET /api/v1/alerts</c>.</summary>
/// <param name="Alerts">The alerts after the asked position, in order.</param>
/// <param name="LastSequence">The stream's last sequence now (0 when it has none); the page is the end when its last alert has this number.</param>
public sealed record AlertPage(IReadOnlyList<Alert> Alerts, long LastSequence);

/// <summary>What the server answered to a submission.</summary>
/// <param name="Id">The submission's id.</param>
/// <param name="State">Its state: <c>published</c>, <c>pending</c>, …</param>
/// <param name="Channel">The channel it was posted to.</param>
/// <param name="Objects">The STIX ids it holds.</param>
/// <param name="NeedsReview">True when it was published but a moderator will review it after the fact.</param>
/// <param name="Json">The whole answer (findings included).</param>
public sealed record SubmissionReceipt(Guid Id, string State, string Channel, IReadOnlyList<string> Objects, bool NeedsReview, JsonElement Json);
