using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ThreatShare.Cli;

/// <summary>
/// Turns one input line (bytes) into the text of a pattern, or explains why it cannot. Positions are reported as
/// 1-based columns counted in UTF-16 code units, the unit the pattern parser counts in too.
/// </summary>
internal static class LineText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A failure to read the line: a message and the 1-based column where the problem is.</summary>
    internal readonly record struct Failure(string Message, int Column);

    /// <summary>Decodes a raw line, which must be well-formed UTF-8.</summary>
    public static bool TryDecodeUtf8(ReadOnlySpan<byte> line, out string text, out Failure failure)
    {
        if (System.Text.Unicode.Utf8.IsValid(line))
        {
            text = StrictUtf8.GetString(line);
            failure = default;
            return true;
        }

        var offset = FirstInvalidUtf8Offset(line);
        text = string.Empty;
        failure = new Failure(
            string.Create(CultureInfo.InvariantCulture, $"the line is not valid UTF-8 (bad byte 0x{line[offset]:X2})"),
            ColumnOf(line, offset));
        return false;
    }

    /// <summary>Decodes a line that must hold exactly one JSON string literal (surrounding whitespace allowed).</summary>
    public static bool TryDecodeJsonString(ReadOnlySpan<byte> line, out string text, out Failure failure)
    {
        text = string.Empty;
        if (line.Trim(" \t\r\n"u8).IsEmpty)
        {
            failure = new Failure("expected a JSON string literal, found an empty line", 1);
            return false;
        }

        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
            {
                failure = new Failure("expected a JSON string literal, found nothing", 1);
                return false;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                failure = new Failure(
                    $"expected a JSON string literal, found {Describe(reader.TokenType)}",
                    ColumnOf(line, (int)reader.TokenStartIndex));
                return false;
            }

            var start = (int)reader.TokenStartIndex;
            if (!TryGetString(ref reader, line, start, out text, out failure))
            {
                return false;
            }

            // Anything after the string (other than whitespace) makes the reader throw.
            reader.Read();
            failure = default;
            return true;
        }
        catch (JsonException e)
        {
            text = string.Empty;
            var offset = (int)Math.Min(e.BytePositionInLine ?? 0, line.Length);
            failure = new Failure("the line is not a JSON string literal: " + WithoutPosition(e.Message), ColumnOf(line, offset));
            return false;
        }
    }

    /// <summary>1-based column, in UTF-16 code units, of the byte at <paramref name="byteOffset"/>.</summary>
    public static int ColumnOf(ReadOnlySpan<byte> line, int byteOffset) =>
        Encoding.UTF8.GetCharCount(line[..Math.Clamp(byteOffset, 0, line.Length)]) + 1;

    private static bool TryGetString(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, int start, out string text, out Failure failure)
    {
        try
        {
            text = reader.GetString() ?? string.Empty;
            failure = default;
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses escapes that do not decode to Unicode text, i.e. a lone surrogate (\ud800).
            // Such a string cannot be carried in UTF-8 STIX JSON either, so the entry is invalid.
            text = string.Empty;
            var offset = start + FindLoneSurrogateEscape(line[start..]);
            failure = new Failure(
                "the JSON string contains an unpaired surrogate escape, which is not Unicode text",
                ColumnOf(line, offset));
            return false;
        }
    }

    /// <summary>Byte offset of the first <c>\uXXXX</c> escape that is a lone surrogate, or 0 if none is found.</summary>
    internal static int FindLoneSurrogateEscape(ReadOnlySpan<byte> token)
    {
        var i = 0;
        while (i < token.Length)
        {
            if (token[i] != (byte)'\\' || i + 1 >= token.Length)
            {
                i++;
                continue;
            }

            if (token[i + 1] != (byte)'u')
            {
                i += 2;
                continue;
            }

            if (!TryHex4(token, i + 2, out var unit))
            {
                return i;
            }

            if (char.IsHighSurrogate((char)unit))
            {
                if (i + 7 < token.Length && token[i + 6] == (byte)'\\' && token[i + 7] == (byte)'u'
                    && TryHex4(token, i + 8, out var low) && char.IsLowSurrogate((char)low))
                {
                    i += 12;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate((char)unit))
            {
                return i;
            }

            i += 6;
        }

        return 0;
    }

    private static bool TryHex4(ReadOnlySpan<byte> token, int at, out int value)
    {
        value = 0;
        if (at + 4 > token.Length)
        {
            return false;
        }

        foreach (var b in token.Slice(at, 4))
        {
            var digit = HexDigit(b);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> line)
    {
        var offset = 0;
        while (offset < line.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(line[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return 0;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    // System.Text.Json ends its messages with " LineNumber: 0 | BytePositionInLine: 7." (0-based); the answer
    // carries the position itself, 1-based, so the suffix would only confuse.
    internal static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message[..at].TrimEnd() : message;
    }
}
