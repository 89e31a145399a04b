using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using NJsonSchema;

namespace ThreatShare.Stix.Tests.Validation;

/// <summary>What the validator accepts, the official schemas accept too (mutations of valid samples).</summary>
public sealed class SchemaDifferentialTests
{
    private static readonly string[] Types = [.. Samples.EveryType.Keys.Where(t => t is not ("marking-definition" or "indicator"))];

    private static readonly Dictionary<string, JsonSchema> Schemas = Types.ToDictionary(t => t, t =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "stix2.1-schemas", Folder(t), t + ".json")).GetAwaiter().GetResult());

    // Not generated: a granular marking with 'lang' instead of 'marking_ref', which STIX 2.1 allows and the schema rejects.
    private static readonly JsonNode?[] Replacements =
    [
        JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create(true), JsonValue.Create(""),
        JsonValue.Create("x"), JsonValue.Create("abc"), JsonValue.Create("2016-02-28T00:00:00Z"), JsonValue.Create("2016-02-28T00:00:00.123Z"),
        JsonValue.Create("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"), JsonValue.Create("file--e277603e-1060-5ad4-9937-c26c97f1ca68"),
        new JsonArray("abc"), new JsonArray("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"), new JsonObject { ["abc"] = "x" },
        JsonValue.Create(100_000), JsonValue.Create("AA"), new JsonArray(1),
        JsonNode.Parse("""[{"source_name":"x","url":"https://example.com"}]"""), JsonNode.Parse("""[{"source_name":"x"}]"""),
        JsonNode.Parse("""[{"kill_chain_name":"k","phase_name":"p"}]"""), JsonNode.Parse("""{"MD5":"3773a88f65a5e780c8dff9cdc3a056f3"}"""),
        JsonNode.Parse("""{"x_hash":"zz"}"""), JsonNode.Parse("""[{"selectors":["name"]}]"""),
        JsonValue.Create("en"), JsonValue.Create("2.0"), JsonValue.Create("2.1"), JsonValue.Create(3_000_000_000L), JsonValue.Create(65536),
        JsonNode.Parse("""{"x-ext":{"a":1}}"""), JsonNode.Parse("""{"tcp-ext":{"src_flags_hex":"02"}}"""),
        JsonValue.Create("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"), new JsonArray("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"),
        JsonValue.Create("relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e"), JsonValue.Create(-90.5), JsonValue.Create(180.0),
    ];

    private static readonly string[] ExtraNames = ["external_references", "kill_chain_phases", "granular_markings", "object_marking_refs", "first_seen", "last_seen", "start", "end", "src_port", "number", "pid", "is_family", "aliases", "x_extra", "name", "description", "labels", "confidence", "lang", "revoked", "value", "hashes", "size", "count", "created_by_ref", "extensions", "defanged", "spec_version"];

    [Property(MaxTest = 1000)]
    public bool AcceptedByValidator_IsAcceptedBySchema(PositiveInt sample, PositiveInt property, PositiveInt replacement, bool add)
    {
        string type = Types[sample.Get % Types.Length];
        var obj = ValidationAssert.ParseObject(Samples.EveryType[type]);
        var names = obj.Select(p => p.Key).Where(n => n is not ("type" or "id")).ToArray();
        string name = add ? ExtraNames[property.Get % ExtraNames.Length] : names[property.Get % names.Length];
        obj[name] = Replacements[replacement.Get % Replacements.Length]?.DeepClone();
        string json = obj.ToJsonString();
        if (name == "mime_type")
        {
            return true; // The schema enforces the media-type form the specification only recommends (a warning here).
        }
        if (!ValidationAssert.Validate(json).IsValid)
        {
            return true;
        }
        var errors = Schemas[type].Validate(json);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"validator accepts, schema rejects: {json} :: {string.Join(" | ", errors.Select(e => e.ToString().Replace("\n", " ", StringComparison.Ordinal)))}");
        }
        return true;
    }

    private static string Folder(string type) => type switch
    {
        "relationship" or "sighting" => "sros",
        "marking-definition" or "language-content" or "extension-definition" => "common",
        "artifact" or "autonomous-system" or "directory" or "domain-name" or "email-addr" or "email-message" or "file" or "ipv4-addr" or "ipv6-addr"
            or "mac-addr" or "mutex" or "network-traffic" or "process" or "software" or "url" or "user-account" or "windows-registry-key"
            or "x509-certificate" => "observables",
        _ => "sdos",
    };
}
