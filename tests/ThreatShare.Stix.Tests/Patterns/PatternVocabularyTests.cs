using System.Text.Json;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Stix.Tests.Patterns;

public sealed class PatternVocabularyTests
{
    private static readonly string SchemaDirectory = Path.Combine(AppContext.BaseDirectory, "stix2.1-schemas", "observables");

    public static TheoryData<string> ObservableSchemas =>
        [.. Directory.GetFiles(SchemaDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ObservableSchemas))]
    public void Vocabulary_Knows_EveryTopLevelPropertyOfTheOfficialSchema(string type)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaDirectory, type + ".json")));
        var properties = new List<string>();
        if (schema.RootElement.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                if (part.TryGetProperty("properties", out var props))
                {
                    properties.AddRange(props.EnumerateObject().Select(p => p.Name));
                }
            }
        }
        Assert.NotEmpty(properties);

        foreach (var property in properties)
        {
            var result = StixPatternParser.Parse($"[{type}:'{property}' = 'x']");
            Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("is not", StringComparison.Ordinal) && w.Message.Contains("STIX 2.1", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Vocabulary_Covers_EverySchemaType()
    {
        Assert.Equal(18, ObservableSchemas.Count);
    }
}
