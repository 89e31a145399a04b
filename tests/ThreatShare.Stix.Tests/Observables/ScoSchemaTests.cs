using NJsonSchema;

namespace ThreatShare.Stix.Tests.Observables;

/// <summary>What the writer produces is valid against the official STIX 2.1 JSON schemas.</summary>
public sealed class ScoSchemaTests
{
    private static Task<JsonSchema> LoadSchemaAsync(string type) =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "stix2.1-schemas", "observables", type + ".json"));

    [Theory]
    [MemberData(nameof(ConstructedObservables.All), MemberType = typeof(ConstructedObservables))]
    public async Task Constructed_WrittenJson_IsValidAgainstOfficialSchema(string type)
    {
        var schema = await LoadSchemaAsync(type);
        string json = StixJson.Serialize(ConstructedObservables.Create(type));
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, Describe(errors) + " in " + json);
    }

    [Theory]
    [MemberData(nameof(SpecExamples.All), MemberType = typeof(SpecExamples))]
    public async Task SpecExample_Rewritten_IsValidAgainstOfficialSchema(string name, Type expectedType, string json)
    {
        var obj = StixJson.Deserialize(json);
        Assert.Equal(expectedType, obj.GetType());
        var schema = await LoadSchemaAsync(obj.Type);
        var errors = schema.Validate(StixJson.Serialize(obj));
        Assert.True(errors.Count == 0, name + ": " + Describe(errors));
    }

    private static string Describe(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        string.Join("; ", errors.Select(e => e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? e.Kind + " " + e.Path + " [" + string.Join(" | ", child.Errors.Values.Select(Describe)) + "]"
            : e.Kind + " " + e.Path));

    [Fact]
    public async Task Schema_Rejects_AnObservableMissingItsRequiredValue()
    {
        // Guards the tests above: the schemas really are applied (with their common parts).
        var schema = await LoadSchemaAsync("ipv4-addr");
        Assert.NotEmpty(schema.Validate("""{"type":"ipv4-addr","id":"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4"}"""));
        Assert.NotEmpty(schema.Validate("""{"type":"ipv4-addr","id":"not-an-id","value":"198.51.100.3"}"""));
    }
}
