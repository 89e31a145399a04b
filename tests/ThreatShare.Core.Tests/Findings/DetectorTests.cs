using System.Net;
using System.Text.Json;
using ThreatShare.Core.Findings;
using ThreatShare.Core.Submissions;

namespace ThreatShare.Core.Tests.Findings;

/// <summary>The automatic findings: true positives, and the look-alikes that must stay quiet.</summary>
public class DetectorTests
{
    private static readonly WarningLists Lists = WarningLists.From(WarningLists.Defaults);
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.7.1", "private")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("240.1.2.3", "reserved")]
    [InlineData("198.51.100.7", "documentation")]
    [InlineData("8.8.8.8", "Google Public DNS")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd12:3456::1", "unique local")]
    [InlineData("2001:db8::5", "documentation")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2606:4700:4700::1111", "Cloudflare DNS")]
    [InlineData("::ffff:192.168.1.1", "private")]
    public void ListedAddress_IsNamedWithItsReason(string value, string reason) =>
        Assert.Contains(reason, Lists.OfAddress(IPAddress.Parse(value)), StringComparison.Ordinal);

    [Theory]
    [InlineData("45.155.205.7")]
    [InlineData("11.0.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("8.8.8.9")]
    [InlineData("2a00:1450:4001::1")]
    public void PublicAddress_IsNotListed(string value) => Assert.Null(Lists.OfAddress(IPAddress.Parse(value)));

    [Theory]
    [InlineData("8.0.0.0/7", false)] // covers 8.8.8.8 but no listed range; resolvers are addresses, not ranges
    [InlineData("10.20.0.0/16", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("198.51.99.0/24", false)]
    [InlineData("2001:db8:1::/48", true)]
    public void Range_OverlappingAListedRange_IsListed(string value, bool listed) =>
        Assert.Equal(listed, Lists.OfRange(IPNetwork.Parse(value)) is not null);

    [Theory]
    [InlineData("google.com", true)]
    [InlineData("mail.google.com", true)]
    [InlineData("GOOGLE.COM.", true)]
    [InlineData("evil.example.com", true)]
    [InlineData("notgoogle.com", false)]
    [InlineData("google.com.evil.test", false)]
    [InlineData("login-microsoft.top", false)]
    public void Domain_AndItsSubdomains_AreListed(string value, bool listed) => Assert.Equal(listed, Lists.OfDomain(value) is not null);

    [Fact]
    public void EmptyFileHashes_AreListed_InAnyCase_OtherHashesNot()
    {
        Assert.NotNull(Lists.OfHash("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
        Assert.NotNull(Lists.OfHash("d41d8cd98f00b204e9800998ecf8427e"));
        Assert.Null(Lists.OfHash("d41d8cd98f00b204e9800998ecf8427f"));
    }

    [Theory]
    [InlineData("Contact john.doe@bank-a.test for details", "e-mail address")]
    [InlineData("call +972-3-555-1234 now", "phone number")]
    [InlineData("call (03) 555-1234 now", "phone number")]
    [InlineData("call 03-555-1234 now", "phone number")]
    [InlineData("card 4111 1111 1111 1111 was used", "payment card")]
    [InlineData("card 5500-0000-0000-0004", "payment card")]
    [InlineData("card 378282246310005", "payment card")]
    [InlineData("holder id 123456782", "national identity number")]
    [InlineData("paid to GB82 WEST 1234 5698 7654 32", "IBAN")]
    [InlineData("paid to DE89370400440532013000", "IBAN")]
    [InlineData("paid to IL620108000000099999999", "IBAN")]
    public void PersonalData_IsFound(string text, string what) => Assert.Contains(PersonalData.Find(text), hit => hit.Contains(what, StringComparison.Ordinal));

    [Theory]
    [InlineData("seen 2026-01-15 and 2026-02-01T10:00:00Z")]
    [InlineData("affects version 10.0.19041.1234 and 3.2.1")]
    [InlineData("beacons to 10.20.30.40 and 192.168.100.200")]
    [InlineData("sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("md5 d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("id indicator--0d5b5a5e-5d0e-4c8f-9d1b-123456789012")]
    [InlineData("UUID 123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("card-like number failing Luhn 4111 1111 1111 1112")]
    [InlineData("nine digits failing the check 123456789")]
    [InlineData("CVE-2024-12345 and build 20240115")]
    [InlineData("port 4444 and 8080, pid 123456")]
    [InlineData("IBAN-looking GB82 WEST 1234 5698 7654 33")]
    [InlineData("report to abuse@bank-a.test or soc@bank-a.test")]
    [InlineData("the kit lives at https://evil.test/a/b/1234567890")]
    public void LookAlikes_AreNotPersonalData(string text) => Assert.Empty(PersonalData.Find(text));

    [Fact]
    public void PersonalData_Message_MasksTheDatum()
    {
        var findings = Inspect("""{"type":"report","id":"report--1","created":"2026-01-01T00:00:00Z","name":"r","description":"victim card 4111111111111111 and jane.roe@corp.test"}""");
        Assert.Equal(2, findings.Count(f => f.Kind == FindingDetectors.PersonalDataKind && f.Path == "$.bundle.objects[0].description"));
        Assert.DoesNotContain(findings, f => f.Message.Contains("4111111111111111", StringComparison.Ordinal) || f.Message.Contains("jane.roe", StringComparison.Ordinal));
    }

    [Fact]
    public void PersonalData_IsLookedFor_InLabels_NoteContent_Opinion_AndReferenceDescriptions()
    {
        var findings = Inspect(
            """{"type":"note","id":"note--1","created":"2026-01-01T00:00:00Z","content":"ask jane.roe@corp.test","labels":["x","+972-54-555-1234"]}""",
            """{"type":"opinion","id":"opinion--1","created":"2026-01-01T00:00:00Z","opinion":"agree","explanation":"card 4111 1111 1111 1111"}""",
            """{"type":"malware","id":"malware--1","created":"2026-01-01T00:00:00Z","name":"m","is_family":true,"external_references":[{"source_name":"a","description":"IBAN DE89370400440532013000"}]}""");
        Assert.Equal(
            ["$.bundle.objects[0].content", "$.bundle.objects[0].labels[1]", "$.bundle.objects[1].explanation", "$.bundle.objects[2].external_references[0].description"],
            findings.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(FindingDetectors.PersonalDataKind, f.Kind));
    }

    [Fact]
    public void PatternHits_PointAtThePattern_AndCidrOverlapsCount()
    {
        var findings = Inspect(
            """{"type":"identity","id":"identity--1","created":"2026-01-01T00:00:00Z","name":"x"}""",
            """{"type":"indicator","id":"indicator--1","created":"2026-01-01T00:00:00Z","pattern_type":"stix","pattern":"[ipv4-addr:value ISSUBSET '10.0.0.0/7'] OR [domain-name:value = 'update.microsoft.com'] OR [file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e'] OR [url:value = 'http://127.0.0.1/x']","valid_from":"2026-01-01T00:00:00Z"}""");
        Assert.Equal(4, findings.Count(f => f.Kind == FindingDetectors.WarningList && f.Path == "$.bundle.objects[1].pattern"));
    }

    [Fact]
    public void PublicValues_GiveNoFinding()
    {
        var findings = Inspect(
            """{"type":"indicator","id":"indicator--1","created":"2026-01-01T00:00:00Z","name":"C2 45.155.205.7","description":"seen 2026-01-02, version 1.2.3","pattern_type":"stix","pattern":"[ipv4-addr:value = '45.155.205.7'] OR [domain-name:value = 'evil.test'] OR [email-addr:value = 'ceo@evil.test']","valid_from":"2026-01-01T00:00:00Z","valid_until":"2027-01-01T00:00:00Z"}""",
            """{"type":"ipv4-addr","id":"ipv4-addr--1","value":"45.33.32.156"}""");
        Assert.Empty(findings);
    }

    [Fact]
    public void ObservableValues_AreWarningListHits_NeverPersonalData()
    {
        var findings = Inspect(
            """{"type":"ipv4-addr","id":"ipv4-addr--1","value":"192.168.1.1"}""",
            """{"type":"email-addr","id":"email-addr--1","value":"john.doe@evil.test","display_name":"John Doe"}""",
            """{"type":"file","id":"file--1","hashes":{"SHA-256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}}""",
            """{"type":"domain-name","id":"domain-name--1","value":"www.github.com"}""");
        Assert.Equal(["$.bundle.objects[0].value", "$.bundle.objects[2].hashes.'SHA-256'", "$.bundle.objects[3].value"], findings.Select(f => f.Path));
        Assert.All(findings, f => Assert.Equal(FindingDetectors.WarningList, f.Kind));
    }

    [Fact]
    public void ExpiredIndicator_IsAConsistencyFinding_AFutureOneIsNot()
    {
        var expired = Inspect("""{"type":"indicator","id":"indicator--1","created":"2026-01-01T00:00:00Z","pattern_type":"stix","pattern":"[domain-name:value = 'evil.test']","valid_from":"2026-01-01T00:00:00Z","valid_until":"2026-05-31T00:00:00Z"}""");
        var finding = Assert.Single(expired);
        Assert.Equal((FindingDetectors.Consistency, "$.bundle.objects[0].valid_until"), (finding.Kind, finding.Path));
        Assert.Empty(Inspect("""{"type":"indicator","id":"indicator--1","created":"2026-01-01T00:00:00Z","pattern_type":"stix","pattern":"[domain-name:value = 'evil.test']","valid_from":"2026-01-01T00:00:00Z","valid_until":"2026-06-02T00:00:00Z"}"""));
    }

    [Fact]
    public void AnEditedList_CountsInsteadOfTheDefaults()
    {
        var edited = WarningLists.From([(WarningLists.BenignDomains, "evil.test", "our own test")]);
        var obj = JsonDocument.Parse("""{"type":"domain-name","id":"domain-name--1","value":"a.evil.test"}""").RootElement;
        Assert.Contains("our own test", Assert.Single(FindingDetectors.Inspect(obj, "$", edited, Now)).Message, StringComparison.Ordinal);
        Assert.Empty(FindingDetectors.Inspect(JsonDocument.Parse("""{"type":"ipv4-addr","id":"ipv4-addr--1","value":"10.0.0.1"}""").RootElement, "$", edited, Now));
    }

    [Theory]
    [InlineData(WarningLists.AddressRanges, " 10.0.0.0/8 ", "10.0.0.0/8")]
    [InlineData(WarningLists.AddressRanges, "FC00::/7", "fc00::/7")]
    [InlineData(WarningLists.PublicResolvers, "2001:4860:4860:0::8888", "2001:4860:4860::8888")]
    [InlineData(WarningLists.BenignDomains, "Example.COM.", "example.com")]
    [InlineData(WarningLists.EmptyFileHashes, "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e")]
    public void Entries_AreNormalized(string list, string value, string canonical) => Assert.Equal(canonical, WarningLists.Normalize(list, value, out _));

    [Theory]
    [InlineData(WarningLists.AddressRanges, "10.0.0.0/33")]
    [InlineData(WarningLists.AddressRanges, "10.0.0.1/8")]
    [InlineData(WarningLists.AddressRanges, "nope")]
    [InlineData(WarningLists.PublicResolvers, "8.8.8.0/24")]
    [InlineData(WarningLists.BenignDomains, "bad domain")]
    [InlineData(WarningLists.BenignDomains, "-a.com")]
    [InlineData(WarningLists.EmptyFileHashes, "xyz")]
    [InlineData(WarningLists.EmptyFileHashes, "d41d8cd98f00b204e9800998ecf8427")]
    [InlineData("no-such-list", "x")]
    public void BadEntries_AreRefused_WithAReason(string list, string value)
    {
        Assert.Null(WarningLists.Normalize(list, value, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TheShippedDefaults_CoverEveryList()
    {
        Assert.All(WarningLists.Names, name => Assert.Contains(WarningLists.Defaults, e => e.List == name));
        Assert.All(WarningLists.Defaults, e => Assert.Equal(e.Value, WarningLists.Normalize(e.List, e.Value, out _)));
    }

    private static List<Finding> Inspect(params string[] objects)
    {
        var findings = new List<Finding>();
        for (int i = 0; i < objects.Length; i++)
        {
            using var doc = JsonDocument.Parse(objects[i]);
            findings.AddRange(FindingDetectors.Inspect(doc.RootElement, $"$.bundle.objects[{i}]", Lists, Now));
        }
        return findings;
    }
}
