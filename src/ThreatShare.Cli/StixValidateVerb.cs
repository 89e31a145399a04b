using System.Globalization;
using System.Text.Json;
using ThreatShare.Stix;

namespace ThreatShare.Cli;

/// <summary>
/// <c>threatshare stix validate [--jsonl] [FILE]</c>: one answer per document, in order, streaming in
/// <c>--jsonl</c> mode. <c>{"valid":true,"warnings":[...]}</c> or
/// <c>{"valid":false,"errors":[{"path":"$.x","message":"..."}],"warnings":[...]}</c>.
/// </summary>
internal sealed class StixValidateVerb
{
    private const int ReadChunk = 64 * 1024;

    private readonly IStixChecks _checks;
    private readonly StixLimits _limits;

    public StixValidateVerb(IStixChecks checks, StixLimits limits)
    {
        _checks = checks;
        _limits = limits;
    }

    /// <summary>Validates the document(s) of <paramref name="input"/>; returns 0 when all are valid, else 1.</summary>
    public async Task<int> RunAsync(Stream input, Stream output, bool jsonl, CancellationToken ct)
    {
        using var writer = new JsonLinesWriter(output);
        var allValid = true;
        if (jsonl)
        {
            var reader = new LineReader(input, _limits.MaxDocumentBytes, writer.FlushAsync);
            while (await reader.ReadLineAsync(ct))
            {
                var verdict = reader.IsTooLong ? TooLarge() : Validate(reader.Current.Span);
                allValid &= verdict.IsValid;
                Write(writer, verdict);
                if (writer.ShouldFlush)
                {
                    await writer.FlushAsync(ct);
                }
            }
        }
        else
        {
            var document = await ReadWholeAsync(input, ct);
            var verdict = document is null ? TooLarge() : Validate(StripBom(document.Value.Span));
            allValid = verdict.IsValid;
            Write(writer, verdict);
        }

        await writer.FlushAsync(ct);
        return allValid ? ExitCodes.Success : ExitCodes.Invalid;
    }

    private DocumentVerdict Validate(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return DocumentVerdict.Invalid("$", "empty input: expected a JSON object (a STIX object or a bundle)");
        }

        try
        {
            return _checks.ValidateDocument(utf8Json);
        }
        catch (JsonException e)
        {
            // The validator is expected to report malformed JSON as an issue; this keeps the contract if it throws.
            var where = e.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $" (line {(e.LineNumber ?? 0) + 1}, byte {position + 1})")
                : string.Empty;
            return DocumentVerdict.Invalid("$", "malformed JSON" + where + ": " + LineText.WithoutPosition(e.Message));
        }
#pragma warning disable CA1031 // One failing document must not stop a million-line run; it is answered, not hidden.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return DocumentVerdict.Invalid("$", "internal error while validating the document: " + e.GetType().Name);
        }
    }

    private DocumentVerdict TooLarge() =>
        DocumentVerdict.Invalid(
            "$", string.Create(CultureInfo.InvariantCulture, $"the document is larger than {_limits.MaxDocumentBytes} bytes"));

    /// <summary>Reads the whole input, or returns null as soon as it exceeds the document size limit.</summary>
    private async Task<ReadOnlyMemory<byte>?> ReadWholeAsync(Stream input, CancellationToken ct)
    {
        var buffer = new byte[ReadChunk];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > _limits.MaxDocumentBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, _limits.MaxDocumentBytes + 1L));
            }

            var read = await input.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0)
            {
                return length > _limits.MaxDocumentBytes ? null : buffer.AsMemory(0, length);
            }

            length += read;
        }
    }

    private static ReadOnlySpan<byte> StripBom(ReadOnlySpan<byte> document) =>
        document.StartsWith("\uFEFF"u8) ? document[3..] : document;

    private static void Write(JsonLinesWriter writer, DocumentVerdict verdict)
    {
        var json = writer.Json;
        json.WriteStartObject();
        json.WriteBoolean("valid", verdict.IsValid);
        if (!verdict.IsValid)
        {
            WriteIssues(json, "errors", verdict.Errors);
        }

        WriteIssues(json, "warnings", verdict.Warnings);
        json.WriteEndObject();
        writer.EndLine();
    }

    private static void WriteIssues(Utf8JsonWriter json, string name, IReadOnlyList<StixIssue> issues)
    {
        json.WriteStartArray(name);
        foreach (var issue in issues)
        {
            json.WriteStartObject();
            json.WriteString("path", TextSafety.ForJson(issue.Path));
            json.WriteString("message", TextSafety.ForJson(issue.Message));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
