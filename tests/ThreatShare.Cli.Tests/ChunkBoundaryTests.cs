using System.Text;
using ThreatShare.Stix;

namespace ThreatShare.Cli.Tests;

/// <summary>
/// Pipes deliver input in arbitrary pieces. Whatever the piece size, the answers must be the same as for input
/// that arrives at once: a CRLF, a byte order mark or a multi-byte character may be split across reads.
/// </summary>
public sealed class ChunkBoundaryTests
{
    private static readonly byte[] PatternInput = Encoding.UTF8.GetPreamble()
        .Concat(Encoding.UTF8.GetBytes("[a]\r\n\r\n[é😀]\nbad\r\n[\rx]\n\n[last]"))
        .ToArray();

    private static readonly byte[] JsonlInput = Encoding.UTF8.GetPreamble()
        .Concat(Encoding.UTF8.GetBytes("\"[a]\"\r\n\"[\\ud800]\"\r\n42\n\"[é\\n😀]\"\r\n\n\"bad\""))
        .ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task PatternCheck_AnswersAreTheSame_WhateverTheReadSize(int readSize)
    {
        var whole = await CliHarness.RunAsync(PatternInput, "pattern", "check");
        var checks = new FakeChecks();

        var pieces = await RunInPiecesAsync(PatternInput, readSize, checks, "pattern", "check");

        Assert.Equal(7, whole.OutputLines.Length);
        Assert.Equal(whole.Output, pieces);
        Assert.Equal(["[a]", "[é😀]", "bad", "[\rx]", "[last]"], checks.Patterns);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task PatternCheckJsonl_AnswersAreTheSame_WhateverTheReadSize(int readSize)
    {
        var whole = await CliHarness.RunAsync(JsonlInput, "pattern", "check", "--jsonl");
        var checks = new FakeChecks();

        var pieces = await RunInPiecesAsync(JsonlInput, readSize, checks, "pattern", "check", "--jsonl");

        Assert.Equal(6, whole.OutputLines.Length);
        Assert.Equal(whole.Output, pieces);
        Assert.Equal(["[a]", "[é\n😀]", "bad"], checks.Patterns);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task StixValidate_WholeDocument_IsTheSame_WhateverTheReadSize(int readSize)
    {
        var input = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\r\n\"type\": \"é\"\r\n}")).ToArray();
        var checks = new FakeChecks();

        var pieces = await RunInPiecesAsync(input, readSize, checks, "stix", "validate");

        Assert.Equal("{\"valid\":true,\"warnings\":[]}\n", pieces);
        Assert.Equal(["{\r\n\"type\": \"é\"\r\n}"], checks.Documents);
    }

    private static async Task<string> RunInPiecesAsync(byte[] input, int readSize, IStixChecks checks, params string[] args)
    {
        using var stdin = new PieceStream(input, readSize);
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        await CliApplication.RunAsync(args, new CliConsole(stdin, stdout, stderr), checks, StixLimits.Default, CancellationToken.None);
        return Encoding.UTF8.GetString(stdout.ToArray());
    }
}

/// <summary>A read-only stream that returns at most <c>pieceSize</c> bytes per read, as a slow pipe does.</summary>
internal sealed class PieceStream(byte[] data, int pieceSize) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var length = Math.Min(Math.Min(pieceSize, buffer.Length), data.Length - _position);
        data.AsSpan(_position, length).CopyTo(buffer);
        _position += length;
        return length;
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
