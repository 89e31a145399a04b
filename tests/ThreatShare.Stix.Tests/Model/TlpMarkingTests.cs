using ThreatShare.Stix.Tests.Serialization;

namespace ThreatShare.Stix.Tests.Model;

public sealed class TlpMarkingTests
{
    public static TheoryData<string, string, string> Tlp2 => new()
    {
        { "clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR" },
        { "green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN" },
        { "amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER" },
        { "amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT" },
        { "red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED" },
    };

    public static TheoryData<string, string, string> Tlp1 => new()
    {
        { "white", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:WHITE" },
        { "green", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN" },
        { "amber", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER" },
        { "red", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED" },
    };

    private static MarkingDefinition Tlp2ByLevel(string level) => level switch
    {
        "clear" => TlpMarking.Clear,
        "green" => TlpMarking.Green,
        "amber" => TlpMarking.Amber,
        "amber+strict" => TlpMarking.AmberStrict,
        "red" => TlpMarking.Red,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    private static MarkingDefinition Tlp1ByLevel(string level) => level switch
    {
        "white" => Tlp1Marking.White,
        "green" => Tlp1Marking.Green,
        "amber" => Tlp1Marking.Amber,
        "red" => Tlp1Marking.Red,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    [Theory]
    [MemberData(nameof(Tlp2))]
    public void Tlp2Marking_HasThePublishedIdNameAndJson(string level, string id, string name)
    {
        var marking = Tlp2ByLevel(level);
        string published = $$$"""
            {"type":"marking-definition","spec_version":"2.1","id":"{{{id}}}","created":"2022-10-01T00:00:00.000Z","name":"{{{name}}}",
             "extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension","tlp_2_0":"{{{level}}}"} } }
            """;

        Assert.Equal(id, marking.Id.Value);
        Assert.Equal(name, marking.Name);
        Assert.Equal(level, marking.TlpLevel);
        JsonAssert.SemanticallyEqual(published, StixJson.Serialize(marking));
        Assert.Same(marking, TlpMarking.FindById(StixIdentifier.Parse(id)));
    }

    [Theory]
    [MemberData(nameof(Tlp2))]
    public void Tlp2Marking_ReadFromPublishedJson_IsRecognised(string level, string id, string name)
    {
        string published = $$$"""
            {"type":"marking-definition","spec_version":"2.1","id":"{{{id}}}","created":"2022-10-01T00:00:00.000Z","name":"{{{name}}}",
             "extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension","tlp_2_0":"{{{level}}}"} } }
            """;

        var read = StixJson.Deserialize<MarkingDefinition>(published);

        Assert.Equal(level, read.TlpLevel);
        Assert.Equal(StixJson.Serialize(Tlp2ByLevel(level)), StixJson.Serialize(read));
    }

    [Theory]
    [MemberData(nameof(Tlp1))]
    public void Tlp1Marking_HasTheSpecIdNameAndJson(string level, string id, string name)
    {
        var marking = Tlp1ByLevel(level);
        string spec = $$$"""
            {"type":"marking-definition","spec_version":"2.1","id":"{{{id}}}","created":"2017-01-20T00:00:00.000Z",
             "definition_type":"tlp","name":"{{{name}}}","definition":{"tlp":"{{{level}}}"}}
            """;

        Assert.Equal(id, marking.Id.Value);
        Assert.Equal(level, marking.TlpLevel);
        JsonAssert.SemanticallyEqual(spec, StixJson.Serialize(marking));
        Assert.Same(marking, Tlp1Marking.FindById(StixIdentifier.Parse(id)));
    }

    [Fact]
    public void TlpMarkings_AllIdsAreDistinct()
    {
        var ids = TlpMarking.All.Concat(Tlp1Marking.All).Select(m => m.Id).ToList();

        Assert.Equal(9, ids.Distinct().Count());
        Assert.Null(TlpMarking.FindById(Tlp1Marking.Green.Id));
        Assert.Null(Tlp1Marking.FindById(TlpMarking.Green.Id));
    }

    [Fact]
    public void StatementMarking_ExposesItsStatement()
    {
        var marking = MarkingDefinition.CreateStatement(
            StixIdentifier.Parse("marking-definition--4527e5de-8572-446a-a57a-706f15467461"), Samples.Created, "Copyright \"ACME\"");

        var read = StixJson.Deserialize<MarkingDefinition>(StixJson.Serialize(marking));

        Assert.Equal("Copyright \"ACME\"", read.Statement);
        Assert.Null(read.TlpLevel);
        Assert.Equal("statement", read.DefinitionType);
    }
}
