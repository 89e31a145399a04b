using System.Text;
using System.Text.Json;
using ThreatShare.Stix;

namespace ThreatShare.Cli.Tests;

public sealed class StixValidateTests
{
    [Fact]
    public async Task ValidDocument_FromStdin_Answers_ValidTrue_WithWarnings_AndExitsZero()
    {
        var run = await CliHarness.RunAsync("{\n  \"type\": \"indicator\"\n}\n", "stix", "validate");

        Assert.Equal("{\"valid\":true,\"warnings\":[]}\n", run.Output);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task ValidDocument_WithWarning_ListsTheWarning()
    {
        var run = await CliHarness.RunAsync("{\"type\":\"indicator\",\"x_warn\":\"odd\"}", "stix", "validate");

        Assert.Equal("{\"valid\":true,\"warnings\":[{\"path\":\"$.x_warn\",\"message\":\"odd\"}]}\n", run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task InvalidDocument_Answers_ErrorsAndWarnings_AndExitsOne()
    {
        var run = await CliHarness.RunAsync("{\"x_warn\":\"odd\"}", "stix", "validate");

        Assert.Equal(
            "{\"valid\":false,\"errors\":[{\"path\":\"$.type\",\"message\":\"required property 'type' is missing\"}],"
            + "\"warnings\":[{\"path\":\"$.x_warn\",\"message\":\"odd\"}]}\n",
            run.Output);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task WholeInput_IsOneDocument_EvenAcrossManyLines()
    {
        var checks = new FakeChecks();
        var bundle = "{\r\n\"type\": \"bundle\",\r\n\"objects\": []\r\n}\r\n";

        var run = await CliHarness.RunAsync(bundle, checks, "stix", "validate");

        Assert.Equal([bundle], checks.Documents);
        Assert.Single(run.OutputLines);
    }

    [Fact]
    public async Task WholeInput_WithByteOrderMark_IsValidated_WithoutIt()
    {
        var checks = new FakeChecks();
        var input = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"type\":\"bundle\"}")).ToArray();

        var run = await CliHarness.RunAsync(input, checks, StixLimits.Default, "stix", "validate");

        Assert.Equal(["{\"type\":\"bundle\"}"], checks.Documents);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task WholeInput_Malformed_IsInvalid_WithAClearError_NotACrash()
    {
        var run = await CliHarness.RunAsync("{\"type\": ", "stix", "validate");

        using var answer = JsonDocument.Parse(run.OutputBytes);
        var error = Assert.Single(answer.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("$", error.GetProperty("path").GetString());
        Assert.StartsWith("malformed JSON (line 1, byte ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, answer.RootElement.GetProperty("warnings").GetArrayLength());
        Assert.Equal(1, run.ExitCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n ")]
    public async Task EmptyInput_IsOneInvalidDocument(string input)
    {
        var run = await CliHarness.RunAsync(input, "stix", "validate");

        Assert.Equal(
            "{\"valid\":false,\"errors\":[{\"path\":\"$\",\"message\":\"empty input: expected a JSON object (a STIX object or a bundle)\"}],\"warnings\":[]}\n",
            run.Output);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task WholeInput_LargerThanTheLimit_IsInvalid_WithoutBeingValidated()
    {
        var checks = new FakeChecks();
        var limits = new StixLimits { MaxDocumentBytes = 1000 };
        var input = Encoding.UTF8.GetBytes("{\"type\":\"" + new string('a', 200_000) + "\"}");

        var run = await CliHarness.RunAsync(input, checks, limits, "stix", "validate");

        Assert.Equal(
            "{\"valid\":false,\"errors\":[{\"path\":\"$\",\"message\":\"the document is larger than 1000 bytes\"}],\"warnings\":[]}\n",
            run.Output);
        Assert.Empty(checks.Documents);
    }

    [Fact]
    public async Task File_IsRead_InsteadOfStdin()
    {
        var path = Path.Combine(Path.GetTempPath(), $"threatshare-cli-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{\"type\":\"indicator\"}");
        try
        {
            var checks = new FakeChecks();
            var run = await CliHarness.RunAsync("not read", checks, "stix", "validate", path);

            Assert.Equal("{\"valid\":true,\"warnings\":[]}\n", run.Output);
            Assert.Equal(["{\"type\":\"indicator\"}"], checks.Documents);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task DashAsFile_ReadsStdin()
    {
        var run = await CliHarness.RunAsync("{\"type\":\"indicator\"}", "stix", "validate", "-");

        Assert.Equal("{\"valid\":true,\"warnings\":[]}\n", run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task MissingFile_ExitsTwo_WithAMessageOnStderr_AndNoOutput()
    {
        var path = Path.Combine(Path.GetTempPath(), $"threatshare-cli-missing-{Guid.NewGuid():N}.json");

        var run = await CliHarness.RunAsync("", "stix", "validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"threatshare: cannot read '{path}': no such file\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task DirectoryAsFile_ExitsTwo_WithAMessageOnStderr()
    {
        var run = await CliHarness.RunAsync("", "stix", "validate", Path.GetTempPath());

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("threatshare: cannot read '", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Jsonl_AnswersEachLine_InOrder()
    {
        var run = await CliHarness.RunAsync(
            "{\"type\":\"indicator\"}\n{\"id\":\"x\"}\r\n{\"type\":\"bundle\",\"x_warn\":\"w\"}",
            "stix",
            "validate",
            "--jsonl");

        Assert.Equal(
            [
                "{\"valid\":true,\"warnings\":[]}",
                "{\"valid\":false,\"errors\":[{\"path\":\"$.type\",\"message\":\"required property 'type' is missing\"}],\"warnings\":[]}",
                "{\"valid\":true,\"warnings\":[{\"path\":\"$.x_warn\",\"message\":\"w\"}]}",
            ],
            run.OutputLines);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Jsonl_MalformedLine_IsAnInvalidDocument_AndLaterLinesStillRun()
    {
        var run = await CliHarness.RunAsync("{\"type\":\n{\"type\":\"indicator\"}\n", "stix", "validate", "--jsonl");

        var lines = run.OutputLines;
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"valid\":false,\"errors\":[{\"path\":\"$\",\"message\":\"malformed JSON (line 1, byte ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("\"}],\"warnings\":[]}", lines[0], StringComparison.Ordinal);
        Assert.Equal("{\"valid\":true,\"warnings\":[]}", lines[1]);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Jsonl_EmptyLine_IsAnInvalidDocument_NotSkipped()
    {
        var run = await CliHarness.RunAsync("\n{\"type\":\"indicator\"}\n", "stix", "validate", "--jsonl");

        Assert.Equal(
            [
                "{\"valid\":false,\"errors\":[{\"path\":\"$\",\"message\":\"empty input: expected a JSON object (a STIX object or a bundle)\"}],\"warnings\":[]}",
                "{\"valid\":true,\"warnings\":[]}",
            ],
            run.OutputLines);
    }

    [Fact]
    public async Task Jsonl_ByteOrderMark_OnTheFirstLine_IsStripped()
    {
        var checks = new FakeChecks();
        var input = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"type\":\"a\"}\n{\"type\":\"b\"}\n")).ToArray();

        var run = await CliHarness.RunAsync(input, checks, StixLimits.Default, "stix", "validate", "--jsonl");

        Assert.Equal(["{\"type\":\"a\"}", "{\"type\":\"b\"}"], checks.Documents);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Jsonl_NulAndLoneSurrogateEscapes_GetOneAnswerEach()
    {
        var run = await CliHarness.RunAsync(
            "{\"type\":\"a\\u0000b\"}\n{\"type\":\"\\ud800\"}\n{\"type\":\"a\0b\"}\n",
            "stix",
            "validate",
            "--jsonl");

        Assert.Equal(3, run.OutputLines.Length);
        Assert.All(run.OutputLines, line => JsonDocument.Parse(line).Dispose());
    }

    [Fact]
    public async Task Jsonl_FiveMegabyteLine_GetsExactlyOneAnswer()
    {
        var big = "{\"type\":\"indicator\",\"description\":\"" + new string('d', 5 * 1024 * 1024) + "\"}";

        var run = await CliHarness.RunAsync("{\"type\":\"a\"}\n" + big + "\n{\"type\":\"b\"}\n", "stix", "validate", "--jsonl");

        Assert.Equal(["{\"valid\":true,\"warnings\":[]}", "{\"valid\":true,\"warnings\":[]}", "{\"valid\":true,\"warnings\":[]}"], run.OutputLines);
    }

    [Fact]
    public async Task Jsonl_LineLongerThanTheLimit_IsInvalid_AndLaterLinesStillRun()
    {
        var limits = new StixLimits { MaxDocumentBytes = 50 };
        var input = Encoding.UTF8.GetBytes("{\"type\":\"" + new string('a', 100_000) + "\"}\n{\"type\":\"b\"}\n");

        var run = await CliHarness.RunAsync(input, new FakeChecks(), limits, "stix", "validate", "--jsonl");

        Assert.Equal(
            [
                "{\"valid\":false,\"errors\":[{\"path\":\"$\",\"message\":\"the document is larger than 50 bytes\"}],\"warnings\":[]}",
                "{\"valid\":true,\"warnings\":[]}",
            ],
            run.OutputLines);
    }

    [Fact]
    public async Task ValidatorFailure_IsAnsweredAsInvalid_AndLaterLinesStillRun()
    {
        var run = await CliHarness.RunAsync("\"throw\"\n{\"type\":\"a\"}\n", "stix", "validate", "--jsonl");

        Assert.Equal(
            [
                "{\"valid\":false,\"errors\":[{\"path\":\"$\",\"message\":\"internal error while validating the document: InvalidOperationException\"}],\"warnings\":[]}",
                "{\"valid\":true,\"warnings\":[]}",
            ],
            run.OutputLines);
    }

    [Fact]
    public async Task Jsonl_TwoHundredThousandDocuments_GetTwoHundredThousandAnswers()
    {
        const int count = 200_000;
        var input = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            input.Append("{\"type\":\"indicator\"}\n");
        }

        var run = await CliHarness.RunAsync(input.ToString(), "stix", "validate", "--jsonl");

        Assert.Equal(count, run.OutputLines.Length);
        Assert.Equal(0, run.ExitCode);
    }
}
