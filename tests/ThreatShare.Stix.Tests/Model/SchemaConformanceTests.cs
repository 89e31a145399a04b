using NJsonSchema;

namespace ThreatShare.Stix.Tests.Model;

/// <summary>What the writer emits conforms to the official OASIS STIX 2.1 JSON schemas.</summary>
public sealed class SchemaConformanceTests
{
    private static readonly string SchemaRoot = Path.Combine(AppContext.BaseDirectory, "stix2.1-schemas");

    private static string SchemaPath(string type)
    {
        foreach (var folder in new[] { "sdos", "sros", "common" })
        {
            string path = Path.Combine(SchemaRoot, folder, type + ".json");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("no schema for " + type);
    }

    private static string Describe(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        string.Join("\n", errors.Select(e => e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? $"{e.Path}: {e.Kind} [" + string.Join(" | ", child.Errors.Select(kv => Describe(kv.Value))) + "]"
            : $"{e.Path}: {e.Kind}"));

    // NJsonSchema parses with Newtonsoft.Json, which by default turns timestamp strings into dates; STIX
    // timestamps must stay strings for "enum"/"pattern" checks to see the text.
    private static ICollection<NJsonSchema.Validation.ValidationError> Validate(JsonSchema schema, string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return schema.Validate(Newtonsoft.Json.Linq.JToken.ReadFrom(reader));
    }

    [Theory]
    [MemberData(nameof(Samples.TypeNames), MemberType = typeof(Samples))]
    public async Task Serialize_SampleOfEveryType_IsValidAgainstTheOfficialSchema(string type)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath(type));
        string json = StixJson.Serialize(Samples.All().Single(o => o.Type == type));

        var errors = Validate(schema, json);

        Assert.True(errors.Count == 0, Describe(errors) + "\n" + json);
    }

    [Fact]
    public async Task Serialize_Tlp2Markings_AreValidAgainstTheOfficialSchema()
    {
        // TLP 1.0 markings are checked against the specification's exact JSON in TlpMarkingTests instead: the schema
        // pins their "created" with an enum, which NJsonSchema loads as a date and then never matches a string.
        var schema = await JsonSchema.FromFileAsync(SchemaPath("marking-definition"));

        foreach (var marking in TlpMarking.All)
        {
            var errors = Validate(schema, StixJson.Serialize(marking));
            Assert.True(errors.Count == 0, marking.Name + ": " + Describe(errors));
        }
    }
}
