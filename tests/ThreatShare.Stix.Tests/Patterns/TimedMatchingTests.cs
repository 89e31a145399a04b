using System.Text.Json;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Stix.Tests.Patterns;

public sealed class TimedMatchingTests
{
    private static PatternObservation Seen(string first, string last, string json) => new(
        StixTimestamp.Parse(first),
        StixTimestamp.Parse(last),
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray()]);

    // Three observations ten minutes apart: a download, a connection, a second connection.
    private static readonly PatternObservation[] Observations =
    [
        Seen("2016-06-01T10:00:00Z", "2016-06-01T10:00:05Z", """[ { "type": "file", "name": "dropper.exe" } ]"""),
        Seen("2016-06-01T10:10:00Z", "2016-06-01T10:10:01Z", """[ { "type": "ipv4-addr", "value": "198.51.100.7" } ]"""),
        Seen("2016-06-01T10:20:00Z", "2016-06-01T10:20:01Z", """[ { "type": "ipv4-addr", "value": "198.51.100.7" } ]"""),
    ];

    private static PatternMatchOutcome Match(string text)
    {
        var pattern = StixPatternParser.Parse(text).Pattern;
        Assert.NotNull(pattern);
        return new StixPatternMatcher().Match(pattern, Observations).Outcome;
    }

    [Theory]
    [InlineData("[file:name = 'dropper.exe']", PatternMatchOutcome.Matched)]
    [InlineData("[file:name = 'other.exe']", PatternMatchOutcome.NotMatched)]
    [InlineData("[file:name = 'dropper.exe'] AND [ipv4-addr:value = '198.51.100.7']", PatternMatchOutcome.Matched)]
    [InlineData("[file:name = 'dropper.exe'] AND [file:name = 'dropper.exe']", PatternMatchOutcome.NotMatched)]
    [InlineData("[file:name = 'nope'] OR [ipv4-addr:value = '198.51.100.7']", PatternMatchOutcome.Matched)]
    [InlineData("[file:name = 'dropper.exe'] FOLLOWEDBY [ipv4-addr:value = '198.51.100.7']", PatternMatchOutcome.Matched)]
    [InlineData("[ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [file:name = 'dropper.exe']", PatternMatchOutcome.NotMatched)]
    [InlineData("([file:name = 'dropper.exe'] FOLLOWEDBY [ipv4-addr:value = '198.51.100.7']) WITHIN 700 SECONDS", PatternMatchOutcome.Matched)]
    [InlineData("([file:name = 'dropper.exe'] FOLLOWEDBY [ipv4-addr:value = '198.51.100.7']) WITHIN 300 SECONDS", PatternMatchOutcome.NotMatched)]
    [InlineData("[ipv4-addr:value = '198.51.100.7'] REPEATS 2 TIMES", PatternMatchOutcome.Matched)]
    [InlineData("[ipv4-addr:value = '198.51.100.7'] REPEATS 3 TIMES", PatternMatchOutcome.NotMatched)]
    [InlineData("[ipv4-addr:value = '198.51.100.7'] REPEATS 2 TIMES WITHIN 601 SECONDS", PatternMatchOutcome.Matched)]
    [InlineData("[ipv4-addr:value = '198.51.100.7'] REPEATS 2 TIMES WITHIN 600 SECONDS", PatternMatchOutcome.NotMatched)]
    [InlineData("[ipv4-addr:value = '198.51.100.7'] START t'2016-06-01T10:15:00Z' STOP t'2016-06-02T00:00:00Z'", PatternMatchOutcome.Matched)]
    [InlineData("[file:name = 'dropper.exe'] START t'2016-06-01T10:15:00Z' STOP t'2016-06-02T00:00:00Z'", PatternMatchOutcome.NotMatched)]
    [InlineData("[ipv4-addr:value = '198.51.100.7'] START t'2016-06-01T10:10:00Z' STOP t'2016-06-01T10:20:00Z'", PatternMatchOutcome.Matched)]
    [InlineData("[ipv4-addr:value = '198.51.100.7'] REPEATS 2 TIMES START t'2016-06-01T10:10:00Z' STOP t'2016-06-01T10:20:00Z'", PatternMatchOutcome.NotMatched)]
    public void Match_EvaluatesObservationOperatorsAndQualifiers(string pattern, PatternMatchOutcome expected)
    {
        Assert.Equal(expected, Match(pattern));
    }

    [Fact]
    public void Match_TooManyCombinations_AnswersNotEvaluable()
    {
        var many = Enumerable.Range(0, 200)
            .Select(i => Seen("2016-06-01T10:00:00Z", "2016-06-01T10:00:00Z", """[ { "type": "ipv4-addr", "value": "198.51.100.7" } ]"""))
            .ToArray();
        var pattern = StixPatternParser.Parse("[ipv4-addr:value = '198.51.100.7'] AND [ipv4-addr:value = '198.51.100.7'] AND [ipv4-addr:value = '198.51.100.7']").Pattern;
        Assert.NotNull(pattern);

        var result = new StixPatternMatcher().Match(pattern, many);

        Assert.Equal(PatternMatchOutcome.NotEvaluable, result.Outcome);
        Assert.Contains("candidate combinations", result.Reason, StringComparison.Ordinal);
    }
}
