using System.Text.Json.Nodes;
using static ThreatShare.Stix.Tests.Validation.ValidationAssert;

namespace ThreatShare.Stix.Tests.Validation;

public sealed class TypeRuleTests
{
    private static string Sample(string type) => Samples.EveryType[type];

    [Fact]
    public void Indicator_ValidUntil_MustBeAfterValidFrom() =>
        HasError(ValidateWith(Samples.YaraIndicator, o => o["valid_until"] = "2014-02-20T09:00:00Z"), "$.valid_until", "later than 'valid_from'");

    [Fact]
    public void Indicator_RequiresPattern() =>
        HasError(ValidateWith(Samples.YaraIndicator, o => o.Remove("pattern")), "$.pattern", "required");

    [Fact]
    public void Indicator_UnknownPatternType_IsWarning()
    {
        var result = ValidateWith(Samples.YaraIndicator, o => o["pattern_type"] = "my-language");
        Valid(result);
        HasWarning(result, "$.pattern_type", "pattern-type-ov");
    }

    [Fact]
    public void Indicator_UnknownIndicatorType_IsWarning_WithIndexInPath()
    {
        var result = ValidateWith(Samples.YaraIndicator, o => o["indicator_types"] = new JsonArray("benign", "weird"));
        Valid(result);
        HasWarning(result, "$.indicator_types[1]", "indicator-type-ov");
    }

    [Fact]
    public void Indicator_BrokenStixPattern_IsReportedAtPattern()
    {
        var result = ValidateWith(Samples.Indicator, o => o["pattern"] = "[file:name = 'x'");
        var issue = HasError(result, "$.pattern");
        Assert.Contains("line", issue.Message, StringComparison.Ordinal);
        Assert.Contains("column", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opinion_IsClosedVocabulary() =>
        HasError(ValidateWith(Sample("opinion"), o => o["opinion"] = "maybe"), "$.opinion", "opinion-enum");

    [Fact]
    public void ObservedData_NumberObserved_Range()
    {
        HasError(ValidateWith(Sample("observed-data"), o => o["number_observed"] = 0), "$.number_observed", "between 1 and 999999999");
        HasError(ValidateWith(Sample("observed-data"), o => o["number_observed"] = 1_000_000_000), "$.number_observed");
        Valid(ValidateWith(Sample("observed-data"), o => o["number_observed"] = 999_999_999));
    }

    [Fact]
    public void ObservedData_LastObserved_NotBeforeFirst() =>
        HasError(ValidateWith(Sample("observed-data"), o => o["last_observed"] = "2015-12-20T19:00:00Z"), "$.last_observed", "earlier");

    [Fact]
    public void ObservedData_ObjectsAndObjectRefs_AreExclusive()
    {
        var result = ValidateWith(Sample("observed-data"), o => o["objects"] = JsonNode.Parse("""{"0":{"type":"ipv4-addr","value":"1.2.3.4"}}"""));
        HasError(result, "$.object_refs", "not both");
        HasWarning(result, "$.objects", "deprecated");
    }

    [Fact]
    public void ObservedData_NeedsObjectsOrObjectRefs() =>
        HasError(ValidateWith(Sample("observed-data"), o => o.Remove("object_refs")), "$", "one of 'objects' or 'object_refs'");

    [Fact]
    public void ObservedData_ObjectRefs_MustBeScoOrRelationship() =>
        HasError(ValidateWith(Sample("observed-data"), o => o["object_refs"] = new JsonArray("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")),
            "$.object_refs[0]", "cyber-observable");

    [Fact]
    public void Sighting_WhereSightedRefs_MustBeIdentityOrLocation() =>
        HasError(ValidateWith(Sample("sighting"), o => o["where_sighted_refs"] = new JsonArray("malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b")),
            "$.where_sighted_refs[0]", "identity or location");

    [Fact]
    public void Sighting_SightingOfRef_MustBeSdo() =>
        HasError(ValidateWith(Sample("sighting"), o => o["sighting_of_ref"] = "file--e277603e-1060-5ad4-9937-c26c97f1ca68"),
            "$.sighting_of_ref", "domain object");

    [Fact]
    public void Sighting_SightingOfRef_AcceptsCustomSdoType() =>
        Valid(ValidateWith(Sample("sighting"), o => o["sighting_of_ref"] = "x-my-thing--31b940d4-6f7f-459a-80ea-9c1f17b5891b"));

    [Fact]
    public void Sighting_Count_Range() =>
        HasError(ValidateWith(Sample("sighting"), o => o["count"] = 1_000_000_000), "$.count");

    [Fact]
    public void Sighting_LastSeen_NotBeforeFirstSeen() =>
        HasError(ValidateWith(Sample("sighting"), o => o["last_seen"] = "2015-01-01T00:00:00Z"), "$.last_seen");

    [Fact]
    public void Campaign_LastSeen_NotBeforeFirstSeen() =>
        HasError(ValidateWith(Sample("campaign"), o => o["last_seen"] = "2015-01-01T00:00:00Z"), "$.last_seen", "earlier than 'first_seen'");

    [Fact]
    public void Relationship_TargetRef_CannotBeMarking() =>
        HasError(ValidateWith(Sample("relationship"), o => o["target_ref"] = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"),
            "$.target_ref", "domain or cyber-observable");

    [Fact]
    public void Relationship_StopTime_MustBeAfterStartTime() =>
        HasError(ValidateWith(Sample("relationship"), o => { o["start_time"] = "2016-01-01T00:00:00Z"; o["stop_time"] = "2016-01-01T00:00:00Z"; }),
            "$.stop_time", "later");

    [Fact]
    public void Relationship_Type_MustBeLowercaseHyphenated() =>
        HasError(ValidateWith(Sample("relationship"), o => o["relationship_type"] = "Uses_Thing"), "$.relationship_type");

    [Fact]
    public void Malware_IsFamilyRequired() =>
        HasError(ValidateWith(Sample("malware"), o => o.Remove("is_family")), "$.is_family", "required");

    [Fact]
    public void Malware_FamilyNeedsName() =>
        HasError(ValidateWith(Sample("malware"), o => { o["is_family"] = true; o.Remove("name"); }), "$.name", "is_family");

    [Fact]
    public void Malware_SampleRefs_FileOrArtifact() =>
        HasError(ValidateWith(Sample("malware"), o => o["sample_refs"] = new JsonArray("url--c1477287-23ac-5971-a010-5c287877fa60")),
            "$.sample_refs[0]", "file or artifact");

    [Fact]
    public void MalwareAnalysis_NeedsResultOrScoRefs() =>
        HasError(ValidateWith(Sample("malware-analysis"), o => { o.Remove("result"); o.Remove("analysis_sco_refs"); }), "$", "at least one of result");

    [Fact]
    public void Location_Latitude_Range() =>
        HasError(ValidateWith(Sample("location"), o => o["latitude"] = 91.0), "$.latitude", "between -90 and 90");

    [Fact]
    public void Location_LatitudeWithoutLongitude_IsError() =>
        HasError(ValidateWith(Sample("location"), o => o.Remove("longitude")), "$.longitude", "together");

    [Fact]
    public void Location_Empty_IsError() =>
        HasError(ValidateWith(Sample("location"), o => { o.Remove("longitude"); o.Remove("latitude"); o.Remove("region"); }), "$", "at least one of 'region'");

    [Fact]
    public void Report_RequiresPublished() =>
        HasError(ValidateWith(Sample("report"), o => o.Remove("published")), "$.published", "required");

    [Fact]
    public void Grouping_EmptyObjectRefs_IsError() =>
        HasError(ValidateWith(Sample("grouping"), o => o["object_refs"] = new JsonArray()), "$.object_refs", "empty");

    [Fact]
    public void Identity_UnknownSector_IsWarning()
    {
        var result = ValidateWith(Sample("identity"), o => o["sectors"] = new JsonArray("space-piracy"));
        Valid(result);
        HasWarning(result, "$.sectors[0]", "industry-sector-ov");
    }

    [Fact]
    public void MarkingDefinition_Tlp_MustUseFixedId() =>
        HasError(ValidateWith(Sample("marking-definition"), o => o["id"] = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"),
            "$.id", "TLP:GREEN");

    [Fact]
    public void MarkingDefinition_Tlp_UnknownLevel_IsError() =>
        HasError(ValidateWith(Sample("marking-definition"), o => o["definition"] = JsonNode.Parse("""{"tlp":"purple"}""")),
            "$.definition.tlp", "purple");

    [Fact]
    public void MarkingDefinition_Statement_IsValid() =>
        Valid(Validate("""{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--d81f86b9-975b-4c0b-875e-810c5ad45a4f","created":"2017-04-14T13:07:49.812Z","definition_type":"statement","definition":{"statement":"Copyright (c) Stark Industries."}}"""));

    [Fact]
    public void MarkingDefinition_Statement_NeedsStatement() =>
        HasError(Validate("""{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--d81f86b9-975b-4c0b-875e-810c5ad45a4f","created":"2017-04-14T13:07:49.812Z","definition_type":"statement","definition":{}}"""),
            "$.definition.statement", "required");

    [Fact]
    public void MarkingDefinition_Tlp2Extension_IsValid() =>
        Valid(Validate("""{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb","created":"2022-10-01T00:00:00.000Z","name":"TLP:GREEN","extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension","tlp_2_0":"green"}}}"""));

    [Fact]
    public void MarkingDefinition_Tlp2Extension_RejectsUnknownLevel() =>
        HasError(Validate("""{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb","created":"2022-10-01T00:00:00.000Z","name":"TLP:GREEN","extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension","tlp_2_0":"white"}}}"""),
            "$.extensions['extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'].tlp_2_0");

    [Fact]
    public void ExtensionDefinition_ExtensionTypes_IsClosed() =>
        HasError(ValidateWith(Sample("extension-definition"), o => o["extension_types"] = new JsonArray("new-thing")),
            "$.extension_types[0]", "extension-type-enum");

    [Fact]
    public void ExtensionDefinition_ToplevelNeedsExtensionProperties() =>
        HasError(ValidateWith(Sample("extension-definition"), o => o["extension_types"] = new JsonArray("toplevel-property-extension")),
            "$.extension_properties", "required");

    [Fact]
    public void LanguageContent_KeysMustBeLanguageTags() =>
        HasError(ValidateWith(Sample("language-content"), o => o["contents"] = JsonNode.Parse("""{"german":{"name":"x"}}""")),
            "$.contents.german", "language tags");

    // ---- SCOs ----

    [Fact]
    public void File_NeedsHashesOrName() =>
        HasError(ValidateWith(Samples.File, o => { o.Remove("hashes"); o.Remove("name"); }), "$", "at least one of hashes, name");

    [Theory]
    [InlineData("MD5", "abc", "32")]
    [InlineData("SHA-1", "0123456789abcdef0123456789abcdef0123456z", "40")]
    [InlineData("SHA-256", "00", "64")]
    [InlineData("SHA-512", "00", "128")]
    public void Hashes_ValueMustMatchAlgorithm(string algorithm, string value, string length) =>
        HasError(ValidateWith(Samples.File, o => o["hashes"] = new JsonObject { [algorithm] = value }),
            algorithm.Contains('-') ? $"$.hashes['{algorithm}']" : $"$.hashes.{algorithm}", length);

    [Fact]
    public void Hashes_Md5_IsValid() =>
        Valid(ValidateWith(Samples.File, o => o["hashes"] = new JsonObject { ["MD5"] = "3773a88f65a5e780c8dff9cdc3a056f3" }));

    [Fact]
    public void Hashes_UnknownAlgorithm_IsWarning()
    {
        var result = ValidateWith(Samples.File, o => o["hashes"] = new JsonObject { ["x_blake3"] = "abcd" });
        Valid(result);
        HasWarning(result, "$.hashes.x_blake3", "hashing-algorithm-ov");
    }

    [Fact]
    public void Hashes_Empty_IsError() =>
        HasError(ValidateWith(Samples.File, o => o["hashes"] = new JsonObject()), "$.hashes", "at least one");

    [Fact]
    public void File_Size_MustNotBeNegative() =>
        HasError(ValidateWith(Samples.File, o => o["size"] = -1), "$.size", "at least 0");

    [Fact]
    public void File_ArchiveExt_IsValidated() =>
        HasError(ValidateWith(Samples.File, o => o["extensions"] = JsonNode.Parse("""{"archive-ext":{"comment":"x"}}""")),
            "$.extensions['archive-ext'].contains_refs", "required");

    [Fact]
    public void File_PeBinaryExt_ClosedAndOpen() =>
        HasWarning(ValidateWith(Samples.File, o => o["extensions"] = JsonNode.Parse("""{"windows-pebinary-ext":{"pe_type":"elf"}}""")),
            "$.extensions['windows-pebinary-ext'].pe_type", "windows-pebinary-type-ov");

    [Fact]
    public void File_PeBinaryExt_SectionNeedsName() =>
        HasError(ValidateWith(Samples.File, o => o["extensions"] = JsonNode.Parse("""{"windows-pebinary-ext":{"pe_type":"exe","sections":[{"size":1}]}}""")),
            "$.extensions['windows-pebinary-ext'].sections[0].name", "required");

    [Fact]
    public void PredefinedExtension_OnWrongType_IsError() =>
        HasError(ValidateWith(Sample("url"), o => o["extensions"] = JsonNode.Parse("""{"archive-ext":{"contains_refs":["file--e277603e-1060-5ad4-9937-c26c97f1ca68"]}}""")),
            "$.extensions['archive-ext']", "file objects only");

    [Fact]
    public void NetworkTraffic_Port_Range() =>
        HasError(ValidateWith(Sample("network-traffic"), o => o["dst_port"] = 70000), "$.dst_port", "between 0 and 65535");

    [Fact]
    public void NetworkTraffic_SocketExt_AddressFamilyIsClosed() =>
        HasError(ValidateWith(Sample("network-traffic"), o => o["extensions"] = JsonNode.Parse("""{"socket-ext":{"address_family":"AF_MARS"}}""")),
            "$.extensions['socket-ext'].address_family", "network-socket-address-family-enum");

    [Fact]
    public void NetworkTraffic_NeedsSrcOrDst() =>
        HasError(ValidateWith(Sample("network-traffic"), o => { o.Remove("src_ref"); o.Remove("dst_ref"); }), "$", "src_ref");

    [Fact]
    public void NetworkTraffic_IcmpHex_MustBeHex() =>
        HasError(ValidateWith(Sample("network-traffic"), o => o["extensions"] = JsonNode.Parse("""{"icmp-ext":{"icmp_type_hex":"0g","icmp_code_hex":"00"}}""")),
            "$.extensions['icmp-ext'].icmp_type_hex", "hexadecimal");

    [Fact]
    public void EmailMessage_MultipartWithBody_IsError() =>
        HasError(ValidateWith(Sample("email-message"), o => o["body"] = "hello"), "$.body", "is_multipart");

    [Fact]
    public void EmailMessage_MimePart_NeedsBodyOrRawRef() =>
        HasError(ValidateWith(Sample("email-message"), o => o["body_multipart"] = JsonNode.Parse("""[{"content_type":"text/plain"}]""")),
            "$.body_multipart[0]", "one of 'body' or 'body_raw_ref'");

    [Fact]
    public void Artifact_PayloadAndUrl_IsError() =>
        HasError(ValidateWith(Sample("artifact"), o => o["url"] = "https://example.com/a.zip"), "$.url", "not both");

    [Fact]
    public void Artifact_PayloadMustBeBase64() =>
        HasError(ValidateWith(Sample("artifact"), o => o["payload_bin"] = "not base64!"), "$.payload_bin", "base64");

    [Fact]
    public void Artifact_EncryptionAlgorithm_IsClosed() =>
        HasError(ValidateWith(Sample("artifact"), o => o["encryption_algorithm"] = "rot13"), "$.encryption_algorithm", "encryption-algorithm-enum");

    [Fact]
    public void MacAddr_MustBeLowercaseColonForm() =>
        HasError(ValidateWith(Sample("mac-addr"), o => o["value"] = "D2-FB-49-24-37-18"), "$.value", "MAC");

    [Fact]
    public void DomainName_ResolvesTo_MustBeAddressOrDomain() =>
        HasError(ValidateWith(Sample("domain-name"), o => o["resolves_to_refs"] = new JsonArray("url--c1477287-23ac-5971-a010-5c287877fa60")),
            "$.resolves_to_refs[0]", "ipv4-addr, ipv6-addr or domain-name");

    [Fact]
    public void Process_WithOnlyCommonProperties_IsError() =>
        HasError(Validate("""{"type":"process","spec_version":"2.1","id":"process--f52a906a-0dfc-40bd-92f1-e7778ead38a9"}"""), "$", "at least one property");

    [Fact]
    public void Process_WindowsProcessExt_IntegrityLevelIsClosed() =>
        HasError(ValidateWith(Sample("process"), o => o["extensions"] = JsonNode.Parse("""{"windows-process-ext":{"integrity_level":"ultra"}}""")),
            "$.extensions['windows-process-ext'].integrity_level", "windows-integrity-level-enum");

    [Fact]
    public void RegistryKey_DataType_IsClosed() =>
        HasError(ValidateWith(Sample("windows-registry-key"), o => o["values"] = JsonNode.Parse("""[{"name":"a","data_type":"REG_TEXT"}]""")),
            "$.values[0].data_type", "windows-registry-datatype-enum");

    [Fact]
    public void UserAccount_UnixExt_GidMustBeInteger() =>
        HasError(ValidateWith(Sample("user-account"), o => o["extensions"] = JsonNode.Parse("""{"unix-account-ext":{"gid":"1001"}}""")),
            "$.extensions['unix-account-ext'].gid", "integer");

    [Fact]
    public void X509_ValidityOrder() =>
        HasError(ValidateWith(Sample("x509-certificate"), o => o["validity_not_after"] = "2015-01-01T00:00:00Z"), "$.validity_not_after", "earlier");
}

public sealed class ShouldRuleTests
{
    [Fact]
    public void NetworkTraffic_UppercaseProtocol_IsWarning()
    {
        var result = ValidationAssert.ValidateWith(Samples.EveryType["network-traffic"], o => o["protocols"] = new JsonArray("ipv4", "TCP"));
        ValidationAssert.Valid(result);
        ValidationAssert.HasWarning(result, "$.protocols[1]", "lowercase");
    }

    [Fact]
    public void Location_CountryNotIsoCode_IsWarning()
    {
        var result = ValidationAssert.ValidateWith(Samples.EveryType["location"], o => o["country"] = "France");
        ValidationAssert.Valid(result);
        ValidationAssert.HasWarning(result, "$.country", "ISO 3166-1");
    }
}

public sealed class ReservedPropertyTests
{
    [Theory]
    [InlineData("action_type")]
    [InlineData("os_execution_envs")]
    public void CourseOfAction_ReservedProperty_IsError(string name) =>
        ValidationAssert.HasError(ValidationAssert.ValidateWith(Samples.EveryType["course-of-action"], o => o[name] = "x"), "$." + name, "reserved");
}
