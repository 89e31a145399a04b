namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>Sanity of the corpus itself: every valid file passes the official OASIS schema of its type.</summary>
[Collection(SchemaCollection.Name)]
public sealed class CorpusSchemaTests(StixSchemaFixture fixture)
{
    [Theory]
    [MemberData(nameof(CorpusFiles.ValidFiles), MemberType = typeof(CorpusFiles))]
    public void ValidFile_Passes_OfficialSchema(string file)
    {
        var findings = fixture.Schemas.Validate(File.ReadAllText(Path.Combine(CorpusFiles.ValidDirectory, file)));

        Assert.True(findings.Count == 0, file + ": " + string.Join("; ", findings));
    }

    [Fact]
    public void Corpus_Has_AnExampleOfEveryTypeWithASchema()
    {
        var covered = CorpusFiles.ValidNames.Select(n => n[..n.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

        var missing = fixture.Schemas.Types.Where(t => !covered.Contains(t)).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Schemas_Load_AllObjectTypes()
    {
        // 19 SDOs, 2 SROs, 18 SCOs, bundle, marking-definition, extension-definition, language-content.
        Assert.Equal(43, fixture.Schemas.Types.Count);
    }

    [Fact]
    public void Schema_Rejects_IndicatorWithoutPattern()
    {
        var findings = fixture.Schemas.Validate(
            """
            {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z",
             "pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"}
            """);

        Assert.NotEmpty(findings);
    }

    [Fact]
    public void Schema_Reports_BundleMemberPath()
    {
        var findings = fixture.Schemas.Validate(
            """
            {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
             {"type":"mutex","spec_version":"2.1","id":"mutex--eba44954-d4e4-5d3b-814c-2b17dd8de300","name":"ok"},
             {"type":"mutex","spec_version":"2.1","id":"mutex--eba44954-d4e4-5d3b-814c-2b17dd8de301"}]}
            """);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.StartsWith("$.objects[1]", f.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_Rejects_AlteredTlp1Marking()
    {
        // The canonical TLP 1.0 objects bypass the schema (documented limit); an altered one must not.
        var findings = fixture.Schemas.Validate(
            """
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
             "created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","name":"TLP:WHITE","definition":{"tlp":"red"}}
            """);

        Assert.NotEmpty(findings);
    }
}
