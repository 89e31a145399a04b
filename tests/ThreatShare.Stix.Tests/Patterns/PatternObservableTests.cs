using ThreatShare.Stix.Patterns;

namespace ThreatShare.Stix.Tests.Patterns;

public sealed class PatternObservableTests
{
    private static IReadOnlyList<PatternObservable> Extract(string text)
    {
        var result = StixPatternParser.Parse(text);
        Assert.NotNull(result.Pattern);
        return result.Pattern.ExtractObservables();
    }

    [Fact]
    public void Extract_Finds_TypicalIndicatorValues()
    {
        var observables = Extract(
            "[ipv4-addr:value ISSUBSET '198.51.100.0/24'] OR [domain-name:value = 'evil.example.com'] OR " +
            "[url:value = 'http://evil.example.com/x'] OR [email-addr:value = 'bad@evil.example.com'] OR " +
            "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']");

        Assert.Equal(
            [
                new PatternObservable("ipv4-addr", "value", "198.51.100.0/24", PatternObservableKind.Cidr),
                new PatternObservable("domain-name", "value", "evil.example.com", PatternObservableKind.Exact),
                new PatternObservable("url", "value", "http://evil.example.com/x", PatternObservableKind.Exact),
                new PatternObservable("email-addr", "value", "bad@evil.example.com", PatternObservableKind.Exact),
                new PatternObservable("file", "hashes.'SHA-256'", "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f", PatternObservableKind.Exact),
            ],
            observables);
    }

    [Fact]
    public void Extract_NormalizesHashAlgorithmNames()
    {
        var observables = Extract("[file:hashes.sha256 = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' OR file:hashes.md5 = '79054025255fb1a26e4bc422aef54eb4']");

        Assert.Equal(["hashes.'SHA-256'", "hashes.MD5"], observables.Select(o => o.Path));
    }

    [Fact]
    public void Extract_DropsFullLengthPrefix_AndMarksShorterOnesAsCidr()
    {
        var observables = Extract("[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.0/24' OR ipv6-addr:value = '2001:db8::1/128']");

        Assert.Equal(
            [
                new PatternObservable("ipv4-addr", "value", "198.51.100.1", PatternObservableKind.Exact),
                new PatternObservable("ipv4-addr", "value", "203.0.113.0/24", PatternObservableKind.Cidr),
                new PatternObservable("ipv6-addr", "value", "2001:db8::1", PatternObservableKind.Exact),
            ],
            observables);
    }

    [Fact]
    public void Extract_Includes_InMembers_LikeAndMatches()
    {
        var observables = Extract("[domain-name:value IN ('a.example', 'b.example') OR url:value LIKE 'http://%.example/%' OR file:name MATCHES '^evil.*\\\\.exe$']");

        Assert.Equal(
            [
                new PatternObservable("domain-name", "value", "a.example", PatternObservableKind.Exact),
                new PatternObservable("domain-name", "value", "b.example", PatternObservableKind.Exact),
                new PatternObservable("url", "value", "http://%.example/%", PatternObservableKind.Like),
                new PatternObservable("file", "name", "^evil.*\\.exe$", PatternObservableKind.Regex),
            ],
            observables);
    }

    [Fact]
    public void Extract_Skips_NegatedAndNonEqualityComparisons()
    {
        var observables = Extract("[domain-name:value NOT = 'a.example' AND domain-name:value != 'b.example' AND domain-name:value NOT IN ('c.example') AND file:size > 10 AND EXISTS file:name]");

        Assert.Empty(observables);
    }

    [Fact]
    public void Extract_WalksQualifiedAndFollowedByExpressions_WithoutDuplicates()
    {
        var observables = Extract("([domain-name:value = 'a.example'] FOLLOWEDBY [domain-name:value = 'a.example']) WITHIN 60 SECONDS");

        Assert.Single(observables);
    }

    [Fact]
    public void Extract_RemovesDuplicates_InLongLists()
    {
        var members = string.Join(", ", Enumerable.Range(0, 3000).Select(i => $"'host{i % 1000}.example'"));

        var observables = Extract($"[domain-name:value IN ({members})]");

        Assert.Equal(1000, observables.Count);
        Assert.Equal("host999.example", observables[^1].Value);
    }

    [Fact]
    public void Extract_FollowsReferencePaths()
    {
        var observables = Extract("[email-message:from_ref.value = 'ceo@evil.example' AND network-traffic:dst_port = 443]");

        Assert.Equal(
            [
                new PatternObservable("email-message", "from_ref.value", "ceo@evil.example", PatternObservableKind.Exact),
                new PatternObservable("network-traffic", "dst_port", "443", PatternObservableKind.Exact),
            ],
            observables);
    }
}
