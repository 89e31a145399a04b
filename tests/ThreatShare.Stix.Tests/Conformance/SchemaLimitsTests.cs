using System.Text.Json;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>
/// Pins the known limits of the official schemas under NJsonSchema (see <see cref="StixSchemaSet"/>): if a schema or
/// NJsonSchema update removes a limit, these tests say so and the workaround can go. Also cross-checks the invalid
/// corpus: every case the schemas can express is rejected by them too.
/// </summary>
[Collection(SchemaCollection.Name)]
public sealed class SchemaLimitsTests(StixSchemaFixture fixture)
{
    /// <summary>Invalid cases that need more than JSON Schema to see (the README's list: precision, ordering, patterns, reference types, ...).</summary>
    private static readonly HashSet<string> BeyondSchema = new(StringComparer.Ordinal)
    {
        // Ordering of two timestamps.
        "modified-before-created", "bundle-member-modified-before-created", "valid-until-before-valid-from",
        "valid-until-equal-valid-from", "campaign-last-seen-before-first-seen", "observed-data-last-before-first",
        "relationship-stop-before-start",
        // Calendar checks: the schema's timestamp is a regular expression.
        "timestamp-february-30", "timestamp-leap-second",
        // Patterns are plain strings to the schema.
        "bundle-member-bad-pattern", "pattern-bad-timestamp-literal", "pattern-binary-not-base64", "pattern-empty-brackets",
        "pattern-hash-md5-wrong-length", "pattern-hash-wrong-length", "pattern-hex-not-hex", "pattern-hex-odd-length",
        "pattern-lowercase-and", "pattern-lowercase-followedby", "pattern-not-after-operator", "pattern-not-before-observation",
        "pattern-stop-before-start", "pattern-unbalanced-bracket", "pattern-unbalanced-parenthesis", "pattern-within-missing-seconds",
        // Target type of a reference, content of a selector.
        "created-by-ref-not-identity", "object-marking-ref-not-marking", "granular-marking-selector-unresolved",
        // Formats the schema leaves as free strings or allows.
        "custom-property-too-long", "file-hash-wrong-length", "lang-not-rfc5646", "sdo-spec-version-2.0",
        // No schema is picked for a type that does not exist.
        "type-uppercase",
    };

    [Theory]
    [InlineData("marking-definition.tlp1-white.json")]
    [InlineData("marking-definition.tlp1-green.json")]
    [InlineData("marking-definition.tlp1-amber.json")]
    [InlineData("marking-definition.tlp1-red.json")]
    public void KnownLimit_CanonicalTlp1_FailsPublishedSchema(string file)
    {
        using var doc = CorpusFiles.ParseValid(file);

        var raw = fixture.Schemas.ValidateRaw(doc.RootElement);
        var withWorkaround = fixture.Schemas.Validate(doc.RootElement);

        Assert.Contains(raw, f => f.Kind == "NotOneOf");
        Assert.Empty(withWorkaround);
    }

    [Fact]
    public void KnownLimit_LangGranularMarking_FailsPublishedSchema()
    {
        using var doc = CorpusFiles.ParseValid("indicator.all-properties.json");

        var raw = fixture.Schemas.ValidateRaw(doc.RootElement);

        Assert.Contains(raw, f => f.Kind == "PropertyRequired" || f.Kind.StartsWith("Not", StringComparison.Ordinal));
        Assert.Empty(fixture.Schemas.Validate(doc.RootElement));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.InvalidFiles), MemberType = typeof(CorpusFiles))]
    public void InvalidFile_SchemaVerdict_MatchesWhatSchemasCanExpress(string file)
    {
        string name = Path.GetFileNameWithoutExtension(file);
        if (name.StartsWith("json-", StringComparison.Ordinal))
        {
            return; // malformed JSON: nothing for a schema to look at
        }
        using var doc = JsonDocument.Parse(CorpusFiles.ReadInvalid(file));

        var findings = fixture.Schemas.Validate(doc.RootElement);

        if (BeyondSchema.Contains(name))
        {
            Assert.True(findings.Count == 0, $"{name} is listed as beyond the schemas, but they now reject it: {string.Join("; ", findings)}");
        }
        else
        {
            Assert.True(findings.Count > 0, $"{name}: the schemas should reject it");
        }
    }
}
