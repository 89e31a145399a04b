using ThreatShare.Stix.Tests.Serialization;

namespace ThreatShare.Stix.Tests.Model;

public sealed class ConstructionRoundTripTests
{
    private static StixObject Sample(string type) => Samples.All().Single(o => o.Type == type);

    [Fact]
    public void Samples_CoverEveryRegisteredType()
    {
        Assert.Equal(24, Samples.All().Select(o => o.GetType()).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Samples.TypeNames), MemberType = typeof(Samples))]
    public void RoundTrip_ObjectBuiltInCode_WritesTheSameJsonAgain(string type)
    {
        var original = Sample(type);
        string written = StixJson.Serialize(original);

        var read = StixJson.Deserialize(written);

        Assert.IsType(original.GetType(), read);
        Assert.Equal(written, StixJson.Serialize(read));
    }

    [Theory]
    [MemberData(nameof(Samples.TypeNames), MemberType = typeof(Samples))]
    public void RoundTrip_EveryPropertySet_IsReadIntoModelledProperties(string type)
    {
        var read = StixJson.Deserialize(StixJson.Serialize(Sample(type)));

        // Nothing written by the model comes back as "unknown".
        Assert.Null(read.CustomProperties);
    }

    [Theory]
    [MemberData(nameof(Samples.TypeNames), MemberType = typeof(Samples))]
    public void Serialize_NewObjects_HaveSpecVersion21(string type)
    {
        var obj = Sample(type);

        Assert.Equal("2.1", obj.SpecVersion);
        Assert.Contains("\"spec_version\":\"2.1\"", StixJson.Serialize(obj), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Malware_WritesEveryPropertyWithSpecName()
    {
        string json = StixJson.Serialize(Sample("malware"));

        Assert.Equal(
            [
                "type", "spec_version", "id", "created", "modified", "name", "description", "malware_types", "is_family", "aliases",
                "kill_chain_phases", "first_seen", "last_seen", "operating_system_refs", "architecture_execution_envs",
                "implementation_languages", "capabilities", "sample_refs",
            ],
            JsonAssert.PropertyNames(json));
    }

    [Fact]
    public void Serialize_MalwareAnalysis_WritesEveryPropertyWithSpecName()
    {
        string json = StixJson.Serialize(Sample("malware-analysis"));

        Assert.Equal(
            [
                "type", "spec_version", "id", "created", "modified", "product", "version", "host_vm_ref", "operating_system_ref",
                "installed_software_refs", "configuration_version", "modules", "analysis_engine_version", "analysis_definition_version",
                "submitted", "analysis_started", "analysis_ended", "result_name", "result", "analysis_sco_refs", "sample_ref",
            ],
            JsonAssert.PropertyNames(json));
    }

    [Fact]
    public void Serialize_Opinion_WritesOpinionValueAsOpinion()
    {
        string json = StixJson.Serialize(Sample("opinion"));

        Assert.Contains("\"opinion\":\"agree\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Bundle_WritesObjectsPolymorphically()
    {
        var bundle = StixBundle.Create(Samples.All());

        string json = StixJson.Serialize(bundle);
        var read = StixJson.DeserializeBundle(json);

        Assert.Equal("bundle", read.Type);
        Assert.Equal(bundle.Id, read.Id);
        Assert.Equal(Samples.All().Select(o => o.GetType()), read.Objects.Select(o => o.GetType()));
        Assert.Equal(json, StixJson.Serialize(read));
    }

    [Fact]
    public void Serialize_ToUtf8JsonWriter_WritesTheSameJson()
    {
        var obj = Sample("indicator");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            StixJson.Serialize(writer, obj);
        }

        Assert.Equal(StixJson.Serialize(obj), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void With_ChangesOnlyTheCopy()
    {
        var original = (Indicator)Sample("indicator");

        var copy = original with { Name = "other" };

        Assert.Equal("n", original.Name);
        Assert.Equal("other", copy.Name);
        Assert.Equal("indicator", copy.Type);
    }

    [Fact]
    public void CustomProperties_SetInCode_AreCopiedNotShared()
    {
        var source = new Dictionary<string, System.Text.Json.JsonElement> { ["x_a"] = System.Text.Json.JsonDocument.Parse("1").RootElement };
        var obj = (Indicator)Sample("indicator") with { CustomProperties = source };

        source["x_b"] = System.Text.Json.JsonDocument.Parse("2").RootElement;

        Assert.Equal(["x_a"], obj.CustomProperties!.Keys);
    }
}
