using System.Text;
using System.Text.Json;
using ThreatShare.Stix;

namespace ThreatShare.Cli.Tests;

/// <summary>The outcome of one in-process run.</summary>
internal sealed record CliRun(int ExitCode, byte[] OutputBytes, string Error)
{
    public string Output => Encoding.UTF8.GetString(OutputBytes);

    public string[] OutputLines
    {
        get
        {
            var text = Output;
            Assert.True(text.Length == 0 || text.EndsWith('\n'), "output must end with \\n");
            return text.Length == 0 ? [] : text[..^1].Split('\n');
        }
    }
}

/// <summary>Runs the real command tree in process against in-memory streams.</summary>
internal static class CliHarness
{
    public static Task<CliRun> RunAsync(string input, params string[] args) =>
        RunAsync(Encoding.UTF8.GetBytes(input), new FakeChecks(), StixLimits.Default, args);

    public static Task<CliRun> RunAsync(byte[] input, params string[] args) =>
        RunAsync(input, new FakeChecks(), StixLimits.Default, args);

    public static Task<CliRun> RunAsync(string input, IStixChecks checks, params string[] args) =>
        RunAsync(Encoding.UTF8.GetBytes(input), checks, StixLimits.Default, args);

    public static async Task<CliRun> RunAsync(byte[] input, IStixChecks checks, StixLimits limits, params string[] args)
    {
        using var stdin = new MemoryStream(input, writable: false);
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(stdin, stdout, stderr), checks, limits, CancellationToken.None);
        return new CliRun(exit, stdout.ToArray(), stderr.ToString());
    }

    /// <summary>Runs with the real STIX library (parser and validator) and default limits.</summary>
    public static async Task<CliRun> RunRealAsync(string input, params string[] args)
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(input), writable: false);
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(stdin, stdout, stderr), CancellationToken.None);
        return new CliRun(exit, stdout.ToArray(), stderr.ToString());
    }

    public static async Task<CliRun> RunAsync(Stream stdin, Stream stdout, IStixChecks checks, params string[] args)
    {
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(stdin, stdout, stderr), checks, StixLimits.Default, CancellationToken.None);
        return new CliRun(exit, [], stderr.ToString());
    }
}

/// <summary>
/// Predictable stand-ins for the STIX library, so the tests pin the CLI contract, not the parser's wording.
/// A pattern is valid when it is bracketed; "throw" makes the checker fail. A document is valid when it is an object
/// with a string "type"; an "x_warn" property adds a warning; malformed JSON throws as a JSON parser would.
/// </summary>
internal sealed class FakeChecks : IStixChecks
{
    public List<string> Patterns { get; } = [];

    public List<string> Documents { get; } = [];

    public string? PatternError { get; init; }

    public PatternVerdict CheckPattern(string pattern)
    {
        Patterns.Add(pattern);
        if (pattern == "throw")
        {
            throw new InvalidOperationException("checker failed");
        }

        if (pattern.StartsWith('[') && pattern.EndsWith(']'))
        {
            return PatternVerdict.Valid;
        }

        return PatternVerdict.Invalid(PatternError ?? "expected ']' at the end", 1, pattern.Length + 1);
    }

    public DocumentVerdict ValidateDocument(ReadOnlySpan<byte> utf8Json)
    {
        Documents.Add(Encoding.UTF8.GetString(utf8Json));
        using var document = JsonDocument.Parse(utf8Json.ToArray());
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.String && root.GetString() == "throw")
        {
            throw new InvalidOperationException("validator failed");
        }

        var warnings = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("x_warn", out var warn)
            ? new[] { new StixIssue(StixIssueSeverity.Warning, "$.x_warn", warn.GetString() ?? "") }
            : [];
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            return new DocumentVerdict([], warnings);
        }

        return new DocumentVerdict([new StixIssue(StixIssueSeverity.Error, "$.type", "required property 'type' is missing")], warnings);
    }
}
