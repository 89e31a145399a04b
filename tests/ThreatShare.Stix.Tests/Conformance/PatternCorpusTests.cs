using System.Text.Json;
using ThreatShare.Stix.Patterns;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>The pattern parser and the validator against <c>patterns/valid.txt</c> and <c>patterns/invalid.txt</c>.</summary>
public sealed class PatternCorpusTests
{
    public static TheoryData<string> ValidPatterns() => [.. CorpusFiles.PatternLines("valid.txt")];

    public static TheoryData<string> InvalidPatterns() => [.. CorpusFiles.PatternLines("invalid.txt")];

    [Theory]
    [MemberData(nameof(ValidPatterns))]
    public void ValidPattern_Parses_WithoutErrors(string pattern)
    {
        var result = StixPatternParser.Parse(pattern);

        Assert.True(result.IsValid, pattern + ": " + string.Join("; ", result.Errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        Assert.NotNull(result.Pattern);
    }

    [Theory]
    [MemberData(nameof(InvalidPatterns))]
    public void InvalidPattern_Reports_AnErrorWithPosition(string pattern)
    {
        var result = StixPatternParser.Parse(pattern);

        Assert.False(result.IsValid, pattern + ": parsed without error");
        Assert.All(result.Errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.True(e.Line >= 1 && e.Column >= 1, $"position {e.Line}:{e.Column} of '{e.Message}'");
        });
    }

    [Theory]
    [MemberData(nameof(ValidPatterns))]
    public void ValidPattern_InIndicator_Passes_Validator(string pattern)
    {
        var result = new StixValidator().Validate(Indicator(pattern));

        Assert.True(result.IsValid, pattern + ": " + string.Join("; ", result.Errors));
    }

    [Theory]
    [MemberData(nameof(InvalidPatterns))]
    public void InvalidPattern_InIndicator_Reports_ErrorAtPattern(string pattern)
    {
        var result = new StixValidator().Validate(Indicator(pattern));

        Assert.Contains(result.Errors, e => e.Path == "$.pattern");
    }

    [Fact]
    public void PatternCorpus_IsNotEmpty()
    {
        Assert.True(CorpusFiles.PatternLines("valid.txt").Count >= 50);
        Assert.True(CorpusFiles.PatternLines("invalid.txt").Count >= 40);
    }

    private static byte[] Indicator(string pattern) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
    {
        ["type"] = "indicator",
        ["spec_version"] = "2.1",
        ["id"] = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        ["created"] = "2016-04-06T20:03:48.000Z",
        ["modified"] = "2016-04-06T20:03:48.000Z",
        ["pattern"] = pattern,
        ["pattern_type"] = "stix",
        ["valid_from"] = "2016-01-01T00:00:00Z",
    });
}
