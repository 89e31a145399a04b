namespace ThreatShare.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("stix", "validate", "--no-such-option")]
    [InlineData("pattern", "check", "--no-such-option")]
    [InlineData("pattern", "check", "extra-argument")]
    [InlineData("pattern", "nope")]
    [InlineData("nope")]
    public async Task UnknownOptionOrVerb_ExitsTwo_WithAMessageOnStderr(params string[] args)
    {
        var run = await CliHarness.RunAsync("[a]\n", args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("threatshare: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'threatshare --help' for usage.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task UnknownOption_IsNamed_InTheMessage()
    {
        var run = await CliHarness.RunAsync("", "stix", "validate", "--no-such-option");

        Assert.Contains("--no-such-option", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoVerb_ExitsTwo()
    {
        var run = await CliHarness.RunAsync("");

        Assert.Equal(2, run.ExitCode);
        Assert.NotEqual("", run.Error);
    }

    [Theory]
    [InlineData("echo \"[ipv4-addr:value = '198.51.100.1']\" | threatshare pattern check", "pattern", "check", "--help")]
    [InlineData("threatshare stix validate bundle.json", "stix", "validate", "--help")]
    [InlineData("cat objects.jsonl | threatshare stix validate --jsonl", "stix", "validate", "-h")]
    public async Task Help_ExplainsTheVerb_WithAnExample_AndExitsZero(string example, params string[] args)
    {
        var run = await CliHarness.RunAsync("", args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(example, run.Output, StringComparison.Ordinal);
        Assert.Contains("--jsonl", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit code: 0 all valid, 1 any invalid, 2 usage error", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootHelp_ListsBothVerbGroups()
    {
        var run = await CliHarness.RunAsync("", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("pattern", run.Output, StringComparison.Ordinal);
        Assert.Contains("stix", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtSign_IsAFileName_NotAResponseFile()
    {
        var run = await CliHarness.RunAsync("", "stix", "validate", "@no-such-list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read '@no-such-list'", run.Error, StringComparison.Ordinal);
    }
}
