using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>One schema violation, flattened out of NJsonSchema's nested <c>allOf</c>/<c>oneOf</c> errors.</summary>
/// <param name="Path">JSONPath of the offending value, e.g. <c>$.objects[2].pattern</c>.</param>
/// <param name="Kind">NJsonSchema's error kind, e.g. <c>PatternMismatch</c>.</param>
internal sealed record SchemaFinding(string Path, string Kind)
{
    public override string ToString() => $"{Path}: {Kind}";
}

/// <summary>
/// The official OASIS STIX 2.1 JSON schemas (copied into the test output as <c>stix2.1-schemas/</c>), used as a first gate
/// and a cross-check, never as the verdict: see <c>stix2.1-schemas/README.md</c> for what they cannot check.
/// </summary>
/// <remarks>
/// Follows the README's recipe: each schema is loaded from its absolute file path (NJsonSchema resolves the relative
/// <c>../common/*.json</c> references against the document path), picked by the object's <c>type</c>, loaded once and kept
/// for the lifetime of this instance (share one instance through <see cref="StixSchemaFixture"/>), bundle members are
/// validated one by one, and <see cref="ChildSchemaValidationError"/>s are flattened into their causes.
/// </remarks>
internal sealed class StixSchemaSet
{
    private static readonly string[] Folders = ["common", "sdos", "sros", "observables"];

    /// <summary>
    /// Known limit of the official schema with NJsonSchema: the four TLP 1.0 marking definitions fail
    /// <c>common/marking-definition.json</c> with <c>NotOneOf</c>, although OASIS accepts them (the schema's TLP branch uses
    /// <c>oneOf</c> over <c>$ref</c>s next to <c>additionalProperties: false</c>, which NJsonSchema evaluates differently from the
    /// Python validator). These objects are fixed by the specification, so instead of the schema they are compared
    /// property by property with the specification's own text; any other TLP 1.0 marking goes through the schema.
    /// </summary>
    private static readonly Dictionary<string, string> CanonicalTlp1 = new(StringComparer.Ordinal)
    {
        ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"] = Tlp1("613f2e26-407d-48c7-9eca-b8e91df99dc9", "white"),
        ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"] = Tlp1("34098fce-860f-48ae-8e50-ebd3cc5e41da", "green"),
        ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"] = Tlp1("f88d31f6-486f-44da-b317-01333bde0b82", "amber"),
        ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"] = Tlp1("5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red"),
    };

    private readonly Dictionary<string, JsonSchema> _schemas;

    private StixSchemaSet(Dictionary<string, JsonSchema> schemas) => _schemas = schemas;

    public static string SchemaDirectory { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "stix2.1-schemas"));

    /// <summary>The object types that have a schema (file name = type).</summary>
    public IReadOnlyCollection<string> Types => _schemas.Keys;

    /// <summary>Loads every object schema (not the <c>common/</c> building blocks) from disk.</summary>
    public static async Task<StixSchemaSet> LoadAsync()
    {
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var folder in Folders)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(SchemaDirectory, folder), "*.json"))
            {
                string type = Path.GetFileNameWithoutExtension(path);
                if (folder == "common" && type is not ("bundle" or "marking-definition" or "extension-definition" or "language-content"))
                {
                    continue;
                }
                // Absolute path: relative $refs resolve against it (FromJsonAsync without a path cannot resolve them).
                schemas[type] = await JsonSchema.FromFileAsync(Path.GetFullPath(path));
            }
        }
        return new StixSchemaSet(schemas);
    }

    /// <summary>
    /// Validates one STIX object, or a bundle's members one by one (the bundle envelope is checked here, because
    /// <c>common/bundle.json</c> rejects some valid members and an empty <c>objects</c> list that OASIS accepts).
    /// </summary>
    public IReadOnlyList<SchemaFinding> Validate(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Validate(doc.RootElement);
    }

    /// <inheritdoc cref="Validate(string)"/>
    public IReadOnlyList<SchemaFinding> Validate(JsonElement element)
    {
        var findings = new List<SchemaFinding>();
        if (element.ValueKind == JsonValueKind.Object &&
            element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "bundle")
        {
            ValidateBundleEnvelope(element, findings);
            if (element.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var member in objects.EnumerateArray())
                {
                    ValidateObject(member, $"$.objects[{i}]", findings);
                    i++;
                }
            }
            return findings;
        }
        ValidateObject(element, "$", findings);
        return findings;
    }

    /// <summary>Validates one object against its type's schema exactly as published, without the known-limit workarounds.</summary>
    public IReadOnlyList<SchemaFinding> ValidateRaw(JsonElement obj)
    {
        var findings = new List<SchemaFinding>();
        if (obj.TryGetProperty("type", out var type) && _schemas.TryGetValue(type.GetString() ?? string.Empty, out var schema))
        {
            foreach (var error in schema.Validate(ToJToken(obj)))
            {
                findings.Add(new SchemaFinding("$" + (error.Path ?? "#").TrimStart('#'), error.Kind.ToString()));
            }
        }
        return findings;
    }

    private void ValidateObject(JsonElement obj, string basePath, List<SchemaFinding> findings)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            findings.Add(new SchemaFinding(basePath, "NotAStixObject"));
            return;
        }
        string type = typeElement.GetString() ?? string.Empty;
        if (IsCanonicalTlp1(obj))
        {
            return;
        }
        if (!_schemas.TryGetValue(type, out var schema))
        {
            // Custom object types have no official schema: nothing to check here.
            return;
        }
        var objectFindings = new List<SchemaFinding>();
        foreach (var error in schema.Validate(ToJToken(obj)))
        {
            Flatten(error, basePath, objectFindings);
        }
        findings.AddRange(objectFindings.Where(f => !IsLangGranularMarking(obj, basePath, f)));
    }

    /// <summary>
    /// Known limit: <c>common/granular-marking.json</c> requires <c>marking_ref</c>, but STIX 2.1 (section 7.2.3) allows a
    /// granular marking to carry <c>lang</c> instead (exactly one of the two). The missing <c>marking_ref</c> of an entry
    /// that has <c>lang</c> and no <c>marking_ref</c> is therefore not a finding.
    /// </summary>
    private static bool IsLangGranularMarking(JsonElement obj, string basePath, SchemaFinding finding)
    {
        if (finding.Kind != nameof(ValidationErrorKind.PropertyRequired) ||
            !finding.Path.StartsWith(basePath + ".granular_markings[", StringComparison.Ordinal) ||
            !finding.Path.EndsWith("].marking_ref", StringComparison.Ordinal) ||
            !obj.TryGetProperty("granular_markings", out var markings) || markings.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        int start = basePath.Length + ".granular_markings[".Length;
        int end = finding.Path.Length - "].marking_ref".Length;
        if (!int.TryParse(finding.Path.AsSpan(start, end - start), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) ||
            index >= markings.GetArrayLength())
        {
            return false;
        }
        var marking = markings[index];
        return marking.ValueKind == JsonValueKind.Object && marking.TryGetProperty("lang", out _) && !marking.TryGetProperty("marking_ref", out _);
    }

    private static void ValidateBundleEnvelope(JsonElement bundle, List<SchemaFinding> findings)
    {
        if (!bundle.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String ||
            !StixIdentifier.TryParse(id.GetString(), out var parsed) || parsed.Type != "bundle")
        {
            findings.Add(new SchemaFinding("$.id", "BundleId"));
        }
        if (bundle.TryGetProperty("objects", out var objects) && objects.ValueKind != JsonValueKind.Array)
        {
            findings.Add(new SchemaFinding("$.objects", "ArrayExpected"));
        }
    }

    private static bool IsCanonicalTlp1(JsonElement obj) =>
        obj.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String &&
        CanonicalTlp1.TryGetValue(id.GetString() ?? string.Empty, out var canonical) &&
        JsonDeepEquality.AreEqual(obj, JsonDocument.Parse(canonical).RootElement);

    private static void Flatten(ValidationError error, string basePath, List<SchemaFinding> findings)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            foreach (var nested in child.Errors.Values.SelectMany(e => e))
            {
                Flatten(nested, basePath, findings);
            }
            return;
        }
        findings.Add(new SchemaFinding(ToJsonPath(basePath, error.Path), error.Kind.ToString()));
    }

    /// <summary>Turns NJsonSchema's <c>#/objects[0].pattern</c>-style path into a JSONPath below <paramref name="basePath"/>.</summary>
    private static string ToJsonPath(string basePath, string? schemaPath)
    {
        var p = schemaPath ?? "#";
        p = p.StartsWith("#/", StringComparison.Ordinal) ? p[2..] : p.TrimStart('#');
        return p.Length == 0 ? basePath : basePath + (p[0] == '[' ? p : "." + p);
    }

    /// <summary>Parses with Newtonsoft while keeping date-like strings as strings (the default would turn them into dates).</summary>
    private static JToken ToJToken(JsonElement element)
    {
        using var reader = new JsonTextReader(new StringReader(element.GetRawText()))
        {
            DateParseHandling = DateParseHandling.None,
            // Double, not decimal: 1.5e300 is valid JSON; the schemas only compare numbers with small bounds.
            FloatParseHandling = FloatParseHandling.Double,
        };
        return JToken.Load(reader);
    }

    private static string Tlp1(string uuid, string color) =>
        $$$"""
        {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--{{{uuid}}}","created":"2017-01-20T00:00:00.000Z",
         "definition_type":"tlp","name":"TLP:{{{color.ToUpperInvariant()}}}","definition":{"tlp":"{{{color}}}"}}
        """;
}

/// <summary>Loads the schemas once for every test class of the <see cref="SchemaCollection"/>.</summary>
public sealed class StixSchemaFixture : IAsyncLifetime
{
    private StixSchemaSet? _schemas;

    internal StixSchemaSet Schemas => _schemas ?? throw new InvalidOperationException("The schemas are loaded in InitializeAsync.");

    public async Task InitializeAsync() => _schemas = await StixSchemaSet.LoadAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class SchemaCollection : ICollectionFixture<StixSchemaFixture>
{
    public const string Name = "STIX JSON schemas";
}
