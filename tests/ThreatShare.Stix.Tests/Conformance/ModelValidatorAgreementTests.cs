using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>
/// The typed model, the validator and the corpus agree on the property names of each type: the model reads every
/// property of the fully populated corpus objects as a known property (none lands in custom properties), the validator
/// does not call any property the model writes unknown, and every property the model declares appears in the corpus.
/// </summary>
public sealed class ModelValidatorAgreementTests
{
    /// <summary>Corpus files that hold properties no model type declares, on purpose (custom or extension-defined).</summary>
    private static readonly HashSet<string> CustomOnPurpose = new(StringComparer.Ordinal)
    {
        "indicator.custom-property.json",
        "indicator.toplevel-property-extension.json",
        "my-favorite-sdo-1.new-sdo-extension.json",
        "indicator.unicode-and-numbers.json",
    };

    /// <summary>
    /// Deprecated properties the corpus leaves out: observed-data's <c>objects</c> holds STIX 2.0-style embedded
    /// observables that the official 2.1 schema no longer accepts (it wants 2.1 SCOs with ids there).
    /// </summary>
    private static readonly HashSet<string> Deprecated = new(StringComparer.Ordinal) { "observed-data.objects" };

    public static TheoryData<string> FullyPopulatedFiles() =>
        [.. CorpusFiles.ValidNames.Where(n => !n.StartsWith("bundle.", StringComparison.Ordinal) && !CustomOnPurpose.Contains(n))];

    public static TheoryData<string> ModelTypes() => [.. ConcreteModelTypes().Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(FullyPopulatedFiles))]
    public void Model_Knows_EveryPropertyOfCorpusObject(string file)
    {
        var obj = StixJson.Deserialize(CorpusFiles.ReadValid(file));

        Assert.True(obj.CustomProperties is null || obj.CustomProperties.Count == 0,
            $"{file} read as {obj.GetType().Name}: unmodelled properties {string.Join(", ", obj.CustomProperties?.Keys ?? [])}");
    }

    [Theory]
    [MemberData(nameof(FullyPopulatedFiles))]
    public void Validator_Knows_EveryPropertyTheModelWrites(string file)
    {
        var written = StixJson.SerializeToUtf8Bytes(StixJson.Deserialize(CorpusFiles.ReadValid(file)));

        var result = new StixValidator().Validate(written);

        // The validator words an unknown property as "'name' is not a property of <type>".
        var unknown = result.Warnings.Where(w => w.Message.Contains("is not a property of", StringComparison.Ordinal) ||
                                                 w.Message.Contains("custom", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(unknown.Count == 0, file + ": " + string.Join("; ", unknown));
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Corpus_Covers_EveryPropertyTheModelDeclares(string modelTypeName)
    {
        var type = ConcreteModelTypes().Single(t => t.Name == modelTypeName);
        string stixType = StixTypeName(type);
        var files = CorpusFiles.ValidNames.Where(n => n.StartsWith(stixType + ".", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count > 0, $"no corpus file for {stixType}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            using var doc = CorpusFiles.ParseValid(f);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                seen.Add(p.Name);
            }
        }

        var missing = JsonPropertyNames(type)
            .Where(n => !seen.Contains(n) && !Deprecated.Contains(stixType + "." + n))
            .Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{stixType}: no corpus file sets {string.Join(", ", missing)}");
    }

    [Fact]
    public void Model_Has_ATypeForEveryStixDomainRelationshipAndMetaObject()
    {
        var modelled = ConcreteModelTypes().Select(StixTypeName).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator", "infrastructure",
            "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data", "opinion", "report",
            "threat-actor", "tool", "vulnerability", "relationship", "sighting", "marking-definition", "language-content",
            "extension-definition",
        ];

        var missing = expected.Where(t => !modelled.Contains(t)).ToList();

        Assert.True(missing.Count == 0, "not modelled: " + string.Join(", ", missing));
    }

    private static IEnumerable<Type> ConcreteModelTypes() =>
        typeof(StixObject).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && typeof(StixObject).IsAssignableFrom(t) &&
                        t.GetField("TypeName", BindingFlags.Public | BindingFlags.Static) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static string StixTypeName(Type t) =>
        (string?)t.GetField("TypeName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) ?? string.Empty;

    /// <summary>JSON names the writer uses for a type's public properties (snake_case unless renamed), minus the bookkeeping ones.</summary>
    private static IEnumerable<string> JsonPropertyNames(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))
            .Where(n => n is not "type");
}
