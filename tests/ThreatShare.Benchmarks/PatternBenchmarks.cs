using BenchmarkDotNet.Attributes;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Benchmarks;

/// <summary>Parse + validate throughput of STIX patterns, and observable extraction.</summary>
[MemoryDiagnoser]
public class PatternBenchmarks
{
    private const string Typical = "[ipv4-addr:value = '198.51.100.1/32'] OR [domain-name:value = 'evil.example.com']";

    private const string Complex =
        "([file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:name NOT LIKE '%.dll'] " +
        "AND [process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$']) " +
        "FOLLOWEDBY [network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64' AND network-traffic:dst_port IN (80, 443, 8080)] " +
        "WITHIN 300 SECONDS " +
        "OR [email-message:from_ref.value = 'ceo@evil.example.com' AND email-message:body_multipart[*].body_raw_ref.name = 'invoice.exe'] " +
        "START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'";

    private Pattern _typical = null!; // set in Setup, which BenchmarkDotNet runs first

    [GlobalSetup]
    public void Setup() => _typical = StixPatternParser.Parse(Typical).Pattern ?? throw new InvalidOperationException("typical pattern must parse");

    [Benchmark(Baseline = true)]
    public bool ParseTypical() => StixPatternParser.Parse(Typical).IsValid;

    [Benchmark]
    public bool ParseComplex() => StixPatternParser.Parse(Complex).IsValid;

    [Benchmark]
    public int ExtractObservables() => _typical.ExtractObservables().Count;

    [Benchmark]
    public int ParseAndExtract() => StixPatternParser.Parse(Typical).Pattern?.ExtractObservables().Count ?? 0;
}
