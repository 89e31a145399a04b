using System.Text.Json;

namespace ThreatShare.Stix.Tests.Serialization;

public sealed class LosslessRoundTripTests
{
    private const string Header = """
        "type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z"
        """;

    private const string Body = """
        "pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"
        """;

    [Fact]
    public void RoundTrip_CustomProperties_AreKeptInTheirOrderAfterKnownOnes()
    {
        string json = "{\"x_zeta\":\"z\"," + Header + ",\"x_alpha\":{\"nested\":[1,{\"deep\":true}]}," + Body + ",\"x_mid\":null}";

        var obj = StixJson.Deserialize(json);
        string written = StixJson.Serialize(obj);

        Assert.Equal(["x_zeta", "x_alpha", "x_mid"], obj.CustomProperties!.Keys);
        Assert.Equal(["x_zeta", "x_alpha", "x_mid"], JsonAssert.PropertyNames(written).TakeLast(3));
        JsonAssert.SemanticallyEqual(json, written);
    }

    [Theory]
    [InlineData("1.50")]
    [InlineData("1e3")]
    [InlineData("-0.0")]
    [InlineData("12345678901234567890123456789")]
    [InlineData("1.0000000000000000000000001")]
    public void RoundTrip_NumbersInCustomProperties_KeepTheirText(string number)
    {
        string json = "{" + Header + "," + Body + ",\"x_number\":" + number + "}";

        string written = StixJson.Serialize(StixJson.Deserialize(json));

        Assert.EndsWith("\"x_number\":" + number + "}", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("48.8566", "2.3522", "1000.0")]
    [InlineData("48.0", "-2.50", "0")]
    [InlineData("-90", "180", "12.000")]
    public void RoundTrip_LocationCoordinates_KeepTheirDigits(string latitude, string longitude, string precision)
    {
        string json = $$"""
            {"type":"location","spec_version":"2.1","id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
             "created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z",
             "latitude":{{latitude}},"longitude":{{longitude}},"precision":{{precision}}}
            """;

        string written = StixJson.Serialize(StixJson.Deserialize(json));

        Assert.Contains($"\"latitude\":{latitude},\"longitude\":{longitude},\"precision\":{precision}", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2016-04-06T20:03:48Z")]
    [InlineData("2016-04-06T20:03:48.1Z")]
    [InlineData("2016-04-06T20:03:48.000Z")]
    [InlineData("2016-04-06T20:03:48.123456Z")]
    [InlineData("2016-04-06T20:03:48.100000000Z")]
    [InlineData("2016-04-06T20:03:48.123456789Z")]
    public void RoundTrip_Timestamps_KeepTheirPrecision(string timestamp)
    {
        string json = $$"""
            {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created":"{{timestamp}}","modified":"{{timestamp}}",{{Body.Replace("2016-01-01T00:00:00Z", timestamp, StringComparison.Ordinal)}}}
            """;

        var indicator = StixJson.Deserialize<Indicator>(json);
        string written = StixJson.Serialize(indicator);

        Assert.Equal(timestamp, indicator.Created.ToString());
        Assert.Contains($"\"created\":\"{timestamp}\",\"modified\":\"{timestamp}\"", written, StringComparison.Ordinal);
        Assert.Contains($"\"valid_from\":\"{timestamp}\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_UnknownExtensions_AreKeptRawAndInOrder()
    {
        string extensions = """
            {"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"property-extension","rank":5,"toxicity":8.50},
             "x-acme-ext":{"list":[1,2,3],"flag":false}}
            """;
        string json = "{" + Header + "," + Body + ",\"extensions\":" + extensions + "}";

        var obj = StixJson.Deserialize(json);
        string written = StixJson.Serialize(obj);

        Assert.Equal(["extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e", "x-acme-ext"], obj.Extensions!.Keys);
        var raw = Assert.IsType<RawStixExtension>(obj.Extensions["extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e"]);
        Assert.Equal("property-extension", raw.ExtensionType);
        Assert.Contains("\"extensions\":" + JsonAssert.Compact(extensions), written, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_ToplevelPropertyExtension_PropertiesAreKept()
    {
        string json = "{" + Header + "," + Body + """
            ,"extensions":{"extension-definition--a932fcc6-e032-476c-826f-cb970a5a1ade":{"extension_type":"toplevel-property-extension"}},
            "rank":5,"toxicity":8}
            """;

        var obj = StixJson.Deserialize(json);

        Assert.Equal(5, obj.CustomProperties!["rank"].GetInt32());
        JsonAssert.SemanticallyEqual(json, StixJson.Serialize(obj));
    }

    [Fact]
    public void RoundTrip_CustomObjectType_KeepsEverything()
    {
        string json = """
            {"id":"x-acme-widget--4527e5de-8572-446a-a57a-706f15467461","spec_version":"2.1","type":"x-acme-widget",
             "created":"2016-04-06T20:03:48.123456Z","widget_count":10.0,"object_marking_refs":["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"],
             "extensions":{"extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62":{"extension_type":"new-sdo"}}}
            """;

        var obj = Assert.IsType<CustomStixObject>(StixJson.Deserialize(json));
        string written = StixJson.Serialize(obj);

        Assert.Equal("x-acme-widget", obj.Type);
        Assert.Equal("x-acme-widget--4527e5de-8572-446a-a57a-706f15467461", obj.Id.Value);
        Assert.True(obj.TryGetProperty("widget_count", out var count));
        Assert.Equal("10.0", count.GetRawText());
        Assert.Equal(["type", "spec_version", "id", "created", "widget_count", "object_marking_refs", "extensions"], JsonAssert.PropertyNames(written));
        JsonAssert.SemanticallyEqual(json, written);
    }

    [Fact]
    public void RoundTrip_CustomPropertiesOfNestedTypes_AreKept()
    {
        string json = "{" + Header + "," + Body + """
            ,"kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"execution","x_weight":0.5}],
            "external_references":[{"source_name":"cve","external_id":"CVE-2016-1234","hashes":{"SHA-256":"aa","MD5":"bb"},"x_note":"n"}],
            "granular_markings":[{"marking_ref":"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9","selectors":["pattern"],"x_why":1}]}
            """;

        var indicator = StixJson.Deserialize<Indicator>(json);
        string written = StixJson.Serialize(indicator);

        Assert.Equal(["SHA-256", "MD5"], indicator.ExternalReferences![0].Hashes!.Keys);
        Assert.Equal(0.5, indicator.KillChainPhases![0].CustomProperties!["x_weight"].GetDouble());
        JsonAssert.SemanticallyEqual(json, written);
    }

    [Fact]
    public void RoundTrip_ExplicitFalseAndZero_AreWritten()
    {
        string json = "{" + Header + "," + Body + ",\"revoked\":false,\"confidence\":0}";

        string written = StixJson.Serialize(StixJson.Deserialize(json));

        Assert.EndsWith("\"revoked\":false,\"confidence\":0}", written, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_NonAsciiText_IsKept()
    {
        string json = "{" + Header + "," + Body + ",\"name\":\"Überfall — 攻撃 \\u0001 \\\"quoted\\\"\"}";

        var indicator = StixJson.Deserialize<Indicator>(json);
        var again = StixJson.Deserialize<Indicator>(StixJson.Serialize(indicator));

        Assert.Equal("Überfall — 攻撃 \u0001 \"quoted\"", again.Name);
    }

    [Fact]
    public void RoundTrip_BundleCustomProperties_AreKept()
    {
        string json = """
            {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","spec_version":"2.0","objects":[],"x_source":"feed"}
            """;

        var bundle = StixJson.DeserializeBundle(json);

        Assert.Empty(bundle.Objects);
        Assert.Equal(["spec_version", "x_source"], bundle.CustomProperties!.Keys);
        JsonAssert.SemanticallyEqual(json, StixJson.Serialize(bundle));
    }

    [Fact]
    public void Deserialize_TypeAnywhereInTheObject_PicksTheType()
    {
        string json = "{" + Body + ",\"created\":\"2016-04-06T20:03:48.000Z\",\"modified\":\"2016-04-06T20:03:48.000Z\"," +
            "\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\",\"x_big\":{\"a\":[[[{\"type\":\"malware\"}]]]},\"type\":\"indicator\"}";

        var obj = StixJson.Deserialize(json);

        Assert.IsType<Indicator>(obj);
        Assert.Equal(JsonValueKind.Object, obj.CustomProperties!["x_big"].ValueKind);
    }
}
