using System.Text.Json;

namespace ThreatShare.Stix.Tests.Observables;

public sealed class ScoJsonTests
{
    internal static StixObject Read(string json) => StixJson.Deserialize(json);

    internal static string Write(StixObject value) => StixJson.Serialize(value);

    internal static string Canonical(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonCanonicalizer.CanonicalizeToString(doc.RootElement);
    }

    internal static void AssertSameJson(string expected, string actual) => Assert.Equal(Canonical(expected), Canonical(actual));

    [Theory]
    [MemberData(nameof(SpecExamples.All), MemberType = typeof(SpecExamples))]
    public void SpecExample_Reads_AsItsTypedRecord_AndWritesBackEqual(string name, Type expectedType, string json)
    {
        var obj = Read(json);
        Assert.IsType(expectedType, obj);
        Assert.IsAssignableFrom<StixCyberObservable>(obj);
        AssertSameJson(json, Write(obj));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [MemberData(nameof(SpecExamples.All), MemberType = typeof(SpecExamples))]
    public void SpecExample_Extensions_AreTyped(string name, Type expectedType, string json)
    {
        var obj = Read(json);
        Assert.Equal(expectedType, obj.GetType());
        foreach (var (extensionName, extension) in obj.Extensions ?? new Dictionary<string, StixExtension>())
        {
            Assert.False(extension is RawStixExtension, $"{name}: {extensionName} was not read as a typed extension");
        }
    }

    [Theory]
    [MemberData(nameof(ConstructedObservables.All), MemberType = typeof(ConstructedObservables))]
    public void Constructed_WritesThenReads_ToEqualJson(string name)
    {
        var original = ConstructedObservables.Create(name);
        string written = Write(original);
        var read = Read(written);
        Assert.Equal(original.GetType(), read.GetType());
        Assert.Equal(written, Write(read));
        using var doc = JsonDocument.Parse(written);
        Assert.Equal(original.Type, doc.RootElement.GetProperty("type").GetString());
        Assert.Equal(original.Id.Value, doc.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void ConstructedObservables_Cover_All18Types()
    {
        var types = ConstructedObservables.Types.Select(t => ConstructedObservables.Create(t).Type).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(ScoIdentifiers.KnownTypes.ToHashSet(StringComparer.Ordinal), types);
    }

    [Fact]
    public void Read_File_GivesTypedExtensionAccessors()
    {
        var file = Assert.IsType<StixFile>(Read(SpecExamples.FilePe));
        var pe = file.WindowsPEBinaryExt;
        Assert.NotNull(pe);
        Assert.Equal("exe", pe.PeType);
        Assert.Equal("014c", pe.MachineHex);
        Assert.Equal("2016-01-22T12:31:12Z", pe.TimeDateStamp?.ToString());
        Assert.Equal("010b", pe.OptionalHeader?.MagicHex);
        var section = Assert.Single(pe.Sections ?? []);
        Assert.Equal(7.980693, section.Entropy);
        Assert.Null(file.PdfExt);
    }

    [Fact]
    public void Read_NetworkTraffic_GivesTypedHttpRequest()
    {
        var traffic = Assert.IsType<NetworkTraffic>(Read(SpecExamples.NetworkTrafficHttp));
        Assert.Equal(["tcp", "http"], traffic.Protocols);
        var http = traffic.HttpRequestExt;
        Assert.NotNull(http);
        Assert.Equal("get", http.RequestMethod);
        Assert.Equal("www.example.com", http.RequestHeader?["Host"][0].GetString());
    }

    [Fact]
    public void Read_HttpRequestHeader_AcceptsStringValues_AsInTheSpecificationExample()
    {
        const string json = """
            {"type":"network-traffic","id":"network-traffic--f8ae967a-3dc3-5cdf-8f94-8505abff00c2","protocols":["tcp","http"],
             "extensions":{"http-request-ext":{"request_method":"get","request_value":"/","request_header":{"Host":"www.example.com"}}}}
            """;
        var traffic = Assert.IsType<NetworkTraffic>(Read(json));
        Assert.Equal("www.example.com", traffic.HttpRequestExt?.RequestHeader?["Host"].GetString());
        AssertSameJson(json, Write(traffic));
    }

    [Fact]
    public void Read_Keeps_UnknownExtension_AndCustomProperties()
    {
        const string json = """
            {
              "type": "file", "spec_version": "2.1", "id": "file--fb0419a8-f09c-57f8-be64-71a80417591c",
              "name": "a.pdf", "x_acme_score": 7,
              "extensions": {
                "pdf-ext": { "version": "1.7", "pdfid0": "DFCE52BD827ECF765649852119D", "x_acme_pages": 3 },
                "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e": { "extension_type": "property-extension", "rank": 5 },
                "x-acme-ext": { "colour": "red" }
              }
            }
            """;
        var file = Assert.IsType<StixFile>(Read(json));
        Assert.Equal("DFCE52BD827ECF765649852119D", file.PdfExt?.Pdfid0);
        Assert.True(file.PdfExt?.CustomProperties?.ContainsKey("x_acme_pages"));
        var raw = Assert.IsType<RawStixExtension>(file.Extensions?["extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e"]);
        Assert.Equal("property-extension", raw.ExtensionType);
        Assert.IsType<RawStixExtension>(file.Extensions?["x-acme-ext"]);
        Assert.Equal(7, file.CustomProperties?["x_acme_score"].GetInt32());
        AssertSameJson(json, Write(file));
    }

    [Fact]
    public void Read_Keeps_CustomPropertiesOfNestedTypes()
    {
        const string json = """
            {
              "type": "windows-registry-key", "id": "windows-registry-key--2ba37ae7-2745-5082-9dfd-9486dad41016",
              "key": "hkey_local_machine\\system\\bar\\foo",
              "values": [ { "name": "Foo", "data": "qwerty", "data_type": "REG_SZ", "x_note": "seen twice" } ]
            }
            """;
        var key = Assert.IsType<WindowsRegistryKey>(Read(json));
        var value = Assert.Single(key.Values ?? []);
        Assert.Equal("seen twice", value.CustomProperties?["x_note"].GetString());
        AssertSameJson(json, Write(key));
    }

    [Fact]
    public void ComputeId_OfTypedObject_Equals_ComputeOfItsJson()
    {
        foreach (object[] row in SpecExamples.All)
        {
            string json = (string)row[2];
            var obj = Assert.IsAssignableFrom<StixCyberObservable>(Read(json));
            using var doc = JsonDocument.Parse(json);
            var fromJson = ScoIdentifiers.TryComputeDeterministic(doc.RootElement, out var id, out _) ? id : (StixIdentifier?)null;
            if (fromJson is { } expected)
            {
                Assert.Equal(expected, obj.ComputeId());
            }
            else
            {
                Assert.Equal(4, obj.ComputeId().UuidVersion);
            }
        }
    }

    [Fact]
    public void WithComputedId_Gives_DeterministicId_WithoutAnIdToStartWith()
    {
        var address = new IPv4Address { Id = default, Value = "198.51.100.3" }.WithComputedId();
        Assert.Equal("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4", address.Id.Value);
        var file = new StixFile
        {
            Id = StixIdentifier.NewId(StixFile.TypeName),
            Name = "quêry.dll",
            Size = 25536,
            Hashes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["SHA-256"] = "ceafbfd424be2ca4a5f0402cae090dda2fb0526cf521b60b60077c0f622b285a",
            },
        }.WithComputedId();
        Assert.Equal("file--2b2b6ce5-7839-58a6-917e-ee54f07ce313", file.Id.Value);
    }

    [Fact]
    public void ComputeId_OfTypedFileWithPeExtension_MatchesReferenceImplementation()
    {
        // The same file as ScoIdentifierTests.Compute_File_WithExtensionAndFloat_MatchesReferenceImplementation,
        // built in code: the typed path must give the reference implementation's id too.
        var file = new StixFile
        {
            Id = default,
            Name = "example.exe",
            Size = 68000,
            MagicNumberHex = "50000000",
            Hashes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["SHA-256"] = "841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649",
            },
            Extensions = new Dictionary<string, StixExtension>(StringComparer.Ordinal)
            {
                [WindowsPEBinaryExtension.ExtensionName] = new WindowsPEBinaryExtension
                {
                    PeType = "exe",
                    MachineHex = "014c",
                    Sections =
                    [
                        new WindowsPESection
                        {
                            Name = ".data",
                            Size = 4096,
                            Entropy = 7.980693,
                            Hashes = new Dictionary<string, string>(StringComparer.Ordinal)
                            {
                                ["SHA-256"] = "6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0",
                            },
                        },
                    ],
                },
            },
        };
        Assert.Equal("file--ced31cd4-bdcb-537d-aefa-92d291bfc11d", file.ComputeId().Value);
        Assert.Equal(file.ComputeId(), file.WithComputedId().ComputeId());
    }

    [Fact]
    public void ComputeId_Ignores_TheCurrentId()
    {
        var a = new DomainName { Id = StixIdentifier.NewId(DomainName.TypeName), Value = "example.com" };
        var b = a with { Id = StixIdentifier.NewId(DomainName.TypeName), Defanged = true };
        Assert.Equal(a.ComputeId(), b.ComputeId());
        Assert.Equal("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7", a.ComputeId().Value);
    }

    [Fact]
    public void Read_Rejects_MalformedReference()
    {
        const string json = """{"type":"email-addr","id":"email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3","value":"a@example.com","belongs_to_ref":"user-account--not-a-uuid"}""";
        Assert.ThrowsAny<JsonException>(() => Read(json));
    }
}
