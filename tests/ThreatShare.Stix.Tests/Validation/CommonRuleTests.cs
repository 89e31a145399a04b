using System.Text.Json.Nodes;
using static ThreatShare.Stix.Tests.Validation.ValidationAssert;

namespace ThreatShare.Stix.Tests.Validation;

public sealed class CommonRuleTests
{
    private const string Yara = Samples.YaraIndicator;

    [Fact]
    public void SpecVersion_IsRequired_OnSdo() =>
        HasError(ValidateWith(Yara, o => o.Remove("spec_version")), "$.spec_version", "required");

    [Fact]
    public void SpecVersion_IsRequired_OnSro() =>
        HasError(ValidateWith(Samples.EveryType["relationship"], o => o.Remove("spec_version")), "$.spec_version", "required");

    [Fact]
    public void SpecVersion_IsOptional_OnSco() =>
        NoIssueAt(ValidateWith(Samples.File, o => o.Remove("spec_version")), "$.spec_version");

    [Theory]
    [InlineData("2.0")]
    [InlineData("2.1.0")]
    public void SpecVersion_Rejects_OtherVersions(string version) =>
        HasError(ValidateWith(Yara, o => o["spec_version"] = version), "$.spec_version", "2.1");

    [Fact]
    public void Type_IsRequired() =>
        HasError(ValidateWith(Yara, o => o.Remove("type")), "$.type", "required");

    [Theory]
    [InlineData("In")]
    [InlineData("my--type")]
    [InlineData("Indicator")]
    [InlineData("ab")]
    public void Type_Rejects_InvalidNames(string type) =>
        HasError(ValidateWith(Yara, o => o["type"] = type), "$.type", "type name");

    [Fact]
    public void Id_TypePart_MustEqualType() =>
        HasError(ValidateWith(Yara, o => o["id"] = "malware--a932fcc6-e032-476c-826f-cb970a5a1ade"), "$.id", "must equal the object type");

    [Fact]
    public void Id_Rejects_NilUuid() =>
        HasError(ValidateWith(Yara, o => o["id"] = "indicator--00000000-0000-0000-0000-000000000000"), "$.id", "nil UUID");

    [Fact]
    public void Id_Rejects_WrongVariant() =>
        HasError(ValidateWith(Yara, o => o["id"] = "indicator--a932fcc6-e032-476c-c26f-cb970a5a1ade"), "$.id", "variant");

    [Fact]
    public void Id_Rejects_Version0() =>
        HasError(ValidateWith(Yara, o => o["id"] = "indicator--a932fcc6-e032-076c-826f-cb970a5a1ade"), "$.id", "version");

    [Fact]
    public void SdoId_NotVersion4_IsWarning()
    {
        var result = ValidateWith(Yara, o => o["id"] = "indicator--a932fcc6-e032-576c-826f-cb970a5a1ade");
        Valid(result);
        HasWarning(result, "$.id", "UUIDv4");
    }

    [Fact]
    public void ScoId_NotVersion5_IsWarning()
    {
        var result = ValidateWith(Samples.File, o => o["id"] = "file--e277603e-1060-4ad4-9937-c26c97f1ca68");
        Valid(result);
        HasWarning(result, "$.id", "UUIDv5");
    }

    [Theory]
    [InlineData("2016-04-06T20:03:48Z")]
    [InlineData("2016-04-06T20:03:48.1Z")]
    [InlineData("2016-04-06T20:03:48.12Z")]
    public void Created_NeedsMillisecondPrecision(string created) =>
        HasError(ValidateWith(Yara, o => { o["created"] = created; o["modified"] = "2016-04-06T20:03:48.123Z"; }), "$.created", "millisecond");

    [Theory]
    [InlineData("2016-04-06T20:03:48.123Z")]
    [InlineData("2016-04-06T20:03:48.123456Z")]
    public void Created_AcceptsMillisecondOrFinerPrecision(string created) =>
        Valid(ValidateWith(Yara, o => { o["created"] = created; o["modified"] = "2017-01-01T00:00:00.000Z"; }));

    [Fact]
    public void Modified_NeedsMillisecondPrecision() =>
        HasError(ValidateWith(Yara, o => o["modified"] = "2017-04-06T20:03:48Z"), "$.modified", "millisecond");

    [Fact]
    public void ValidFrom_AllowsSecondPrecision() => NoIssueAt(Validate(Yara), "$.valid_from");

    [Theory]
    [InlineData("2016-04-06T20:03:48.000+00:00", "UTC")]
    [InlineData("2016-04-06T20:03:48.000", "Z")]
    [InlineData("2016-04-06t20:03:48.000Z", "T")]
    [InlineData("2016-12-31T23:59:60.000Z", "leap")]
    [InlineData("2016-02-30T00:00:00.000Z", "day")]
    [InlineData("2016-13-01T00:00:00.000Z", "month")]
    public void Timestamp_Rejects(string created, string fragment) =>
        HasError(ValidateWith(Yara, o => o["created"] = created), "$.created", fragment);

    [Fact]
    public void Modified_BeforeCreated_IsError() =>
        HasError(ValidateWith(Yara, o => o["modified"] = "2014-02-20T09:16:08.988Z"), "$.modified", "earlier than 'created'");

    [Fact]
    public void Modified_EqualToCreated_IsValid() => Valid(Validate(Yara));

    [Fact]
    public void CreatedByRef_MustPointToIdentity() =>
        HasError(ValidateWith(Yara, o => o["created_by_ref"] = "malware--a932fcc6-e032-476c-826f-cb970a5a1ade"), "$.created_by_ref", "identity");

    [Fact]
    public void ObjectMarkingRefs_MustPointToMarkingDefinitions() =>
        HasError(ValidateWith(Yara, o => o["object_marking_refs"] = new JsonArray("identity--a932fcc6-e032-476c-826f-cb970a5a1ade")),
            "$.object_marking_refs[0]", "marking-definition");

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Confidence_OutOfRange_IsError(int confidence) =>
        HasError(ValidateWith(Yara, o => o["confidence"] = confidence), "$.confidence", "between 0 and 100");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Confidence_Bounds_AreValid(int confidence) => Valid(ValidateWith(Yara, o => o["confidence"] = confidence));

    [Fact]
    public void Confidence_Fraction_IsError() =>
        HasError(ValidateWith(Yara, o => o["confidence"] = 50.5), "$.confidence", "integer");

    [Fact]
    public void Confidence_String_IsError() =>
        HasError(ValidateWith(Yara, o => o["confidence"] = "50"), "$.confidence", "integer");

    [Theory]
    [InlineData("en")]
    [InlineData("de-CH")]
    [InlineData("zh-Hant-TW")]
    [InlineData("sl-rozaj-biske")]
    [InlineData("x-private")]
    [InlineData("en-US-x-twain")]
    [InlineData("es-419")]
    public void Lang_Accepts_Rfc5646Tags(string lang) => Valid(ValidateWith(Yara, o => o["lang"] = lang));

    [Theory]
    [InlineData("english")]
    [InlineData("en_US")]
    [InlineData("")]
    [InlineData("en-")]
    [InlineData("e")]
    [InlineData("en-a")]
    [InlineData("12")]
    [InlineData("engl")]
    public void Lang_Rejects_NonTags(string lang) =>
        HasError(ValidateWith(Yara, o => o["lang"] = lang), "$.lang", "RFC 5646");

    [Fact]
    public void Revoked_MustBeBoolean() =>
        HasError(ValidateWith(Yara, o => o["revoked"] = "yes"), "$.revoked", "boolean");

    [Fact]
    public void Labels_EmptyList_IsError() =>
        HasError(ValidateWith(Yara, o => o["labels"] = new JsonArray()), "$.labels", "empty list");

    [Fact]
    public void Labels_ItemMustBeString() =>
        HasError(ValidateWith(Yara, o => o["labels"] = new JsonArray("a", 3)), "$.labels[1]", "string");

    [Fact]
    public void ExternalReference_NeedsSourceName() =>
        HasError(ValidateWith(Yara, o => o["external_references"] = JsonNode.Parse("""[{"url":"https://example.com"}]""")),
            "$.external_references[0].source_name", "required");

    [Fact]
    public void ExternalReference_NeedsDescriptionUrlOrExternalId() =>
        HasError(ValidateWith(Yara, o => o["external_references"] = JsonNode.Parse("""[{"source_name":"x"}]""")),
            "$.external_references[0]", "at least one of");

    [Fact]
    public void ExternalReference_Cve_MustLookLikeCve() =>
        HasError(ValidateWith(Yara, o => o["external_references"] = JsonNode.Parse("""[{"source_name":"cve","external_id":"2016-1234"}]""")),
            "$.external_references[0].external_id", "CVE");

    [Fact]
    public void ExternalReference_Hashes_AreChecked() =>
        HasError(ValidateWith(Yara, o => o["external_references"] = JsonNode.Parse("""[{"source_name":"x","url":"https://example.com/a","hashes":{"SHA-256":"abc"}}]""")),
            "$.external_references[0].hashes['SHA-256']", "64 hexadecimal");

    [Fact]
    public void KillChainPhase_NeedsBothNames() =>
        HasError(ValidateWith(Yara, o => o["kill_chain_phases"] = JsonNode.Parse("""[{"kill_chain_name":"lockheed-martin-cyber-kill-chain"}]""")),
            "$.kill_chain_phases[0].phase_name", "required");

    [Fact]
    public void KillChainPhase_UppercaseName_IsWarning() =>
        HasWarning(ValidateWith(Yara, o => o["kill_chain_phases"] = JsonNode.Parse("""[{"kill_chain_name":"Lockheed Martin","phase_name":"recon"}]""")),
            "$.kill_chain_phases[0].kill_chain_name", "lowercase");

    [Fact]
    public void GranularMarking_NeedsSelectors() =>
        HasError(ValidateWith(Yara, o => o["granular_markings"] = JsonNode.Parse("""[{"marking_ref":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"}]""")),
            "$.granular_markings[0].selectors", "required");

    [Fact]
    public void GranularMarking_EmptySelectors_IsError() =>
        HasError(ValidateWith(Yara, o => o["granular_markings"] = JsonNode.Parse("""[{"selectors":[],"lang":"en"}]""")),
            "$.granular_markings[0].selectors", "empty");

    [Fact]
    public void GranularMarking_MarkingRefAndLang_IsError() =>
        HasError(ValidateWith(Yara, o => o["granular_markings"] = JsonNode.Parse("""[{"selectors":["name"],"lang":"en","marking_ref":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"}]""")),
            "$.granular_markings[0]", "not both");

    [Fact]
    public void GranularMarking_NeitherMarkingRefNorLang_IsError() =>
        HasError(ValidateWith(Yara, o => o["granular_markings"] = JsonNode.Parse("""[{"selectors":["name"]}]""")),
            "$.granular_markings[0]", "needs one of");

    [Fact]
    public void GranularMarking_WithLang_IsValid() =>
        Valid(ValidateWith(Yara, o => o["granular_markings"] = JsonNode.Parse("""[{"selectors":["name"],"lang":"fr"}]""")));

    [Fact]
    public void Extensions_Empty_IsError() =>
        HasError(ValidateWith(Yara, o => o["extensions"] = new JsonObject()), "$.extensions", "empty");

    [Fact]
    public void Error_ReportsEveryProblem_NotJustTheFirst()
    {
        var result = ValidateWith(Yara, o =>
        {
            o["confidence"] = 200;
            o["valid_until"] = "2000-01-01T00:00:00Z";
            o["lang"] = "english";
            o.Remove("pattern");
        });
        Assert.True(result.Errors.Count >= 4, string.Join(" | ", result.Errors));
    }
}

public sealed class SelectorTests
{
    [Theory]
    [InlineData("name")]
    [InlineData("indicator_types.[0]")]
    public void Selector_ToPresentProperty_IsValid(string selector) =>
        ValidationAssert.Valid(ValidationAssert.ValidateWith(Samples.YaraIndicator, o => o["granular_markings"] = new JsonArray(
            new JsonObject { ["selectors"] = new JsonArray(selector), ["marking_ref"] = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da" })));

    [Theory]
    [InlineData("nickname")]
    [InlineData("indicator_types.[3]")]
    [InlineData("name.first")]
    [InlineData("indicator_types.[x]")]
    public void Selector_ToMissingProperty_IsError(string selector) =>
        ValidationAssert.HasError(ValidationAssert.ValidateWith(Samples.YaraIndicator, o => o["granular_markings"] = new JsonArray(
            new JsonObject { ["selectors"] = new JsonArray("name", selector), ["marking_ref"] = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da" })),
            "$.granular_markings[0].selectors[1]", "does not refer");
}
