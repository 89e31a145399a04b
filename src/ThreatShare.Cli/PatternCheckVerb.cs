using System.Globalization;
using ThreatShare.Stix;

namespace ThreatShare.Cli;

/// <summary>
/// <c>threatshare pattern check [--jsonl]</c>: one answer per input line, in order, streaming.
/// <c>{"valid":true}</c> or <c>{"valid":false,"error":"...","line":L,"column":C}</c>.
/// </summary>
internal sealed class PatternCheckVerb
{
    private readonly IStixChecks _checks;
    private readonly StixLimits _limits;

    public PatternCheckVerb(IStixChecks checks, StixLimits limits)
    {
        _checks = checks;
        _limits = limits;
    }

    /// <summary>Answers every line of <paramref name="input"/>; returns 0 when all are valid, else 1.</summary>
    public async Task<int> RunAsync(Stream input, Stream output, bool jsonl, CancellationToken ct)
    {
        using var writer = new JsonLinesWriter(output);
        var reader = new LineReader(input, _limits.MaxDocumentBytes, writer.FlushAsync);
        var allValid = true;
        while (await reader.ReadLineAsync(ct))
        {
            var verdict = Check(reader, jsonl);
            allValid &= verdict.IsValid;
            Write(writer, verdict);
            if (writer.ShouldFlush)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
        return allValid ? ExitCodes.Success : ExitCodes.Invalid;
    }

    private PatternVerdict Check(LineReader reader, bool jsonl)
    {
        if (reader.IsTooLong)
        {
            return PatternVerdict.Invalid(
                string.Create(CultureInfo.InvariantCulture, $"the line is longer than {_limits.MaxDocumentBytes} bytes"), 1, 1);
        }

        var line = reader.Current.Span;
        string pattern;
        LineText.Failure failure;
        var decoded = jsonl
            ? LineText.TryDecodeJsonString(line, out pattern, out failure)
            : LineText.TryDecodeUtf8(line, out pattern, out failure);
        if (!decoded)
        {
            return PatternVerdict.Invalid(failure.Message, 1, failure.Column);
        }

        if (pattern.Length == 0)
        {
            return PatternVerdict.Invalid("the pattern is empty", 1, 1);
        }

        try
        {
            return _checks.CheckPattern(pattern);
        }
#pragma warning disable CA1031 // One failing entry must not stop a million-line run; it is answered, not hidden.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return PatternVerdict.Invalid("internal error while checking the pattern: " + e.GetType().Name, 1, 1);
        }
    }

    private static void Write(JsonLinesWriter writer, PatternVerdict verdict)
    {
        var json = writer.Json;
        json.WriteStartObject();
        json.WriteBoolean("valid", verdict.IsValid);
        if (!verdict.IsValid)
        {
            json.WriteString("error", TextSafety.ForJson(verdict.Error ?? "invalid pattern"));
            json.WriteNumber("line", verdict.Line);
            json.WriteNumber("column", verdict.Column);
        }

        json.WriteEndObject();
        writer.EndLine();
    }
}
