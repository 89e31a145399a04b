using System.Text.Json;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>
/// <see cref="StixJson"/> against the corpus: every valid file reads, writes back semantically equal with timestamps
/// byte for byte, and what it writes is still valid (official schema and our validator).
/// </summary>
[Collection(SchemaCollection.Name)]
public sealed class RoundTripTests(StixSchemaFixture fixture)
{
    [Theory]
    [MemberData(nameof(CorpusFiles.ValidFiles), MemberType = typeof(CorpusFiles))]
    public void ValidFile_RoundTrips_SemanticallyEqual(string file)
    {
        var original = CorpusFiles.ReadValid(file);

        var written = RoundTrip(original);

        using var expected = JsonDocument.Parse(original);
        using var actual = JsonDocument.Parse(written);
        Assert.Null(JsonDeepEquality.FirstDifference(expected.RootElement, actual.RootElement));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.ValidFiles), MemberType = typeof(CorpusFiles))]
    public void ValidFile_RoundTrip_Keeps_TimestampsByteIdentical(string file)
    {
        var original = CorpusFiles.ReadValid(file);
        using var expected = JsonDocument.Parse(original);
        using var actual = JsonDocument.Parse(RoundTrip(original));
        var before = Timestamps(expected.RootElement);

        var after = Timestamps(actual.RootElement);

        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.ValidFiles), MemberType = typeof(CorpusFiles))]
    public void ValidFile_Written_Passes_OfficialSchema(string file)
    {
        var written = RoundTrip(CorpusFiles.ReadValid(file));

        var findings = fixture.Schemas.Validate(System.Text.Encoding.UTF8.GetString(written));

        Assert.True(findings.Count == 0, file + ": " + string.Join("; ", findings));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.ValidFiles), MemberType = typeof(CorpusFiles))]
    public void ValidFile_Written_Passes_Validator(string file)
    {
        var written = RoundTrip(CorpusFiles.ReadValid(file));

        var result = new StixValidator().Validate(written);

        Assert.True(result.IsValid, file + ": " + string.Join("; ", result.Errors));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.ValidFiles), MemberType = typeof(CorpusFiles))]
    public void ValidFile_Writing_IsStable(string file)
    {
        var once = RoundTrip(CorpusFiles.ReadValid(file));

        var twice = RoundTrip(once);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(once), System.Text.Encoding.UTF8.GetString(twice));
    }

    /// <summary>Reads with the typed reader (a bundle through <see cref="StixJson.DeserializeBundle(ReadOnlySpan{byte})"/>) and writes again.</summary>
    internal static byte[] RoundTrip(byte[] utf8)
    {
        using var doc = JsonDocument.Parse(utf8);
        bool isBundle = doc.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "bundle";
        return isBundle
            ? StixJson.SerializeToUtf8Bytes(StixJson.DeserializeBundle(utf8))
            : StixJson.SerializeToUtf8Bytes(StixJson.Deserialize(utf8));
    }

    /// <summary>Every string that parses as a STIX timestamp, by JSONPath (object members sorted, so order does not matter).</summary>
    private static SortedDictionary<string, string> Timestamps(JsonElement root)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(root, "$", found);
        return found;

        static void Walk(JsonElement e, string path, SortedDictionary<string, string> found)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value, path + "." + p.Name, found);
                    }
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item, $"{path}[{i++}]", found);
                    }
                    break;
                case JsonValueKind.String when StixTimestamp.TryParse(e.GetString(), out _):
                    found[path] = e.GetString() ?? string.Empty;
                    break;
            }
        }
    }
}
