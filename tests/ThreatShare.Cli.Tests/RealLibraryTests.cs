using System.Text.Json;

namespace ThreatShare.Cli.Tests;

/// <summary>The verbs wired to the real parser and validator (the other tests use fixed fakes).</summary>
public sealed class RealLibraryTests
{
    private const string SpecIndicator =
        """{"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","indicator_types":["malicious-activity"],"name":"Poison Ivy Malware","description":"This file is part of Poison Ivy","pattern":"[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"}""";

    [Theory]
    [InlineData("[ipv4-addr:value = '198.51.100.1/32']")]
    [InlineData("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")]
    [InlineData("[domain-name:value = 'example.com'] AND [ipv4-addr:value = '198.51.100.1']")]
    [InlineData("[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name LIKE 'Final Report%']")]
    [InlineData("([file:name = 'foo.dll'] AND [win-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) WITHIN 300 SECONDS")]
    public async Task PatternCheck_SpecificationPatterns_AreValid(string pattern)
    {
        var run = await CliHarness.RunRealAsync(pattern + "\n", "pattern", "check");

        Assert.Equal("{\"valid\":true}\n", run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '198.51.100.1'")]
    [InlineData("ipv4-addr:value = '198.51.100.1'")]
    [InlineData("[ipv4-addr:value = ]")]
    public async Task PatternCheck_BrokenPatterns_AreInvalid_WithAPosition(string pattern)
    {
        var run = await CliHarness.RunRealAsync(pattern + "\n", "pattern", "check");

        using var answer = JsonDocument.Parse(run.OutputBytes);
        Assert.False(answer.RootElement.GetProperty("valid").GetBoolean());
        Assert.NotEqual("", answer.RootElement.GetProperty("error").GetString());
        Assert.Equal(1, answer.RootElement.GetProperty("line").GetInt32());
        Assert.InRange(answer.RootElement.GetProperty("column").GetInt32(), 1, pattern.Length + 1);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task PatternCheck_Jsonl_NulAndHugeLines_AreAnsweredOnceEach()
    {
        var huge = "\"[file:name = '" + new string('a', 5 * 1024 * 1024) + "']\"";

        var run = await CliHarness.RunRealAsync("\"[file:name = 'a\\u0000b']\"\n" + huge + "\n\"\"\n", "pattern", "check", "--jsonl");

        var lines = run.OutputLines;
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.StartsWith("{\"valid\":false", lines[1], StringComparison.Ordinal);
        Assert.Equal("{\"valid\":false,\"error\":\"the pattern is empty\",\"line\":1,\"column\":1}", lines[2]);
    }

    [Fact]
    public async Task StixValidate_SpecificationIndicator_IsValid()
    {
        var run = await CliHarness.RunRealAsync(SpecIndicator, "stix", "validate");

        Assert.Equal("{\"valid\":true,\"warnings\":[]}\n", run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task StixValidate_BrokenPattern_IsReported_AtThePatternPath()
    {
        var broken = SpecIndicator.Replace("\"pattern\":\"[ file", "\"pattern\":\"( file", StringComparison.Ordinal);

        var run = await CliHarness.RunRealAsync(broken, "stix", "validate");

        using var answer = JsonDocument.Parse(run.OutputBytes);
        Assert.False(answer.RootElement.GetProperty("valid").GetBoolean());
        Assert.Contains(
            answer.RootElement.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("path").GetString() == "$.pattern");
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task StixValidate_Jsonl_MalformedLine_IsAnInvalidDocument_NotACrash()
    {
        var run = await CliHarness.RunRealAsync(SpecIndicator + "\n{bad\n" + SpecIndicator + "\n", "stix", "validate", "--jsonl");

        var lines = run.OutputLines;
        Assert.Equal(3, lines.Length);
        Assert.Equal("{\"valid\":true,\"warnings\":[]}", lines[0]);
        using var answer = JsonDocument.Parse(lines[1]);
        Assert.False(answer.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("$", answer.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal("{\"valid\":true,\"warnings\":[]}", lines[2]);
        Assert.Equal(1, run.ExitCode);
    }
}
