using System.Text.Json.Nodes;
using static ThreatShare.Stix.Tests.Validation.ValidationAssert;

namespace ThreatShare.Stix.Tests.Validation;

public sealed class CustomContentTests
{
    private const string Yara = Samples.YaraIndicator;

    [Fact]
    public void CustomProperty_WithXPrefix_IsValid_WithoutWarning()
    {
        var result = ValidateWith(Yara, o => o["x_acme_score"] = 7);
        Valid(result);
        NoIssueAt(result, "$.x_acme_score");
    }

    [Fact]
    public void CustomProperty_WithoutXPrefix_IsWarning()
    {
        var result = ValidateWith(Yara, o => o["acme_score"] = 7);
        Valid(result);
        HasWarning(result, "$.acme_score", "x_");
    }

    [Theory]
    [InlineData("x_Score", "$.x_Score")]
    [InlineData("x-score", "$['x-score']")]
    [InlineData("xs", "$.xs")]
    [InlineData("x_sc ore", "$['x_sc ore']")]
    public void CustomProperty_InvalidName_IsError(string name, string path) =>
        HasError(ValidateWith(Yara, o => o[name] = 1), path, "custom property name");

    [Fact]
    public void CustomProperty_TooLong_IsError()
    {
        string name = "x_" + new string('a', 249);
        HasError(ValidateWith(Yara, o => o[name] = 1), "$." + name, "250");
    }

    [Fact]
    public void CustomProperty_EmptyList_IsError() =>
        HasError(ValidateWith(Yara, o => o["x_list"] = new JsonArray()), "$.x_list", "empty");

    [Theory]
    [InlineData("severity")]
    [InlineData("phone_numbers")]
    public void ReservedPropertyName_IsError(string name) =>
        HasError(ValidateWith(Yara, o => o[name] = "x"), "$." + name, "reserved");

    [Fact]
    public void CustomObject_IsValid_WithDeprecationWarning()
    {
        var result = Validate("""{"type":"x-acme-widget","spec_version":"2.1","id":"x-acme-widget--2c8a5a5e-8ff7-4a4d-aa9d-feb398cd0061","created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z","x_size":3}""");
        Valid(result);
        HasWarning(result, "$.type", "deprecated");
    }

    [Fact]
    public void CustomObject_StillNeedsCommonProperties() =>
        HasError(Validate("""{"type":"x-acme-widget","spec_version":"2.1","id":"x-acme-widget--2c8a5a5e-8ff7-4a4d-aa9d-feb398cd0061","modified":"2020-01-01T00:00:00.000Z"}"""),
            "$.created", "required");

    [Fact]
    public void NewSdo_FromExtensionDefinition_IsValid_WithoutCustomWarnings()
    {
        var result = Validate("""
            {"type":"my-favorite-sdo","spec_version":"2.1","id":"my-favorite-sdo--ac97aae4-83f1-46ca-a351-7aeb76678189",
             "created":"2014-02-20T09:16:08.989Z","modified":"2014-02-20T09:16:08.989Z","name":"This is the name of my favorite","some_property_name1":"value1",
             "extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"new-sdo"}}}
            """);
        Valid(result);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void NewSdo_OnPredefinedType_IsError() =>
        HasError(ValidateWith(Yara, o => o["extensions"] = JsonNode.Parse("""{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"new-sdo"}}""")),
            "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].extension_type", "new object type");

    [Fact]
    public void PropertyExtension_IsValid() =>
        Valid(ValidateWith(Yara, o => o["extensions"] = JsonNode.Parse("""{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"property-extension","rank":5,"toxicity":8}}""")));

    [Fact]
    public void Extension_MissingExtensionType_IsError() =>
        HasError(ValidateWith(Yara, o => o["extensions"] = JsonNode.Parse("""{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"rank":5}}""")),
            "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].extension_type", "required");

    [Fact]
    public void Extension_BadExtensionType_IsError() =>
        HasError(ValidateWith(Yara, o => o["extensions"] = JsonNode.Parse("""{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"sideways"}}""")),
            "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].extension_type", "extension-type-enum");

    [Fact]
    public void Extension_KeyWithBadUuid_IsError() =>
        HasError(ValidateWith(Yara, o => o["extensions"] = JsonNode.Parse("""{"extension-definition--d83fce45-ef58-4c6c-03f4-1fbc32e98c6e":{"extension_type":"property-extension"}}""")),
            "$.extensions['extension-definition--d83fce45-ef58-4c6c-03f4-1fbc32e98c6e']", "variant");

    [Fact]
    public void ToplevelPropertyExtension_SilencesCustomPropertyWarnings()
    {
        var result = ValidateWith(Yara, o =>
        {
            o["extensions"] = JsonNode.Parse("""{"extension-definition--a932fcc6-e032-176c-826f-cb970a5a1fff":{"extension_type":"toplevel-property-extension"}}""");
            o["rank"] = 5;
        });
        Valid(result);
        NoIssueAt(result, "$.rank");
    }

    [Fact]
    public void CustomExtension_IsWarning() =>
        HasWarning(ValidateWith(Yara, o => o["extensions"] = JsonNode.Parse("""{"x-acme-ext":{"a":1}}""")), "$.extensions['x-acme-ext']", "deprecated");

    [Fact]
    public void UnknownPropertyInNestedType_IsWarning() =>
        HasWarning(ValidateWith(Yara, o => o["kill_chain_phases"] = JsonNode.Parse("""[{"kill_chain_name":"k","phase_name":"p","colour":"red"}]""")),
            "$.kill_chain_phases[0].colour", "not a property");
}

public sealed class CustomReferenceTests
{
    [Fact]
    public void CustomRefProperty_MustBeIdentifier() =>
        ValidationAssert.HasError(ValidationAssert.ValidateWith(Samples.YaraIndicator, o => o["x_owner_ref"] = "bob"), "$.x_owner_ref", "identifier");

    [Fact]
    public void CustomRefsProperty_MustBeListOfIdentifiers() =>
        ValidationAssert.HasError(ValidationAssert.ValidateWith(Samples.YaraIndicator, o => o["x_owner_refs"] = new System.Text.Json.Nodes.JsonArray("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff", "bob")),
            "$.x_owner_refs[1]", "identifier");

    [Fact]
    public void CustomRefProperty_WithIdentifier_IsValid() =>
        ValidationAssert.Valid(ValidationAssert.ValidateWith(Samples.YaraIndicator, o => o["x_owner_ref"] = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"));
}

public sealed class ExtensionPropertyTests
{
    [Fact]
    public void PropertyExtension_InvalidPropertyName_IsError() =>
        ValidationAssert.HasError(
            ValidationAssert.ValidateWith(Samples.YaraIndicator, o => o["extensions"] = System.Text.Json.Nodes.JsonNode.Parse("""{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"property-extension","Rank":5}}""")),
            "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].Rank", "invalid");
}

public sealed class ReservedTypeTests
{
    [Fact]
    public void ActionType_IsReserved() =>
        ValidationAssert.HasError(ValidationAssert.Validate("""{"type":"action","spec_version":"2.1","id":"action--2c8a5a5e-8ff7-4a4d-aa9d-feb398cd0061","created":"2020-01-01T00:00:00.000Z","modified":"2020-01-01T00:00:00.000Z"}"""),
            "$.type", "reserved");
}
