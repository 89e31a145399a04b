namespace ThreatShare.Cli;

/// <summary>
/// Reads a byte stream line by line, in constant memory. A line ends at <c>\n</c>; a <c>\r</c> before it is dropped
/// (CRLF input), a lone <c>\r</c> is kept (it is data, as for <c>wc -l</c>). A UTF-8 byte order mark at the start
/// of the stream is dropped. The last line needs no terminator. A line longer than the cap is not kept: it is
/// reported with <see cref="IsTooLong"/> set and its bytes are skipped, so hostile input cannot exhaust memory.
/// </summary>
/// <remarks>
/// Before every read that may block, the reader calls <c>beforeRead</c>: the verbs flush their output there, so an
/// interactive producer gets each answer before it writes the next line, while bulk input is answered in big writes.
/// </remarks>
internal sealed class LineReader
{
    private const int ChunkSize = 64 * 1024;

    private readonly Stream _input;
    private readonly int _maxLineBytes;
    private readonly Func<CancellationToken, ValueTask> _beforeRead;
    private readonly byte[] _chunk = new byte[ChunkSize];
    private int _chunkStart;
    private int _chunkEnd;
    private bool _endOfInput;

    // Holds a line that spans chunks; grows up to the cap, then stays (bounded by the cap).
    private byte[] _spill = [];
    private int _spillLength;

    public LineReader(Stream input, int maxLineBytes, Func<CancellationToken, ValueTask> beforeRead)
    {
        _input = input;
        _maxLineBytes = maxLineBytes;
        _beforeRead = beforeRead;
    }

    /// <summary>The line just read, without its terminator. Valid until the next call.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>The line just read was longer than the cap; <see cref="Current"/> is empty.</summary>
    public bool IsTooLong { get; private set; }

    /// <summary>1-based number of the line just read.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line; false at the end of the input.</summary>
    public async ValueTask<bool> ReadLineAsync(CancellationToken ct)
    {
        _spillLength = 0;
        var lineLength = 0L;
        var started = false;
        while (true)
        {
            if (_chunkStart == _chunkEnd)
            {
                if (_endOfInput || !await FillAsync(ct))
                {
                    if (!started)
                    {
                        Current = ReadOnlyMemory<byte>.Empty;
                        IsTooLong = false;
                        return false;
                    }

                    Finish(_spill.AsMemory(0, _spillLength), lineLength);
                    return true;
                }
            }

            started = true;
            var available = _chunk.AsSpan(_chunkStart, _chunkEnd - _chunkStart);
            var newline = available.IndexOf((byte)'\n');
            var partLength = newline >= 0 ? newline : available.Length;
            var part = _chunk.AsMemory(_chunkStart, partLength);
            _chunkStart += newline >= 0 ? partLength + 1 : partLength;

            if (newline >= 0 && lineLength == 0)
            {
                // The whole line is inside the chunk: hand it out without copying.
                Finish(part, partLength);
                return true;
            }

            lineLength += partLength;

            // Bytes that Finish drops do not count against the cap, so they are kept too: the \r of a CRLF line,
            // and the byte order mark on the first line.
            if (lineLength <= _maxLineBytes + 1L + (LineNumber == 0 ? 3 : 0))
            {
                Append(part.Span);
            }

            if (newline >= 0)
            {
                Finish(_spill.AsMemory(0, _spillLength), lineLength);
                return true;
            }
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        await _beforeRead(ct);
        var read = await _input.ReadAsync(_chunk, ct);
        if (read == 0)
        {
            _endOfInput = true;
            return false;
        }

        _chunkStart = 0;
        _chunkEnd = read;
        return true;
    }

    private void Append(ReadOnlySpan<byte> part)
    {
        if (_spill.Length - _spillLength < part.Length)
        {
            var size = Math.Max(_spill.Length * 2, _spillLength + part.Length);
            Array.Resize(ref _spill, Math.Min(size, Math.Max(_maxLineBytes + 4, _spillLength + part.Length)));
        }

        part.CopyTo(_spill.AsSpan(_spillLength));
        _spillLength += part.Length;
    }

    private void Finish(ReadOnlyMemory<byte> line, long lineLength)
    {
        LineNumber++;
        if (line.Length > 0 && line.Span[^1] == (byte)'\r')
        {
            line = line[..^1];
            lineLength--;
        }

        if (LineNumber == 1 && line.Span.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
            lineLength -= 3;
        }

        IsTooLong = lineLength > _maxLineBytes;
        Current = IsTooLong ? ReadOnlyMemory<byte>.Empty : line;
    }
}
