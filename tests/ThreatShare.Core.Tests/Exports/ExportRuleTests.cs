using ThreatShare.Core.Exports;
using ThreatShare.Core.Findings;
using ThreatShare.Core.Lookup;
using ThreatShare.Core.Sightings;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Tests.Exports;

public sealed class ExportRuleTests
{
    [Theory]
    [InlineData(ExportAudience.Feed, "clear,green")]
    [InlineData(ExportAudience.Person, "clear,green")]
    [InlineData(ExportAudience.OwnTool, "clear,green,amber,amber+strict")]
    public void Redistribution_FollowsTheDesignColumn_AndRedNeverGoesInBulk(ExportAudience audience, string levels) =>
        Assert.Equal(levels, string.Join(',', Redistribution.Levels(audience).Select(t => t.ToName())));

    private static ExportFilter? Parse(string query, out IReadOnlyList<ExportFilterError> errors) =>
        ExportFilter.Parse(query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).GroupBy(p => p[0])
            .Select(g => new KeyValuePair<string, IReadOnlyList<string>>(g.Key, [.. g.Select(p => p.Length > 1 ? p[1] : "")])), out errors);

    [Fact]
    public void Filter_ReadsEveryParameter_AndWritesOneCanonicalForm()
    {
        var filter = Parse("type=sha256,ipv4&channel=sector:finance&channel=cross-sector&tlp=amber&added_after=2026-11-01T00:00:00Z&min_confidence=70&min_sightings=2&include_revoked=true&include_expired=false", out var errors);
        Assert.Empty(errors);
        Assert.NotNull(filter);
        Assert.Equal(["cross-sector", "sector:finance"], filter.Channels);
        Assert.Equal([ObservableKind.Ipv4, ObservableKind.Sha256], filter.Types);
        Assert.Equal(Tlp.Amber, filter.TlpCeiling);
        Assert.Equal(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), filter.AddedAfter);
        Assert.Equal((70, 2, true, false), (filter.MinConfidence, filter.MinSightingOrganizations, filter.IncludeRevoked, filter.IncludeExpired));
        Assert.Equal("channel=cross-sector,sector:finance&type=ipv4,sha256&tlp=amber&added_after=2026-11-01T00:00:00.0000000Z&min_confidence=70&min_sightings=2&include_revoked=true",
            filter.Canonical());
        // The same filter written differently has the same canonical form (and so the same entity tag).
        Assert.Equal(filter.Canonical(), Parse("include_revoked=true&min_sightings=2&min_confidence=70&added_after=2026-11-01T00:00:00.000Z&tlp=amber&channel=cross-sector,sector:finance&type=ipv4&type=sha256", out _)!.Canonical());
    }

    [Theory]
    [InlineData("tlp=purple", "tlp")]
    [InlineData("tlp=green&tlp=clear", "tlp")]
    [InlineData("min_confidence=101", "min_confidence")]
    [InlineData("min_confidence=7.5", "min_confidence")]
    [InlineData("min_sightings=-1", "min_sightings")]
    [InlineData("added_after=2026-11-01", "added_after")]
    [InlineData("include_expired=yes", "include_expired")]
    [InlineData("channel=sector:", "channel")]
    [InlineData("type=ip", "type")]
    [InlineData("limit=10", "limit")]
    public void Filter_RefusesBadValues_NamingTheParameter(string query, string parameter)
    {
        Assert.Null(Parse(query, out var errors));
        Assert.Equal(parameter, Assert.Single(errors).Parameter);
    }

    [Theory]
    [InlineData("evil.test", "evil.test")]
    [InlineData("/a;b\"c|d\\e", "/a|3B|b|22|c|7C|d|5C|e")]
    [InlineData("/é", "/|C3 A9|")]
    public void RuleContent_HexEncodes_WhatTheRuleSyntaxReserves(string text, string content) =>
        Assert.Equal(content, SuricataRules.Content(text));

    [Fact]
    public void Rules_HaveStableSids_PerIndicatorValue_AndRevisionsPerVersion()
    {
        var v1 = Indicator(revision: 1, new ExportValue(new Observable(ObservableKind.Domain, "evil.test"), 7));
        var v2 = v1 with { Revision = 2 };
        var first = SuricataRules.For(v1, v1.Values[0]).ToList();
        var second = SuricataRules.For(v2, v2.Values[0]).ToList();
        Assert.Equal(3, first.Count);
        Assert.Equal(["sid:100000028;", "sid:100000029;", "sid:100000030;"], first.Select(r => Sid(r)));
        Assert.Equal(first.Select(Sid), second.Select(Sid));
        Assert.All(first, r => Assert.EndsWith("rev:1;)", r, StringComparison.Ordinal));
        Assert.All(second, r => Assert.EndsWith("rev:2;)", r, StringComparison.Ordinal));
        // Past the 32-bit sid space there is no rule rather than a clash.
        Assert.Empty(SuricataRules.For(v1, new ExportValue(new Observable(ObservableKind.Domain, "evil.test"), 1L << 31)));

        static string Sid(string rule) => rule[rule.IndexOf("sid:", StringComparison.Ordinal)..(rule.IndexOf(';', rule.IndexOf("sid:", StringComparison.Ordinal)) + 1)];
    }

    [Fact]
    public void UrlRules_CoverPlainHttpOnly_WithExactHostAndRawUri()
    {
        var indicator = Indicator(1, new ExportValue(new Observable(ObservableKind.Url, "http://user@evil.test:8080/p?q=1#frag"), 3),
            new ExportValue(new Observable(ObservableKind.Url, "https://evil.test/p"), 4));
        var rule = Assert.Single(SuricataRules.For(indicator, indicator.Values[0]));
        Assert.Contains("http.host; content:\"evil.test\"; bsize:9; http.uri.raw; content:\"/p?q=1\"; bsize:6;", rule, StringComparison.Ordinal);
        Assert.Empty(SuricataRules.For(indicator, indicator.Values[1]));
    }

    [Fact]
    public void Zone_LeavesOut_NamesTooLongForAnOrigin()
    {
        Assert.Equal("evil.test CNAME .\n*.evil.test CNAME .\n", ResponsePolicyZone.Records("evil.test"));
        string longName = string.Join('.', Enumerable.Repeat(new string('a', 50), 4)) + ".test"; // 208 characters: fits alone, not under a 60-character origin
        Assert.Null(ResponsePolicyZone.Records(longName));
    }

    [Fact]
    public void WarningLists_KeepResolversPrivateRangesBenignDomainsAndEmptyHashes_OutOfBlockEntries()
    {
        var lists = WarningLists.From(WarningLists.Defaults);
        Assert.NotNull(ExportValues.WarningOf(new Observable(ObservableKind.Ipv4, "8.8.8.8"), lists));
        Assert.NotNull(ExportValues.WarningOf(new Observable(ObservableKind.Ipv4, "10.0.0.0/16", 16), lists));
        Assert.NotNull(ExportValues.WarningOf(new Observable(ObservableKind.Ipv4, "0.0.0.0/0", 0), lists));
        Assert.NotNull(ExportValues.WarningOf(new Observable(ObservableKind.Domain, "login.microsoft.com"), lists));
        Assert.NotNull(ExportValues.WarningOf(new Observable(ObservableKind.Url, "http://user@www.google.com:80/x"), lists));
        Assert.NotNull(ExportValues.WarningOf(new Observable(ObservableKind.Url, "http://[::1]/x"), lists));
        Assert.NotNull(ExportValues.WarningOf(new Observable(ObservableKind.Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), lists));
        Assert.Null(ExportValues.WarningOf(new Observable(ObservableKind.Ipv4, "45.155.205.7"), lists));
        Assert.Null(ExportValues.WarningOf(new Observable(ObservableKind.Ipv6, "2a0e:97c0:2::/48", 48), lists));
        Assert.Null(ExportValues.WarningOf(new Observable(ObservableKind.Domain, "microsoft.com.evil.test"), lists));
    }

    [Fact]
    public void IndicatorFacts_ReadConfidenceAndValidUntil_AtTheTopLevelOnly()
    {
        var facts = IndicatorFacts.Read("""{"type":"indicator","x_nested":{"confidence":5},"confidence":85,"valid_until":"2026-11-05T00:00:00Z","pattern":"[x]"}""");
        Assert.Equal(85, facts.Confidence);
        Assert.Equal(new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc), facts.ValidUntil);
        Assert.Equal(default, IndicatorFacts.Read("""{"type":"indicator"}"""));
    }

    private static ExportIndicator Indicator(int revision, params ExportValue[] values) =>
        new("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "2026-11-01T10:00:00.000000000Z", "sector:finance", Tlp.Green, false, "{}", null, values, SightingSummary.None, revision);
}
