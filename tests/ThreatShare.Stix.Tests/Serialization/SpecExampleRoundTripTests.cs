namespace ThreatShare.Stix.Tests.Serialization;

public sealed class SpecExampleRoundTripTests
{
    [Fact]
    public void SpecExamples_CoverEveryModelledType()
    {
        Assert.Equal(24, SpecExamples.ByType.Count);
    }

    [Theory]
    [MemberData(nameof(SpecExamples.TypeNames), MemberType = typeof(SpecExamples))]
    public void Deserialize_SpecExample_GivesItsClrType(string type)
    {
        var (clrType, json) = SpecExamples.ByType[type];

        var obj = StixJson.Deserialize(json);

        Assert.IsType(clrType, obj);
        Assert.Equal(type, obj.Type);
        Assert.Null(obj.CustomProperties);
    }

    [Theory]
    [MemberData(nameof(SpecExamples.TypeNames), MemberType = typeof(SpecExamples))]
    public void RoundTrip_SpecExample_IsSemanticallyEqual(string type)
    {
        string json = SpecExamples.ByType[type].Json;

        string written = StixJson.Serialize(StixJson.Deserialize(json));

        JsonAssert.SemanticallyEqual(json, written);
    }

    [Theory]
    [MemberData(nameof(SpecExamples.TypeNames), MemberType = typeof(SpecExamples))]
    public void RoundTrip_WrittenJson_IsAFixedPoint(string type)
    {
        string once = StixJson.Serialize(StixJson.Deserialize(SpecExamples.ByType[type].Json));

        string twice = StixJson.Serialize(StixJson.Deserialize(once));

        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(SpecExamples.TypeNames), MemberType = typeof(SpecExamples))]
    public void Serialize_SpecExample_StartsWithTypeSpecVersionId(string type)
    {
        string written = StixJson.Serialize(StixJson.Deserialize(SpecExamples.ByType[type].Json));

        Assert.Equal(["type", "spec_version", "id"], JsonAssert.PropertyNames(written).Take(3));
    }

    [Theory]
    [MemberData(nameof(SpecExamples.TypeNames), MemberType = typeof(SpecExamples))]
    public void RoundTrip_Utf8AndStream_GiveTheSameJsonAsText(string type)
    {
        string json = SpecExamples.ByType[type].Json;
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        string fromText = StixJson.Serialize(StixJson.Deserialize(json));

        string fromBytes = System.Text.Encoding.UTF8.GetString(StixJson.SerializeToUtf8Bytes(StixJson.Deserialize(utf8)));
        using var stream = new MemoryStream(utf8);
        string fromStream = StixJson.Serialize(StixJson.Deserialize(stream));

        Assert.Equal(fromText, fromBytes);
        Assert.Equal(fromText, fromStream);
    }

    [Fact]
    public void DeserializeBundle_AllSpecExamples_KeepsOrderAndTypes()
    {
        string bundle = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":["
            + string.Join(",", SpecExamples.ByType.Values.Select(v => v.Json)) + "]}";

        var read = StixJson.DeserializeBundle(bundle);

        Assert.Equal(SpecExamples.ByType.Keys, read.Objects.Select(o => o.Type));
        JsonAssert.SemanticallyEqual(bundle, StixJson.Serialize(read));
    }
}
