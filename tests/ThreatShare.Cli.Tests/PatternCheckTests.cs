using System.Text;
using System.Text.Json;
using ThreatShare.Stix;

namespace ThreatShare.Cli.Tests;

public sealed class PatternCheckTests
{
    [Fact]
    public async Task ValidPattern_Answers_ValidTrue_AndExitsZero()
    {
        var run = await CliHarness.RunAsync("[ipv4-addr:value = '198.51.100.1']\n", "pattern", "check");

        Assert.Equal("{\"valid\":true}\n", run.Output);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task InvalidPattern_Answers_ErrorLineColumn_AndExitsOne()
    {
        var run = await CliHarness.RunAsync("[ipv4-addr:value = '1'\n", "pattern", "check");

        Assert.Equal("{\"valid\":false,\"error\":\"expected ']' at the end\",\"line\":1,\"column\":23}\n", run.Output);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task MixedInput_Answers_OneLinePerInputLine_InOrder()
    {
        var run = await CliHarness.RunAsync("[a]\nb\n[c]\nd\n", "pattern", "check");

        Assert.Equal(
            [
                "{\"valid\":true}",
                "{\"valid\":false,\"error\":\"expected ']' at the end\",\"line\":1,\"column\":2}",
                "{\"valid\":true}",
                "{\"valid\":false,\"error\":\"expected ']' at the end\",\"line\":1,\"column\":2}",
            ],
            run.OutputLines);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task EmptyLine_IsAnsweredAsInvalid_NotSkipped()
    {
        var checks = new FakeChecks();
        var run = await CliHarness.RunAsync("[a]\n\n[b]\n", checks, "pattern", "check");

        Assert.Equal(
            ["{\"valid\":true}", "{\"valid\":false,\"error\":\"the pattern is empty\",\"line\":1,\"column\":1}", "{\"valid\":true}"],
            run.OutputLines);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task EmptyInput_Answers_Nothing_AndExitsZero()
    {
        var run = await CliHarness.RunAsync("", "pattern", "check");

        Assert.Equal("", run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task LastLine_WithoutNewline_IsAnswered()
    {
        var run = await CliHarness.RunAsync("[a]\n[b]", "pattern", "check");

        Assert.Equal("{\"valid\":true}\n{\"valid\":true}\n", run.Output);
    }

    [Fact]
    public async Task CrLfLineEndings_AreStripped_BeforeChecking()
    {
        var checks = new FakeChecks();
        var run = await CliHarness.RunAsync("[a]\r\n[b]\r\n", checks, "pattern", "check");

        Assert.Equal(["[a]", "[b]"], checks.Patterns);
        Assert.Equal("{\"valid\":true}\n{\"valid\":true}\n", run.Output);
    }

    [Fact]
    public async Task LoneCarriageReturn_IsData_NotALineBreak()
    {
        var checks = new FakeChecks();
        var run = await CliHarness.RunAsync("[a\rb]\n", checks, "pattern", "check");

        Assert.Equal(["[a\rb]"], checks.Patterns);
        Assert.Single(run.OutputLines);
    }

    [Fact]
    public async Task Utf8ByteOrderMark_AtStart_IsStripped()
    {
        var checks = new FakeChecks();
        var input = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("[a]\n[b]\n")).ToArray();

        var run = await CliHarness.RunAsync(input, checks, StixLimits.Default, "pattern", "check");

        Assert.Equal(["[a]", "[b]"], checks.Patterns);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task NulCharacter_InRawLine_ReachesTheChecker_AndGetsOneAnswer()
    {
        var checks = new FakeChecks();
        var run = await CliHarness.RunAsync("[a\0b]\n[c]\n", checks, "pattern", "check");

        Assert.Equal(["[a\0b]", "[c]"], checks.Patterns);
        Assert.Equal(2, run.OutputLines.Length);
    }

    [Fact]
    public async Task InvalidUtf8_InRawLine_IsInvalid_WithColumnOfTheBadByte()
    {
        byte[] input = [(byte)'[', (byte)'a', 0xFF, (byte)']', (byte)'\n', (byte)'[', (byte)'b', (byte)']', (byte)'\n'];

        var run = await CliHarness.RunAsync(input, "pattern", "check");

        Assert.Equal(
            ["{\"valid\":false,\"error\":\"the line is not valid UTF-8 (bad byte 0xFF)\",\"line\":1,\"column\":3}", "{\"valid\":true}"],
            run.OutputLines);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Jsonl_DecodesStringLiterals_SoPatternsMayHoldAnyCharacter()
    {
        var checks = new FakeChecks();
        var run = await CliHarness.RunAsync(
            "\"[file:name = 'a\\nb']\"\n\"[x:y = '\\u0000\\\"']\"\n  \"[\\ud83d\\ude00]\"  \n",
            checks,
            "pattern",
            "check",
            "--jsonl");

        Assert.Equal(["[file:name = 'a\nb']", "[x:y = '\0\"']", "[\U0001F600]"], checks.Patterns);
        Assert.Equal(["{\"valid\":true}", "{\"valid\":true}", "{\"valid\":true}"], run.OutputLines);
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("abc", "the line is not a JSON string literal: ", 1)]
    [InlineData("\"[a]", "the line is not a JSON string literal: ", 5)]
    [InlineData("\"[a]\" x", "the line is not a JSON string literal: ", 7)]
    [InlineData("  42", "expected a JSON string literal, found a number", 3)]
    [InlineData("[\"[a]\"]", "expected a JSON string literal, found an array", 1)]
    [InlineData("null", "expected a JSON string literal, found null", 1)]
    [InlineData("", "expected a JSON string literal, found an empty line", 1)]
    [InlineData("\"é\" x", "the line is not a JSON string literal: ", 5)]
    public async Task Jsonl_LineThatIsNotAJsonString_IsInvalid_AtTheJsonErrorPosition(string line, string errorStart, int column)
    {
        var checks = new FakeChecks();
        var run = await CliHarness.RunAsync(line + "\n\"[ok]\"\n", checks, "pattern", "check", "--jsonl");

        var lines = run.OutputLines;
        Assert.Equal(2, lines.Length);
        using var answer = JsonDocument.Parse(lines[0]);
        Assert.False(answer.RootElement.GetProperty("valid").GetBoolean());
        Assert.StartsWith(errorStart, answer.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, answer.RootElement.GetProperty("line").GetInt32());
        Assert.Equal(column, answer.RootElement.GetProperty("column").GetInt32());
        Assert.Equal("{\"valid\":true}", lines[1]);
        Assert.Equal(["[ok]"], checks.Patterns);
        Assert.Equal(1, run.ExitCode);
    }

    [Theory]
    [InlineData("\"[a \\ud800 b]\"", 5)]
    [InlineData("\"[\\udc00]\"", 3)]
    [InlineData("\"[\\\\ud800 \\ud83d]\"", 11)]
    public async Task Jsonl_LoneSurrogateEscape_IsInvalid_AtTheEscape(string line, int column)
    {
        var run = await CliHarness.RunAsync(line + "\n", "pattern", "check", "--jsonl");

        Assert.Equal(
            $"{{\"valid\":false,\"error\":\"the JSON string contains an unpaired surrogate escape, which is not Unicode text\",\"line\":1,\"column\":{column}}}\n",
            run.Output);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Jsonl_CrLfAndByteOrderMark_AreAccepted()
    {
        var checks = new FakeChecks();
        var input = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("\"[a]\"\r\n\"[b]\"\r\n")).ToArray();

        var run = await CliHarness.RunAsync(input, checks, StixLimits.Default, "pattern", "check", "--jsonl");

        Assert.Equal(["[a]", "[b]"], checks.Patterns);
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FiveMegabyteLine_GetsExactlyOneAnswer(bool jsonl)
    {
        var big = "[" + new string('a', 5 * 1024 * 1024) + "]";
        var line = jsonl ? "\"" + big + "\"" : big;
        var checks = new FakeChecks();

        var input = jsonl ? "\"[x]\"\n" + line + "\n\"[y]\"\n" : "[x]\n" + line + "\n[y]\n";

        var run = await CliHarness.RunAsync(input, checks, jsonl ? ["pattern", "check", "--jsonl"] : ["pattern", "check"]);

        Assert.Equal(["{\"valid\":true}", "{\"valid\":true}", "{\"valid\":true}"], run.OutputLines);
        Assert.Equal(big, checks.Patterns[1]);
    }

    [Fact]
    public async Task LineLongerThanTheDocumentLimit_IsInvalid_WithoutBeingChecked()
    {
        var checks = new FakeChecks();
        var limits = new StixLimits { MaxDocumentBytes = 100 };
        var input = Encoding.UTF8.GetBytes("[a]\n[" + new string('b', 200_000) + "]\n[c]\n");

        var run = await CliHarness.RunAsync(input, checks, limits, "pattern", "check");

        Assert.Equal(
            ["{\"valid\":true}", "{\"valid\":false,\"error\":\"the line is longer than 100 bytes\",\"line\":1,\"column\":1}", "{\"valid\":true}"],
            run.OutputLines);
        Assert.Equal(["[a]", "[c]"], checks.Patterns);
    }

    [Fact]
    public async Task LineExactlyAtTheLimit_WithCrLf_IsAccepted()
    {
        var checks = new FakeChecks();
        var limits = new StixLimits { MaxDocumentBytes = 10 };
        var pattern = "[" + new string('b', 8) + "]";

        var run = await CliHarness.RunAsync(Encoding.UTF8.GetBytes(pattern + "\r\n"), checks, limits, "pattern", "check");

        Assert.Equal("{\"valid\":true}\n", run.Output);
        Assert.Equal([pattern], checks.Patterns);
    }

    [Fact]
    public async Task FirstLineExactlyAtTheLimit_WithByteOrderMarkAndCrLf_IsAccepted_WhenSplitAcrossReads()
    {
        var checks = new FakeChecks();
        var limits = new StixLimits { MaxDocumentBytes = 10 };
        var pattern = "[" + new string('b', 8) + "]";
        var input = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(pattern + "\r\n")).ToArray();
        using var stdin = new PieceStream(input, 2);
        using var stdout = new MemoryStream();

        await CliApplication.RunAsync(["pattern", "check"], new CliConsole(stdin, stdout, TextWriter.Null), checks, limits, CancellationToken.None);

        Assert.Equal("{\"valid\":true}\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal([pattern], checks.Patterns);
    }

    [Fact]
    public async Task CheckerFailure_IsAnsweredAsInvalid_AndLaterLinesStillRun()
    {
        var run = await CliHarness.RunAsync("throw\n[a]\n", "pattern", "check");

        Assert.Equal(
            [
                "{\"valid\":false,\"error\":\"internal error while checking the pattern: InvalidOperationException\",\"line\":1,\"column\":1}",
                "{\"valid\":true}",
            ],
            run.OutputLines);
        Assert.Equal(1, run.ExitCode);
    }

    [Theory]
    [InlineData("quote \" backslash \\ tab \t nul \0 end", "quote \\\" backslash \\\\ tab \\t nul \\u0000 end")]
    [InlineData("non-ASCII é and <'&'>", "non-ASCII é and <'&'>")]
    [InlineData("astral 😀", "astral \\uD83D\\uDE00")]
    public async Task ErrorMessages_AreWrittenAsProperlyEscapedJson(string message, string expectedJsonText)
    {
        var checks = new FakeChecks { PatternError = message };

        var run = await CliHarness.RunAsync("bad\n", checks, "pattern", "check");

        Assert.Equal($"{{\"valid\":false,\"error\":\"{expectedJsonText}\",\"line\":1,\"column\":4}}\n", run.Output);
        using var answer = JsonDocument.Parse(run.OutputBytes);
        Assert.Equal(message, answer.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ErrorMessage_WithAnUnpairedSurrogate_IsWrittenWithAReplacementCharacter()
    {
        // Not an [InlineData]: attribute strings are stored as UTF-8 and cannot hold an unpaired surrogate.
        var checks = new FakeChecks { PatternError = "unpaired \ud800 surrogate" };

        var run = await CliHarness.RunAsync("bad\n", checks, "pattern", "check");

        Assert.Equal("{\"valid\":false,\"error\":\"unpaired \uFFFD surrogate\",\"line\":1,\"column\":4}\n", run.Output);
    }

    [Fact]
    public async Task Output_IsUtf8WithoutByteOrderMark_AndUsesLfOnly()
    {
        var run = await CliHarness.RunAsync("[a]\r\nb\r\n", "pattern", "check");

        Assert.NotEqual(0xEF, run.OutputBytes[0]);
        Assert.DoesNotContain((byte)'\r', run.OutputBytes);
        Assert.Equal(2, run.OutputBytes.Count(b => b == (byte)'\n'));
    }

    [Fact]
    public async Task TwoHundredThousandLines_GetTwoHundredThousandAnswers_InOrder()
    {
        const int count = 200_000;
        var input = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            input.Append(i % 1000 == 999 ? "bad" : "[ipv4-addr:value = '10.0.0.1']").Append('\n');
        }

        var run = await CliHarness.RunAsync(input.ToString(), "pattern", "check");

        var lines = run.OutputLines;
        Assert.Equal(count, lines.Length);
        Assert.Equal(count / 1000, lines.Count(l => l.StartsWith("{\"valid\":false", StringComparison.Ordinal)));
        Assert.StartsWith("{\"valid\":false", lines[999], StringComparison.Ordinal);
        Assert.Equal("{\"valid\":true}", lines[1000]);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Answers_AreWrittenOut_BeforeTheNextInputIsRead()
    {
        using var stdout = new MemoryStream();
        using var stdin = new ObservingInputStream(["[a]\n", "[b]\n", "c\n"], stdout);

        var run = await CliHarness.RunAsync(stdin, stdout, new FakeChecks(), "pattern", "check");

        // Before each read after the first, everything answered so far is already in the output stream.
        Assert.Equal([0, 1, 2, 3], stdin.AnswersSeenBeforeEachRead);
        Assert.Equal(1, run.ExitCode);
    }
}

/// <summary>An input that hands out one chunk per read and notes how many answers were written before each read.</summary>
internal sealed class ObservingInputStream(IReadOnlyList<string> chunks, MemoryStream output) : Stream
{
    private int _next;

    public List<int> AnswersSeenBeforeEachRead { get; } = [];

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        AnswersSeenBeforeEachRead.Add(output.ToArray().Count(b => b == (byte)'\n'));
        if (_next == chunks.Count)
        {
            return 0;
        }

        var bytes = Encoding.UTF8.GetBytes(chunks[_next++]);
        bytes.CopyTo(buffer);
        return bytes.Length;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
