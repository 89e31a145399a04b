using NJsonSchema;
using static ThreatShare.Stix.Tests.Validation.ValidationAssert;

namespace ThreatShare.Stix.Tests.Validation;

/// <summary>The test samples are also valid against the official STIX 2.1 JSON schemas (so the test data is sound).</summary>
public sealed class SchemaAgreementTests
{
    // The TLP:GREEN sample is left out: the schema pins its 'created' with an enum, and Newtonsoft (under NJsonSchema)
    // reads the value as a DateTime, so the comparison fails although the text is identical.
    public static TheoryData<string> Types() => [.. Samples.EveryType.Keys.Where(t => t != "marking-definition")];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Sample_IsValid_AgainstOfficialSchema(string type)
    {
        string folder = type switch
        {
            "relationship" or "sighting" => "sros",
            "marking-definition" or "language-content" or "extension-definition" => "common",
            _ => IsSco(type) ? "observables" : "sdos",
        };
        string path = Path.Combine(AppContext.BaseDirectory, "stix2.1-schemas", folder, type + ".json");
        var schema = await JsonSchema.FromFileAsync(path);
        var errors = schema.Validate(Samples.EveryType[type]);
        Assert.True(errors.Count == 0, string.Join(" | ", errors.Select(e => e.ToString())));
        Valid(Validate(Samples.EveryType[type]));
    }

    private static bool IsSco(string type) => type is "artifact" or "autonomous-system" or "directory" or "domain-name" or "email-addr"
        or "email-message" or "file" or "ipv4-addr" or "ipv6-addr" or "mac-addr" or "mutex" or "network-traffic" or "process"
        or "software" or "url" or "user-account" or "windows-registry-key" or "x509-certificate";
}
