using ThreatShare.Core.Lookup;
using ThreatShare.Stix;

namespace ThreatShare.Core.Tests.Lookup;

public sealed class ObservablesTests
{
    private static readonly Dictionary<ObservableKind, int[]> Lengths = new()
    {
        [ObservableKind.Ipv4] = [24, 16],
        [ObservableKind.Ipv6] = [48],
    };

    [Theory]
    [InlineData("45.155.205.7", "ipv4", "45.155.205.7")]
    [InlineData(" 45.155.205.7/32 ", "ipv4", "45.155.205.7")]
    [InlineData("45.155.205.7/24", "ipv4", "45.155.205.0/24")]
    [InlineData("2A01:04F8:0:0:0:0:0:1", "ipv6", "2a01:4f8::1")]
    [InlineData("2a01:4f8:1:2:3:4:5:6/48", "ipv6", "2a01:4f8:1::/48")]
    [InlineData("Evil.Test.", "domain", "evil.test")]
    [InlineData("HTTPS://Evil.Test/Path?Q=A", "url", "https://evil.test/Path?Q=A")]
    [InlineData("http://evil.test", "url", "http://evil.test/")]
    [InlineData("http://User@Evil.Test:8080/x", "url", "http://User@evil.test:8080/x")]
    [InlineData("79054025255FB1A26E4BC422AEF54EB4", "md5", "79054025255fb1a26e4bc422aef54eb4")]
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709", "sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f", "sha256", "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f")]
    [InlineData("Phish@Evil.Test", "email", "phish@evil.test")]
    public void Detect_Recognizes_AndNormalizes(string input, string kind, string canonical)
    {
        var value = Observables.Detect(input);
        Assert.NotNull(value);
        Assert.Equal(kind, value.Kind.Name());
        Assert.Equal(canonical, value.Value);
    }

    [Fact]
    public void Detect_Recognizes_Sha512()
    {
        string digest = new('A', 128);
        Assert.Equal(new Observable(ObservableKind.Sha512, new string('a', 128)), Observables.Detect(digest));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a value")]
    [InlineData("127.1")]
    [InlineData("999.1.1.1")]
    [InlineData("045.155.205.7")]
    [InlineData("45.155.205.7/33")]
    [InlineData("localhost")]
    [InlineData("evil..test")]
    [InlineData("-evil.test")]
    [InlineData("a@b@evil.test")]
    [InlineData("://evil.test")]
    [InlineData("fe80::1%eth0")]
    public void Detect_Refuses_WhatIsNoKnownValue(string input) => Assert.Null(Observables.Detect(input));

    [Theory]
    [InlineData("md5", "evil.test")]
    [InlineData("sha256", "79054025255fb1a26e4bc422aef54eb4")]
    [InlineData("ipv4", "2a01:4f8::1")]
    [InlineData("ipv6", "45.155.205.7")]
    [InlineData("domain", "45.155.205.7")]
    public void Normalize_WithAType_RefusesOtherKinds(string type, string input)
    {
        Assert.True(Observables.TryParseKind(type, out var kind));
        Assert.Null(Observables.Normalize(kind, input));
    }

    [Theory]
    [InlineData("ipv4-addr", "ipv4")]
    [InlineData("SHA-256", "sha256")]
    [InlineData("domain-name", "domain")]
    [InlineData("email-addr", "email")]
    public void TypeNames_AcceptStixSpellings(string name, string kind)
    {
        Assert.True(Observables.TryParseKind(name, out var parsed));
        Assert.Equal(kind, parsed.Name());
    }

    [Fact]
    public void AddressProbes_CoverEachRangeLengthInUse_ClosestFirst()
    {
        var probes = Observables.Probes(Observables.Detect("45.155.205.7")!, Lengths).ToList();
        Assert.Equal(["ipv4:45.155.205.7", "ipv4:45.155.205.0/24", "ipv4:45.155.0.0/16"], probes.Select(p => p.Term));
        Assert.Equal([MatchKind.Exact, MatchKind.Range, MatchKind.Range], probes.Select(p => p.Match));

        // A range looks for itself and for the wider ranges only.
        Assert.Equal(["ipv4:45.155.205.0/24", "ipv4:45.155.0.0/16"], Observables.Probes(Observables.Detect("45.155.205.0/24")!, Lengths).Select(p => p.Term));
        Assert.Equal(["ipv6:2a01:4f8:1::9", "ipv6:2a01:4f8:1::/48"], Observables.Probes(Observables.Detect("2a01:4f8:1::9")!, Lengths).Select(p => p.Term));
    }

    [Fact]
    public void DomainProbes_ClimbToTheParent_BeforeTheTopLevelDomain()
    {
        var probes = Observables.Probes(Observables.Detect("a.b.Evil.co.test")!, Lengths).ToList();
        Assert.Equal(["domain:a.b.evil.co.test", "domain:b.evil.co.test", "domain:evil.co.test", "domain:co.test"], probes.Select(p => p.Term));
        Assert.Equal([MatchKind.Exact, MatchKind.Parent, MatchKind.Parent, MatchKind.Parent], probes.Select(p => p.Match));
        Assert.Equal(["domain:evil.test"], Observables.Probes(Observables.Detect("evil.test")!, Lengths).Select(p => p.Term));
    }

    [Fact]
    public void OtherKinds_ProbeOnlyThemselves() =>
        Assert.Equal(["url:http://evil.test/x"], Observables.Probes(Observables.Detect("http://evil.test/x")!, Lengths).Select(p => p.Term));

    [Fact]
    public void Indicator_Pattern_GivesItsExactValuesAndRanges_NotWildcards()
    {
        var indicator = StixJson.Deserialize("""
            {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z",
             "pattern":"[ipv4-addr:value = '45.155.205.7/32' OR ipv4-addr:value ISSUBSET '91.1.2.3/24'] OR [ipv6-addr:value = '2A01:4F8::1'] OR [domain-name:value IN ('Evil.Test', 'b.test')] OR [url:value LIKE 'http://%.test/'] OR [file:hashes.sha256 = 'AEC070645FE53EE3B3763059376134F058CC337247C978ADD178B6CCDFB0019F' AND file:hashes.md5 = '79054025255fb1a26e4bc422aef54eb4'] OR [email-addr:value = 'x@Evil.Test'] OR [file:name = 'evil.exe']",
             "pattern_type":"stix","valid_from":"2026-11-01T10:00:00Z"}
            """);
        Assert.Equal(
            [
                "ipv4:45.155.205.7", "ipv4:91.1.2.0/24", "ipv6:2a01:4f8::1", "domain:evil.test", "domain:b.test",
                "sha256:aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f", "md5:79054025255fb1a26e4bc422aef54eb4", "email:x@evil.test",
            ],
            Observables.Of(indicator).Select(o => o.Term));
        Assert.Equal(24, Observables.Of(indicator)[1].PrefixLength);
    }

    [Fact]
    public void NonStixPatterns_AndOtherObjects_GiveNothing()
    {
        var snort = StixJson.Deserialize("""
            {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z",
             "pattern":"alert tcp any any -> 45.155.205.7 any","pattern_type":"snort","valid_from":"2026-11-01T10:00:00Z"}
            """);
        Assert.Empty(Observables.Of(snort));
        var malware = StixJson.Deserialize("""
            {"type":"malware","spec_version":"2.1","id":"malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","name":"x","is_family":false}
            """);
        Assert.Empty(Observables.Of(malware));
    }

    [Fact]
    public void Observables_GiveTheirOwnValues()
    {
        var ip = StixJson.Deserialize("""{"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"45.155.205.0/24"}""");
        Assert.Equal(["ipv4:45.155.205.0/24"], Observables.Of(ip).Select(o => o.Term));
        string json = "{\"type\":\"file\",\"spec_version\":\"2.1\",\"id\":\"file--5a27d487-c542-5f97-a131-a8866b477b46\","
            + "\"hashes\":{\"SHA-1\":\"DA39A3EE5E6B4B0D3255BFEF95601890AFD80709\",\"SHA-512\":\"" + new string('b', 128) + "\"}}";
        var file = StixJson.Deserialize(json);
        Assert.Equal(["sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709", "sha512:" + new string('b', 128)], Observables.Of(file).Select(o => o.Term));
    }
}
