namespace ThreatShare.Stix.Tests.Serialization;

public sealed class IndicatorJsonTests
{
    private const string SpecIndicator = """
        {
          "type": "indicator",
          "spec_version": "2.1",
          "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
          "created_by_ref": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
          "created": "2016-04-06T20:03:48.000Z",
          "modified": "2016-04-06T20:03:48.000Z",
          "indicator_types": ["malicious-activity"],
          "name": "Poison Ivy Malware",
          "description": "This file is part of Poison Ivy",
          "pattern": "[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
          "pattern_type": "stix",
          "valid_from": "2016-01-01T00:00:00Z"
        }
        """;

    [Fact]
    public void Deserialize_SpecIndicator_ReadsEveryProperty()
    {
        var indicator = Assert.IsType<Indicator>(StixJson.Deserialize(SpecIndicator));

        Assert.Equal("indicator", indicator.Type);
        Assert.Equal("2.1", indicator.SpecVersion);
        Assert.Equal("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", indicator.Id.Value);
        Assert.Equal("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff", indicator.CreatedByRef?.Value);
        Assert.Equal(StixTimestamp.Parse("2016-04-06T20:03:48.000Z"), indicator.Created);
        Assert.Equal(["malicious-activity"], indicator.IndicatorTypes);
        Assert.Equal("Poison Ivy Malware", indicator.Name);
        Assert.Equal("stix", indicator.PatternType);
        Assert.Equal(0, indicator.ValidFrom.Precision);
        Assert.Null(indicator.CustomProperties);
    }

    [Fact]
    public void RoundTrip_SpecIndicator_IsSemanticallyEqual()
    {
        string written = StixJson.Serialize(StixJson.Deserialize(SpecIndicator));

        JsonAssert.SemanticallyEqual(SpecIndicator, written);
    }

    [Fact]
    public void Serialize_WritesStableOrder()
    {
        string json = """
            {"x_b":1,"valid_from":"2016-01-01T00:00:00Z","labels":["a"],"pattern_type":"stix","pattern":"[ipv4-addr:value = '198.51.100.1']",
             "modified":"2016-04-06T20:03:48.000Z","created":"2016-04-06T20:03:48.000Z","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "x_a":{"k":[1.50,2]},"spec_version":"2.1","type":"indicator","revoked":false}
            """;

        string written = StixJson.Serialize(StixJson.Deserialize(json));

        Assert.Equal(
            ["type", "spec_version", "id", "created", "modified", "pattern", "pattern_type", "valid_from", "revoked", "labels", "x_b", "x_a"],
            JsonAssert.PropertyNames(written));
        Assert.Contains("\"x_a\":{\"k\":[1.50,2]}", written, StringComparison.Ordinal);
    }
}
