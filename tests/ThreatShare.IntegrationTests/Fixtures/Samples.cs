using System.Text.Json.Nodes;

namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>STIX objects and submission bodies for tests.</summary>
public static class Samples
{
    public static JsonObject Indicator(string? id = null, string modified = "2026-11-01T10:00:00.000Z", string pattern = "[ipv4-addr:value = '45.155.205.7']") => new()
    {
        ["type"] = "indicator",
        ["spec_version"] = "2.1",
        ["id"] = id ?? "indicator--" + Guid.NewGuid(),
        ["created"] = "2026-11-01T10:00:00.000Z",
        ["modified"] = modified,
        ["name"] = "Scanner address",
        ["pattern"] = pattern,
        ["pattern_type"] = "stix",
        ["valid_from"] = "2026-11-01T10:00:00Z",
    };

    public static JsonObject Bundle(params JsonObject[] objects) => new()
    {
        ["type"] = "bundle",
        ["id"] = "bundle--" + Guid.NewGuid(),
        ["objects"] = new JsonArray([.. objects]),
    };

    public static JsonObject Submission(string channel, string tlp, JsonObject bundle, params string[] recipients)
    {
        var body = new JsonObject { ["channel"] = channel, ["tlp"] = tlp, ["bundle"] = bundle };
        if (recipients.Length > 0)
        {
            body["recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]);
        }
        return body;
    }
}
