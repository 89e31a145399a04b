using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ThreatShare.Cli;

/// <summary>
/// Writes one compact JSON value per line (<c>\n</c>, UTF-8, no byte order mark) into an in-memory buffer, and moves
/// the buffer to the output stream when it is large or when <see cref="FlushAsync"/> is called. Memory stays bounded
/// by the buffer threshold plus one answer.
/// </summary>
internal sealed class JsonLinesWriter : IDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Only what JSON requires (quotes, backslash, control characters) is escaped: messages stay readable,
        // e.g. "expected ']'" instead of "expected \u0027]\u0027". The output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;

    public JsonLinesWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>The writer for the current line; call <see cref="EndLine"/> after one complete value.</summary>
    public Utf8JsonWriter Json => _json;

    /// <summary>True when enough output has accumulated to be worth a write.</summary>
    public bool ShouldFlush => _buffer.WrittenCount >= FlushThreshold;

    /// <summary>Terminates the current value with <c>\n</c>.</summary>
    public void EndLine()
    {
        _json.Flush();
        _buffer.Write("\n"u8);

        // Reset so that the next value starts a fresh top-level JSON document.
        _json.Reset(_buffer);
    }

    /// <summary>Writes what is buffered to the output stream and flushes the stream.</summary>
    public async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_buffer.WrittenCount > 0)
        {
            await _output.WriteAsync(_buffer.WrittenMemory, ct);
            _buffer.ResetWrittenCount();
        }

        await _output.FlushAsync(ct);
    }

    public void Dispose() => _json.Dispose();
}
