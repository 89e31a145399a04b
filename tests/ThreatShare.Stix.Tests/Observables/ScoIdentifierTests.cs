using System.Text;
using System.Text.Json;
using FsCheck.Xunit;

namespace ThreatShare.Stix.Tests.Observables;

public sealed class ScoIdentifierTests
{
    private static StixIdentifier Id(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ScoIdentifiers.Compute(doc.RootElement);
    }

    // Expected ids were computed independently (Python's uuid.uuid5 over the canonical JSON of the contributing
    // properties), or are the published ids of the reference implementation (file and registry key examples).
    [Theory]
    [InlineData("""{"type":"ipv4-addr","value":"198.51.100.3"}""", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")]
    [InlineData("""{"type":"ipv4-addr","value":"203.0.113.1"}""", "ipv4-addr--ad74bc22-43d2-52ed-890e-7d382f58e1eb")]
    [InlineData("""{"type":"email-addr","value":"john@example.com","display_name":"John Doe"}""", "email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934")]
    [InlineData("""{"type":"domain-name","value":"example.com","resolves_to_refs":["ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4"]}""", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7")]
    [InlineData("""{"type":"ipv6-addr","value":"2001:0db8:85a3:0000:0000:8a2e:0370:7334"}""", "ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f")]
    [InlineData("""{"type":"mac-addr","value":"d2:fb:49:24:37:18"}""", "mac-addr--757b1725-9903-54f5-a855-1240691d7659")]
    [InlineData("""{"type":"url","value":"https://example.com/research/index.html"}""", "url--47c3cf9a-5027-5bf0-997a-017c7edc7c55")]
    [InlineData("""{"type":"mutex","name":"__CLEANSWEEP__"}""", "mutex--f93fe911-e545-5239-b9b0-597840d0c871")]
    [InlineData("""{"type":"autonomous-system","number":15139,"name":"Slime Industries","rir":"ARIN"}""", "autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff")]
    [InlineData("""{"type":"email-message","is_multipart":false,"subject":"Saw your party photos","from_ref":"email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed","date":"1997-11-21T15:55:06Z"}""", "email-message--11841e92-2789-53fa-960a-2b9a14864ff8")]
    [InlineData("""{"type":"file","name":"quêry.dll","size":25536,"hashes":{"SHA-256":"ceafbfd424be2ca4a5f0402cae090dda2fb0526cf521b60b60077c0f622b285a"}}""", "file--2b2b6ce5-7839-58a6-917e-ee54f07ce313")]
    [InlineData("""{"type":"windows-registry-key","values":[{"name":"Foo","data":"qwerty"},{"name":"Bar","data":"42"}]}""", "windows-registry-key--36594eba-bcc7-5014-9835-0e154264e588")]
    public void Compute_Matches_IndependentlyComputedIds(string json, string expected) =>
        Assert.Equal(expected, Id(json).Value);

    [Fact]
    public void Compute_File_WithExtensionAndFloat_MatchesReferenceImplementation()
    {
        const string json = """
            {
              "type": "file", "spec_version": "2.1", "name": "example.exe", "size": 68000, "magic_number_hex": "50000000",
              "hashes": { "SHA-256": "841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649" },
              "extensions": {
                "windows-pebinary-ext": {
                  "pe_type": "exe", "machine_hex": "014c",
                  "sections": [ { "name": ".data", "size": 4096, "entropy": 7.980693,
                    "hashes": { "SHA-256": "6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0" } } ]
                }
              }
            }
            """;
        Assert.Equal("file--ced31cd4-bdcb-537d-aefa-92d291bfc11d", Id(json).Value);
    }

    [Fact]
    public void Compute_Is_IndependentOf_PropertyOrder()
    {
        var a = Id("""{"type":"email-message","subject":"s","body":"b","from_ref":"email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934"}""");
        var b = Id("""{"from_ref":"email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934","body":"b","type":"email-message","subject":"s"}""");
        Assert.Equal(a, b);
        Assert.Equal(5, a.UuidVersion);
    }

    [Fact]
    public void Compute_Ignores_NonContributingProperties()
    {
        var bare = Id("""{"type":"ipv4-addr","value":"203.0.113.1"}""");
        var rich = Id("""{"type":"ipv4-addr","id":"ipv4-addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.1","value":"203.0.113.1","resolves_to_refs":["mac-addr--757b1725-9903-54f5-a855-1240691d7659"],"defanged":true}""");
        Assert.Equal(bare, rich);
    }

    [Fact]
    public void Compute_Differs_WhenContributingPropertyDiffers()
    {
        Assert.NotEqual(Id("""{"type":"ipv4-addr","value":"203.0.113.1"}"""), Id("""{"type":"ipv4-addr","value":"203.0.113.2"}"""));
        Assert.NotEqual(Id("""{"type":"ipv4-addr","value":"203.0.113.1"}"""), Id("""{"type":"ipv6-addr","value":"203.0.113.1"}"""));
    }

    [Theory]
    [InlineData("""{"MD5":"aa","SHA-1":"bb","SHA-256":"cc"}""", """{"MD5":"aa"}""")]
    [InlineData("""{"SHA-256":"cc","SHA-1":"bb"}""", """{"SHA-1":"bb"}""")]
    [InlineData("""{"SHA-512":"dd","SHA-256":"cc"}""", """{"SHA-256":"cc"}""")]
    [InlineData("""{"SSDEEP":"ee","SHA-512":"dd"}""", """{"SHA-512":"dd"}""")]
    [InlineData("""{"TLSH":"ff","SSDEEP":"ee"}""", """{"SSDEEP":"ee"}""")]
    public void Compute_UsesOnlyThePreferredHash(string allHashes, string chosen)
    {
        var withAll = Id("""{"type":"file","name":"a.exe","hashes":""" + allHashes + "}");
        var withChosen = Id("""{"type":"file","name":"a.exe","hashes":""" + chosen + "}");
        Assert.Equal(withChosen, withAll);
    }

    [Fact]
    public void Compute_Hashes_KeepAllHashes_InsideExtensions()
    {
        var one = Id("""{"type":"file","extensions":{"x-ext":{"hashes":{"MD5":"aa"}}}}""");
        var two = Id("""{"type":"file","extensions":{"x-ext":{"hashes":{"MD5":"aa","SHA-1":"bb"}}}}""");
        Assert.NotEqual(one, two);
    }

    [Theory]
    [InlineData("""{"type":"email-message","is_multipart":false}""")]
    [InlineData("""{"type":"process","pid":1221,"command_line":"./gedit-bin --new-window"}""")]
    [InlineData("""{"type":"x-custom-sco","value":"v"}""")]
    [InlineData("""{"type":"file","hashes":{},"size":3}""")]
    [InlineData("""{"type":"ipv4-addr","value":null}""")]
    public void Compute_UsesRandomUuid_WhenNoContributingPropertyIsPresent(string json)
    {
        var first = Id(json);
        var second = Id(json);
        Assert.Equal(4, first.UuidVersion);
        Assert.NotEqual(first, second);
        using var doc = JsonDocument.Parse(json);
        Assert.False(ScoIdentifiers.TryComputeDeterministic(doc.RootElement, out _, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Compute_WithCustomContributingProperties_IsDeterministic()
    {
        using var doc = JsonDocument.Parse("""{"type":"x-custom-sco","value":"v","other":1}""");
        var id = ScoIdentifiers.Compute(doc.RootElement, ["value", "value"]);
        using var expected = JsonDocument.Parse("""{"type":"ipv4-addr","value":"v"}""");
        Assert.Equal("x-custom-sco", id.Type);
        Assert.Equal(ScoIdentifiers.Compute(expected.RootElement).Uuid, id.Uuid);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"value":"1.2.3.4"}""")]
    [InlineData("""{"type":"IPv4","value":"1.2.3.4"}""")]
    public void Compute_Rejects_ObjectWithoutValidType(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Throws<ArgumentException>(() => ScoIdentifiers.Compute(doc.RootElement));
    }

    [Fact]
    public void Compute_Rejects_NonCanonicalizableContributingValue()
    {
        using var doc = JsonDocument.Parse("""{"type":"artifact","payload_bin":"AA==","hashes":{"MD5":{"a":1,"a":2}}}""");
        Assert.False(ScoIdentifiers.TryComputeDeterministic(doc.RootElement, out _, out var error));
        Assert.Contains("$.hashes.MD5", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ScoIdentifiers.Compute(doc.RootElement));
        var issue = Assert.Single(ScoIdentifiers.Check(doc.RootElement, "$.objects[0]"));
        Assert.Equal(StixIssueSeverity.Error, issue.Severity);
        Assert.Equal("$.objects[0].hashes.MD5", issue.Path);
        Assert.Contains("duplicate", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsDeterministic_And_Check_Compare_TheIdWithTheContributingProperties()
    {
        using var good = JsonDocument.Parse("""{"type":"ipv4-addr","id":"ipv4-addr--ad74bc22-43d2-52ed-890e-7d382f58e1eb","value":"203.0.113.1"}""");
        using var bad = JsonDocument.Parse("""{"type":"ipv4-addr","id":"ipv4-addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","value":"203.0.113.1"}""");
        Assert.True(ScoIdentifiers.IsDeterministic(good.RootElement));
        Assert.Empty(ScoIdentifiers.Check(good.RootElement));
        Assert.False(ScoIdentifiers.IsDeterministic(bad.RootElement));
        var issue = Assert.Single(ScoIdentifiers.Check(bad.RootElement, "$.objects[3]"));
        Assert.Equal(StixIssueSeverity.Warning, issue.Severity);
        Assert.Equal("$.objects[3].id", issue.Path);
        Assert.Contains("ipv4-addr--ad74bc22-43d2-52ed-890e-7d382f58e1eb", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetContributingProperties_Knows_The18Types()
    {
        Assert.Equal(18, ScoIdentifiers.KnownTypes.Count());
        Assert.Equal(["body", "from_ref", "subject"], ScoIdentifiers.GetContributingProperties("email-message"));
        Assert.Equal(["extensions", "hashes", "name", "parent_directory_ref"], ScoIdentifiers.GetContributingProperties("file"));
        Assert.Empty(ScoIdentifiers.GetContributingProperties("process") ?? ["not known"]);
        Assert.Null(ScoIdentifiers.GetContributingProperties("indicator"));
    }

    [Fact]
    public void CreateVersion5_Matches_Rfc4122DnsExample()
    {
        // The well-known v5 UUID of "python.org" in the DNS namespace.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), ScoIdentifiers.CreateVersion5(dns, "python.org"u8));
    }

    [Property(MaxTest = 200)]
    public bool Compute_IsDeterministic_ForAnyValue(string value, bool reorder)
    {
        if (value is null || value.Any(char.IsSurrogate))
        {
            return true;
        }
        string v = JsonSerializer.Serialize(value);
        string a = "{\"type\":\"url\",\"value\":" + v + ",\"defanged\":false}";
        string b = reorder ? "{\"defanged\":true,\"value\":" + v + ",\"type\":\"url\"}" : a;
        var expected = ScoIdentifiers.CreateVersion5(ScoIdentifiers.Namespace, Encoding.UTF8.GetBytes("{\"value\":" + JsonCanonicalizer.CanonicalizeToString(JsonDocument.Parse(v).RootElement) + "}"));
        return Id(a) == Id(b) && Id(a).Uuid == expected;
    }
}
