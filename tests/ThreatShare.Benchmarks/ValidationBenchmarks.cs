using System.Text;
using BenchmarkDotNet.Attributes;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Benchmarks;

/// <summary>Parse + validate of one typical indicator, from UTF-8 bytes to result.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private static readonly byte[] StixIndicator = Encoding.UTF8.GetBytes("""
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
         "modified":"2016-04-06T20:03:48.000Z","indicator_types":["malicious-activity"],"name":"Poison Ivy Malware",
         "description":"This file is part of Poison Ivy",
         "pattern":"[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
         "pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z",
         "object_marking_refs":["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"]}
        """);

    private static readonly byte[] SigmaIndicator = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(StixIndicator)
        .Replace("\"pattern_type\":\"stix\"", "\"pattern_type\":\"sigma\"", StringComparison.Ordinal));

    private readonly StixValidator _validator = new();

    /// <summary>Typical indicator with a STIX pattern (includes the pattern parser).</summary>
    [Benchmark(Baseline = true)]
    public bool IndicatorWithStixPattern() => _validator.Validate(StixIndicator).IsValid;

    /// <summary>The same indicator with a non-STIX pattern: JSON parsing and the validator alone.</summary>
    [Benchmark]
    public bool IndicatorWithoutPatternParse() => _validator.Validate(SigmaIndicator).IsValid;
}
