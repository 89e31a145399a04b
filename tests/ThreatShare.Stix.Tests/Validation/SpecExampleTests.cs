using System.Text.Json.Nodes;
using static ThreatShare.Stix.Tests.Validation.ValidationAssert;

namespace ThreatShare.Stix.Tests.Validation;

public sealed class SpecExampleTests
{
    public static TheoryData<string> Types() => [.. Samples.EveryType.Keys];

    [Theory]
    [MemberData(nameof(Types))]
    public void SpecExample_IsValid(string type) => Valid(Validate(Samples.EveryType[type]));

    [Fact]
    public void Samples_CoverEveryStixType()
    {
        // 19 SDOs + 2 SROs + 18 SCOs + 3 meta objects.
        Assert.Equal(42, Samples.EveryType.Count);
    }

    [Fact]
    public void Bundle_OfEveryType_IsValid()
    {
        var objects = new JsonArray();
        foreach (string json in Samples.EveryType.Values)
        {
            objects.Add(JsonNode.Parse(json));
        }
        var bundle = new JsonObject
        {
            ["type"] = "bundle",
            ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
            ["objects"] = objects,
        };
        Valid(Validate(bundle));
    }

    [Fact]
    public void Indicator_WithStixPattern_IsValid() => Valid(Validate(Samples.Indicator));

    [Fact]
    public void Sco_WithoutSpecVersion_IsValid() =>
        Valid(ValidateWith(Samples.File, o => o.Remove("spec_version")));

    [Fact]
    public void SpecExample_HasNoWarningsAboutUnknownProperties()
    {
        foreach (string json in Samples.EveryType.Values)
        {
            var result = Validate(json);
            Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("is not a property", StringComparison.Ordinal));
        }
    }
}
