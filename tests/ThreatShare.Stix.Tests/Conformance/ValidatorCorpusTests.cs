using System.Text.Json;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>The validator against the corpus: no error on any valid file, the expected error on every invalid one.</summary>
public sealed class ValidatorCorpusTests
{
    private readonly StixValidator _validator = new();

    [Theory]
    [MemberData(nameof(CorpusFiles.ValidFiles), MemberType = typeof(CorpusFiles))]
    public void ValidFile_Has_NoErrors(string file)
    {
        var result = _validator.Validate(CorpusFiles.ReadValid(file));

        Assert.True(result.IsValid, file + ": " + string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.ValidFiles), MemberType = typeof(CorpusFiles))]
    public void ValidFile_Gives_SameVerdict_FromElementAndBytes(string file)
    {
        using var doc = CorpusFiles.ParseValid(file);

        var fromElement = _validator.Validate(doc.RootElement);
        var fromBytes = _validator.Validate(CorpusFiles.ReadValid(file));

        Assert.Equal(fromBytes.Errors, fromElement.Errors);
        Assert.Equal(fromBytes.Warnings, fromElement.Warnings);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.InvalidFiles), MemberType = typeof(CorpusFiles))]
    public void InvalidFile_Reports_ExpectedError(string file)
    {
        var expected = InvalidCaseExpectation.For(file);

        var result = _validator.Validate(CorpusFiles.ReadInvalid(file));

        Assert.False(result.IsValid, $"{file}: expected an error at {expected}, got none");
        Assert.True(result.Errors.Any(expected.IsMatchedBy),
            $"{file}: expected an error at {expected}; got: {string.Join("; ", result.Errors)}");
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.InvalidFiles), MemberType = typeof(CorpusFiles))]
    public void InvalidFile_Errors_HaveSeverityErrorAndJsonPath(string file)
    {
        var result = _validator.Validate(CorpusFiles.ReadInvalid(file));

        Assert.All(result.Errors, e =>
        {
            Assert.Equal(StixIssueSeverity.Error, e.Severity);
            Assert.StartsWith("$", e.Path, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        });
        Assert.All(result.Warnings, w => Assert.Equal(StixIssueSeverity.Warning, w.Severity));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.InvalidFiles), MemberType = typeof(CorpusFiles))]
    public void InvalidFile_InsideBundle_Reports_ErrorBelowMemberPath(string file)
    {
        if (file.StartsWith("json-", StringComparison.Ordinal))
        {
            return; // malformed JSON cannot be embedded in a bundle as it is
        }
        var expected = InvalidCaseExpectation.For(file);
        using var doc = JsonDocument.Parse(CorpusFiles.ReadInvalid(file));
        if (doc.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "bundle")
        {
            return; // already a bundle; nesting bundles is not STIX
        }
        var bundle = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[" +
                     CorpusFiles.ValidNames.Where(n => n == "identity.spec.json").Select(n => File.ReadAllText(Path.Combine(CorpusFiles.ValidDirectory, n))).Single() +
                     "," + doc.RootElement.GetRawText() + "]}";
        var nested = expected with { Paths = [.. expected.Paths.Select(p => "$.objects[1]" + p[1..])] };

        var result = _validator.Validate(System.Text.Encoding.UTF8.GetBytes(bundle));

        Assert.True(result.Errors.Any(nested.IsMatchedBy),
            $"{file} in a bundle: expected an error at {nested}; got: {string.Join("; ", result.Errors)}");
    }

    [Theory]
    [InlineData("process.spec.json")]
    [InlineData("process.all-properties.json")]
    [InlineData("process.ext-windows-process.json")]
    [InlineData("process.ext-windows-service.json")]
    public void ScoWithoutContributingProperties_Has_NoIdVersionWarning(string file)
    {
        // process has no ID contributing properties, so STIX 2.1 (section 2.9) wants a UUIDv4 id for it.
        var result = _validator.Validate(CorpusFiles.ReadValid(file));

        Assert.DoesNotContain(result.Warnings, w => w.Path == "$.id");
    }

    [Fact]
    public void SpecExamples_Have_NoWarnings()
    {
        var warnings = CorpusFiles.ValidNames
            .Where(n => n.Contains(".spec", StringComparison.Ordinal) && !n.StartsWith("process.", StringComparison.Ordinal))
            .SelectMany(n => _validator.Validate(CorpusFiles.ReadValid(n)).Warnings.Select(w => $"{n}: {w}"))
            .ToList();

        Assert.True(warnings.Count == 0, string.Join("; ", warnings));
    }

    [Fact]
    public void InvalidCorpus_Has_ASidecarForEveryCase()
    {
        Assert.NotEmpty(CorpusFiles.InvalidNames);
        Assert.All(CorpusFiles.InvalidNames, n =>
            Assert.True(File.Exists(Path.Combine(CorpusFiles.InvalidDirectory, Path.ChangeExtension(n, null) + ".expect.json")), n));
    }

    [Theory]
    [InlineData("$.valid_until", "$.valid_until", "x", true)]
    [InlineData("$.spec_version", "$", "required property 'spec_version' is missing", true)]
    [InlineData("$.spec_version", "$", "required property is missing", false)]
    [InlineData("$.objects[1].id", "$.objects[1]", "missing id", true)]
    [InlineData("$.valid_until", "$.valid_from", "valid_until", false)]
    public void Expectation_Matches_PathOrParentNamingMember(string expectedPath, string issuePath, string message, bool matches)
    {
        var expectation = new InvalidCaseExpectation([expectedPath], null, "test");

        Assert.Equal(matches, expectation.IsMatchedBy(new StixIssue(StixIssueSeverity.Error, issuePath, message)));
    }
}
