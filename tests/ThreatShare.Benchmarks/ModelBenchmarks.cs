using System.Text;
using BenchmarkDotNet.Attributes;
using ThreatShare.Stix;

namespace ThreatShare.Benchmarks;

/// <summary>Reading and writing one typical indicator (about 700 bytes, markings, kill chain, external reference).</summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private const string IndicatorJson = """
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
         "modified":"2016-04-06T20:03:48.000Z","indicator_types":["malicious-activity"],"name":"Poison Ivy Malware",
         "description":"This file is part of Poison Ivy",
         "pattern":"[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
         "pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z",
         "kill_chain_phases":[{"kill_chain_name":"lockheed-martin-cyber-kill-chain","phase_name":"delivery"}],
         "confidence":80,"external_references":[{"source_name":"acme-feed","external_id":"F-1234"}],
         "object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}
        """;

    private byte[] _utf8 = [];
    private StixObject _indicator = null!; // set in Setup before any benchmark runs

    /// <summary>Prepares the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Encoding.UTF8.GetBytes(IndicatorJson);
        _indicator = StixJson.Deserialize(_utf8);
    }

    /// <summary>UTF-8 bytes to an <see cref="Indicator"/> (polymorphic read by type).</summary>
    [Benchmark]
    public StixObject DeserializeIndicator() => StixJson.Deserialize(_utf8);

    /// <summary>An <see cref="Indicator"/> to UTF-8 bytes.</summary>
    [Benchmark]
    public byte[] SerializeIndicator() => StixJson.SerializeToUtf8Bytes(_indicator);
}
