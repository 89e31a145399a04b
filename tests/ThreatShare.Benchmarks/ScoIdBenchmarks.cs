using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ThreatShare.Stix;

namespace ThreatShare.Benchmarks;

/// <summary>Deterministic SCO identifiers: from parsed JSON (the submission pipeline's path) and from typed records.</summary>
[MemoryDiagnoser]
public class ScoIdBenchmarks
{
    private const string Ipv4Json = """{"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4","value":"198.51.100.3"}""";

    private const string FileJson = """
        {"type":"file","spec_version":"2.1","id":"file--2b2b6ce5-7839-58a6-917e-ee54f07ce313","name":"invoice.pdf.exe","size":25536,
         "hashes":{"MD5":"8a1a4f4d1b2c3d4e5f60718293a4b5c6","SHA-1":"3f786850e387550fdab836ed7e6dc881de23001b",
                   "SHA-256":"ceafbfd424be2ca4a5f0402cae090dda2fb0526cf521b60b60077c0f622b285a"},
         "parent_directory_ref":"directory--93c0a9b0-520d-545d-9094-1a08ddf46b05"}
        """;

    private const string EmailJson = """
        {"type":"email-message","spec_version":"2.1","id":"email-message--11841e92-2789-53fa-960a-2b9a14864ff8","is_multipart":false,
         "date":"1997-11-21T15:55:06Z","from_ref":"email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed",
         "to_refs":["email-addr--d1b3bf0c-f02a-51a1-8102-11aba7959868"],"subject":"Saw your party photos",
         "body":"Hi, check out these photos: https://example.com/photos (totally safe, \"trust me\")."}
        """;

    private JsonDocument _ipv4 = null!; // set in Setup, before any benchmark runs
    private JsonDocument _file = null!; // set in Setup
    private JsonDocument _email = null!; // set in Setup
    private IPv4Address _ipv4Record = null!; // set in Setup

    [GlobalSetup]
    public void Setup()
    {
        _ipv4 = JsonDocument.Parse(Ipv4Json);
        _file = JsonDocument.Parse(FileJson);
        _email = JsonDocument.Parse(EmailJson);
        _ipv4Record = (IPv4Address)StixJson.Deserialize(Ipv4Json);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ipv4.Dispose();
        _file.Dispose();
        _email.Dispose();
    }

    [Benchmark(Baseline = true)]
    public StixIdentifier Ipv4Address() => ScoIdentifiers.Compute(_ipv4.RootElement);

    [Benchmark]
    public StixIdentifier FileWithHashes() => ScoIdentifiers.Compute(_file.RootElement);

    [Benchmark]
    public StixIdentifier EmailMessage() => ScoIdentifiers.Compute(_email.RootElement);

    [Benchmark]
    public StixIdentifier Ipv4AddressRecord() => _ipv4Record.ComputeId();
}
