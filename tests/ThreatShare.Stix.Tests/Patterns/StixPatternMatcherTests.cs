using System.Text.Json;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Stix.Tests.Patterns;

public sealed class StixPatternMatcherTests
{
    private const string Observation = """
        [
          { "type": "ipv4-addr", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "value": "198.51.100.7" },
          { "type": "ipv6-addr", "id": "ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1", "value": "2001:db8:dead:beef::1" },
          { "type": "domain-name", "id": "domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5", "value": "evil.example.com",
            "resolves_to_refs": ["ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd"] },
          { "type": "email-addr", "id": "email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3", "value": "ceo@evil.example.com" },
          { "type": "email-message", "id": "email-message--72b7698f-10c2-565a-a2a6-b4996a2f2265", "is_multipart": false,
            "from_ref": "email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3", "subject": "Invoice 42",
            "to_refs": ["email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3"] },
          { "type": "file", "id": "file--e277603e-1060-5ad4-9937-c26c97f1ca68", "name": "invoice.exe", "size": 25536,
            "hashes": { "SHA-256": "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f" },
            "magic_number_hex": "4D5A", "mtime": "2016-05-12T08:17:27.000Z",
            "extensions": { "windows-pebinary-ext": { "pe_type": "exe", "sections": [ { "name": ".text", "entropy": 7.5 }, { "name": ".data", "entropy": 1.25 } ] } } },
          { "type": "artifact", "id": "artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641", "payload_bin": "aGVsbG8=" },
          { "type": "x-acme-thing", "id": "x-acme-thing--6f437177-6e48-5cf8-9d9e-872a2bddd642", "enabled": true, "tags": ["a", "b"] }
        ]
        """;

    private static readonly JsonElement[] Objects = [.. JsonDocument.Parse(Observation).RootElement.EnumerateArray()];

    private static Pattern ParsePattern(string text)
    {
        var pattern = StixPatternParser.Parse(text).Pattern;
        Assert.NotNull(pattern);
        return pattern;
    }

    private static PatternMatchResult Match(string text, StixLimits? limits = null)
    {
        var parsed = StixPatternParser.Parse(text);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.NotNull(parsed.Pattern);
        return new StixPatternMatcher(limits).Match(parsed.Pattern, Objects);
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '198.51.100.7']")]
    [InlineData("[ipv4-addr:value != '198.51.100.8']")]
    [InlineData("[ipv4-addr:value NOT = '198.51.100.8']")]
    [InlineData("[file:size = 25536]")]
    [InlineData("[file:size > 1024 AND file:size < 30000]")]
    [InlineData("[file:size >= 25536 AND file:size <= 25536]")]
    [InlineData("[file:size > 25535.5]")]
    [InlineData("[file:name IN ('a.exe', 'invoice.exe')]")]
    [InlineData("[file:name NOT IN ('a.exe', 'b.exe')]")]
    [InlineData("[file:name LIKE 'inv%.e_e']")]
    [InlineData("[file:name NOT LIKE '%.dll']")]
    [InlineData(@"[file:name MATCHES '^inv[a-z]+\\.exe$']")]
    [InlineData(@"[file:name NOT MATCHES '\\.dll$']")]
    [InlineData("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")]
    [InlineData("[file:magic_number_hex = h'4d5a']")]
    [InlineData("[file:mtime > t'2016-01-01T00:00:00Z']")]
    [InlineData("[file:mtime = t'2016-05-12T08:17:27Z']")]
    [InlineData("[artifact:payload_bin = b'aGVsbG8=']")]
    [InlineData("[x-acme-thing:enabled = true]")]
    [InlineData("[x-acme-thing:tags[*] = 'b']")]
    [InlineData("[x-acme-thing:tags[0] = 'a']")]
    [InlineData("[EXISTS file:hashes.'SHA-256']")]
    [InlineData("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]")]
    [InlineData("[file:extensions.'windows-pebinary-ext'.sections[1].name = '.data']")]
    [InlineData("[email-message:from_ref.value = 'ceo@evil.example.com']")]
    [InlineData("[email-message:to_refs[*].value LIKE '%@evil.example.com']")]
    [InlineData("[domain-name:resolves_to_refs[*].value ISSUBSET '198.51.100.0/24']")]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.100.0/24']")]
    [InlineData("[ipv4-addr:value ISSUBSET '0.0.0.0/0']")]
    [InlineData("[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']")]
    [InlineData("[ipv6-addr:value ISSUBSET '2001:db8:dead:beef::/64']")]
    [InlineData("[ipv6-addr:value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']")]
    [InlineData("[ipv6-addr:value NOT ISSUBSET '2001:db8:dead:bef0::/64']")]
    [InlineData("[ipv4-addr:value ISSUPERSET '198.51.100.7']")]
    [InlineData("[file:name = 'nope.exe' OR file:size = 25536]")]
    [InlineData("[(file:name = 'nope.exe' OR file:name = 'invoice.exe') AND file:size = 25536]")]
    [InlineData("[ipv4-addr:value = '198.51.100.7' AND domain-name:value = 'evil.example.com']")]
    [InlineData("[domain-name:value = 'x.example'] OR [domain-name:value = 'evil.example.com']")]
    public void Match_Finds_MatchingObservation(string pattern)
    {
        Assert.Equal(PatternMatchOutcome.Matched, Match(pattern).Outcome);
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '198.51.100.8']")]
    [InlineData("[ipv4-addr:value != '198.51.100.7']")]
    [InlineData("[ipv4-addr:value NOT = '198.51.100.7']")]
    [InlineData("[file:size > 25536]")]
    [InlineData("[file:size < 25536]")]
    [InlineData("[file:size = '25536']")]
    [InlineData("[file:name IN ('a.exe', 'b.exe')]")]
    [InlineData("[file:name NOT IN ('invoice.exe')]")]
    [InlineData("[file:name IN ()]")]
    [InlineData("[file:name LIKE 'inv%.dll']")]
    [InlineData("[file:name LIKE 'invoice.ex']")]
    [InlineData("[file:name MATCHES '^evil']")]
    [InlineData("[file:magic_number_hex = h'4d5b']")]
    [InlineData("[file:mtime < t'2016-01-01T00:00:00Z']")]
    [InlineData("[artifact:payload_bin = b'd29ybGQ=']")]
    [InlineData("[x-acme-thing:enabled = false]")]
    [InlineData("[x-acme-thing:tags[1] = 'a']")]
    [InlineData("[x-acme-thing:tags[5] = 'a']")]
    [InlineData("[x-acme-thing:tags = 'a']")]
    [InlineData("[EXISTS file:hashes.MD5]")]
    [InlineData("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 8.0]")]
    [InlineData("[email-message:from_ref.value = 'other@evil.example.com']")]
    [InlineData("[email-message:sender_ref.value = 'ceo@evil.example.com']")]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.101.0/24']")]
    [InlineData("[ipv4-addr:value ISSUBSET '2001:db8::/32']")]
    [InlineData("[ipv6-addr:value ISSUBSET '2001:db8:dead:bef0::/64']")]
    [InlineData("[ipv6-addr:value ISSUBSET '198.51.100.0/24']")]
    [InlineData("[ipv4-addr:value ISSUPERSET '198.51.100.0/24']")]
    [InlineData("[mutex:name = 'x']")]
    [InlineData("[mutex:name NOT = 'x']")]
    [InlineData("[file:name = 'invoice.exe' AND file:size = 1]")]
    [InlineData("[ipv4-addr:value = '198.51.100.7' AND domain-name:value = 'other.example.com']")]
    public void Match_Rejects_NonMatchingObservation(string pattern)
    {
        Assert.Equal(PatternMatchOutcome.NotMatched, Match(pattern).Outcome);
    }

    [Theory]
    [InlineData("[file:name = 'invoice.exe'] AND [file:size = 25536]", "AND between observation expressions")]
    [InlineData("[file:name = 'invoice.exe'] FOLLOWEDBY [file:size = 25536]", "FOLLOWEDBY between observation expressions")]
    [InlineData("[file:name = 'invoice.exe'] WITHIN 5 SECONDS", "qualifiers")]
    [InlineData("[file:name = 'invoice.exe'] REPEATS 2 TIMES", "qualifiers")]
    public void Match_AnswersNotEvaluable_ForMultiObservationPatterns(string pattern, string reason)
    {
        var result = Match(pattern);

        Assert.Equal(PatternMatchOutcome.NotEvaluable, result.Outcome);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_AndOfSameType_MustHoldForOneObject()
    {
        JsonElement[] objects = [.. JsonDocument.Parse("""
            [ { "type": "file", "name": "a.exe", "size": 1 }, { "type": "file", "name": "b.exe", "size": 2 } ]
            """).RootElement.EnumerateArray()];
        var matcher = new StixPatternMatcher();

        var crossed = matcher.Match(ParsePattern("[file:name = 'a.exe' AND file:size = 2]"), objects);
        var same = matcher.Match(ParsePattern("[file:name = 'b.exe' AND file:size = 2]"), objects);

        Assert.Equal(PatternMatchOutcome.NotMatched, crossed.Outcome);
        Assert.Equal(PatternMatchOutcome.Matched, same.Outcome);
    }

    [Fact]
    public void Match_RegexTimeout_AnswersNotEvaluable()
    {
        // A lookahead forces the backtracking engine; the exponential shape runs into the time budget.
        JsonElement[] objects = [.. JsonDocument.Parse($$"""[ { "type": "file", "name": "{{new string('a', 200)}}!" } ]""").RootElement.EnumerateArray()];
        var pattern = ParsePattern("[file:name MATCHES '^(?=a)(a|aa)+$']");

        var result = new StixPatternMatcher(new StixLimits { RegexTimeout = TimeSpan.FromMilliseconds(1) }).Match(pattern, objects);

        Assert.Equal(PatternMatchOutcome.NotEvaluable, result.Outcome);
        Assert.Contains("ran longer than", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_NonBacktrackingRegex_HandlesCatastrophicShapeQuickly()
    {
        JsonElement[] objects = [.. JsonDocument.Parse($$"""[ { "type": "file", "name": "{{new string('a', 10000)}}!" } ]""").RootElement.EnumerateArray()];
        var pattern = ParsePattern("[file:name MATCHES '^(a+)+$']");

        var result = new StixPatternMatcher(new StixLimits { RegexTimeout = TimeSpan.FromMilliseconds(50) }).Match(pattern, objects);

        Assert.Equal(PatternMatchOutcome.NotMatched, result.Outcome);
    }

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "a%", true)]
    [InlineData("abc", "%c", true)]
    [InlineData("abc", "%b%", true)]
    [InlineData("abc", "a_c", true)]
    [InlineData("abc", "a_", false)]
    [InlineData("abc", "%", true)]
    [InlineData("", "%", true)]
    [InlineData("", "_", false)]
    [InlineData("aXbXc", "a%b%c", true)]
    [InlineData("abcabd", "%abd", true)]
    [InlineData("ab", "a%%b", true)]
    public void Like_FollowsSqlWildcards(string text, string pattern, bool expected)
    {
        Assert.Equal(expected, LikeMatcher.IsMatch(text, pattern));
    }
}
