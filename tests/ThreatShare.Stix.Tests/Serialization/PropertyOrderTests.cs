namespace ThreatShare.Stix.Tests.Serialization;

public sealed class PropertyOrderTests
{
    [Fact]
    public void Serialize_IndicatorWithEveryCommonProperty_UsesTheStableOrder()
    {
        var indicator = new Indicator
        {
            Id = StixIdentifier.Parse("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
            CustomProperties = new Dictionary<string, System.Text.Json.JsonElement> { ["x_acme"] = System.Text.Json.JsonDocument.Parse("1").RootElement },
            Extensions = new Dictionary<string, StixExtension>
            {
                ["extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e"] = new RawStixExtension(System.Text.Json.JsonDocument.Parse("""{"extension_type":"property-extension"}""").RootElement),
            },
            GranularMarkings = [new GranularMarking { Lang = "en", Selectors = ["name"] }],
            ObjectMarkingRefs = [TlpMarking.Green.Id],
            ExternalReferences = [new ExternalReference { SourceName = "acme" }],
            Lang = "en",
            Confidence = 80,
            Labels = ["x"],
            Revoked = false,
            KillChainPhases = [new KillChainPhase { KillChainName = "k", PhaseName = "p" }],
            ValidUntil = StixTimestamp.Parse("2017-01-01T00:00:00Z"),
            ValidFrom = StixTimestamp.Parse("2016-01-01T00:00:00Z"),
            PatternVersion = "2.1",
            PatternType = "stix",
            Pattern = "[ipv4-addr:value = '198.51.100.1']",
            IndicatorTypes = ["malicious-activity"],
            Description = "d",
            Name = "n",
            Modified = StixTimestamp.Parse("2016-04-06T20:03:48.000Z"),
            Created = StixTimestamp.Parse("2016-04-06T20:03:48.000Z"),
            CreatedByRef = StixIdentifier.Parse("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"),
        };

        string json = StixJson.Serialize(indicator);

        Assert.Equal(
            [
                "type", "spec_version", "id", "created_by_ref", "created", "modified",
                "name", "description", "indicator_types", "pattern", "pattern_type", "pattern_version", "valid_from", "valid_until", "kill_chain_phases",
                "revoked", "labels", "confidence", "lang", "external_references", "object_marking_refs", "granular_markings",
                "extensions", "x_acme",
            ],
            JsonAssert.PropertyNames(json));
    }

    [Fact]
    public void Serialize_Sighting_PutsOwnPropertiesInSpecOrder()
    {
        var sighting = new Sighting
        {
            Id = StixIdentifier.Parse("sighting--ee20065d-2555-424f-ad9e-0f8428623c75"),
            Created = StixTimestamp.Parse("2016-04-06T20:08:31.000Z"),
            Modified = StixTimestamp.Parse("2016-04-06T20:08:31.000Z"),
            Summary = true,
            WhereSightedRefs = [StixIdentifier.Parse("identity--b67d30ff-02ac-498a-92f9-32f845f448ff")],
            SightingOfRef = StixIdentifier.Parse("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
            Count = 3,
            Description = "seen",
        };

        Assert.Equal(
            ["type", "spec_version", "id", "created", "modified", "description", "count", "sighting_of_ref", "where_sighted_refs", "summary"],
            JsonAssert.PropertyNames(StixJson.Serialize(sighting)));
    }

    [Fact]
    public void Serialize_InputInAnyOrder_GivesTheSameText()
    {
        string a = """
            {"type":"relationship","spec_version":"2.1","id":"relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e",
             "created":"2016-04-06T20:06:37.000Z","modified":"2016-04-06T20:06:37.000Z","relationship_type":"indicates",
             "source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","target_ref":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"}
            """;
        string b = """
            {"target_ref":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b","source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "relationship_type":"indicates","modified":"2016-04-06T20:06:37.000Z","created":"2016-04-06T20:06:37.000Z",
             "id":"relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e","spec_version":"2.1","type":"relationship"}
            """;

        Assert.Equal(StixJson.Serialize(StixJson.Deserialize(a)), StixJson.Serialize(StixJson.Deserialize(b)));
        Assert.Equal(JsonAssert.Compact(a), StixJson.Serialize(StixJson.Deserialize(b)));
    }
}

public sealed class TextEscapingTests
{
    [Fact]
    public void Serialize_PatternQuotesAndNonAscii_AreWrittenAsIs()
    {
        string json = """
            {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"Überfall <b>&",
             "pattern":"[file:hashes.'SHA-256' = 'aa' AND file:size > 10]","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"}
            """;

        string written = StixJson.Serialize(StixJson.Deserialize(json));

        Assert.Contains("\"name\":\"Überfall <b>&\"", written, StringComparison.Ordinal);
        Assert.Contains("\"pattern\":\"[file:hashes.'SHA-256' = 'aa' AND file:size > 10]\"", written, StringComparison.Ordinal);
    }
}
