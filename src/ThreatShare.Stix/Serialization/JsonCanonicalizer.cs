using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ThreatShare.Stix;

/// <summary>
/// The JSON Canonicalization Scheme of RFC 8785 (JCS): one exact byte sequence per JSON value, so that hashes and
/// signatures over JSON are reproducible. Object members are sorted by the UTF-16 code units of their names, no
/// whitespace is written, numbers are written as ECMAScript writes an IEEE 754 double, and strings use the
/// shortest escaping (only <c>"</c>, <c>\</c> and control characters are escaped). Output is UTF-8.
/// </summary>
/// <remarks>
/// Input that RFC 8785 (through I-JSON, RFC 7493) refuses is refused here too: duplicate member names, numbers that
/// do not fit a finite double, and strings holding unpaired surrogates. The <c>Try</c> methods report such input as a
/// message that carries the JSON path of the offending value; the other methods throw <see cref="FormatException"/>.
/// </remarks>
public static class JsonCanonicalizer
{
    /// <summary>Canonicalizes <paramref name="element"/> to UTF-8 bytes.</summary>
    /// <param name="element">The JSON value.</param>
    /// <param name="limits">Bounds on input (nesting depth); <see cref="StixLimits.Default"/> when null.</param>
    /// <exception cref="FormatException">The value cannot be canonicalized (see the remarks of the class).</exception>
    public static byte[] Canonicalize(JsonElement element, StixLimits? limits = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        return TryCanonicalize(element, buffer, out var error, limits)
            ? buffer.WrittenSpan.ToArray()
            : throw new FormatException(error);
    }

    /// <summary>Canonicalizes <paramref name="element"/> and returns the result as a string.</summary>
    /// <param name="element">The JSON value.</param>
    /// <param name="limits">Bounds on input (nesting depth); <see cref="StixLimits.Default"/> when null.</param>
    /// <exception cref="FormatException">The value cannot be canonicalized (see the remarks of the class).</exception>
    public static string CanonicalizeToString(JsonElement element, StixLimits? limits = null) =>
        Encoding.UTF8.GetString(Canonicalize(element, limits));

    /// <summary>Canonicalizes the UTF-8 JSON text <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A complete JSON document.</param>
    /// <param name="limits">Bounds on input (size and nesting depth); <see cref="StixLimits.Default"/> when null.</param>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="FormatException">The value cannot be canonicalized (see the remarks of the class).</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json, StixLimits? limits = null)
    {
        limits ??= StixLimits.Default;
        if (utf8Json.Length > limits.MaxDocumentBytes)
        {
            throw new FormatException($"document is larger than {limits.MaxDocumentBytes} bytes");
        }
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = limits.MaxJsonDepth });
        using var document = JsonDocument.ParseValue(ref reader);
        return Canonicalize(document.RootElement, limits);
    }

    /// <summary>Canonicalizes <paramref name="element"/> into <paramref name="output"/>.</summary>
    /// <param name="element">The JSON value.</param>
    /// <param name="output">Receives the UTF-8 bytes; on failure it may hold a partial result.</param>
    /// <param name="error">On failure, what is wrong and where (a JSON path such as <c>$.a[2]</c>).</param>
    /// <param name="limits">Bounds on input (nesting depth); <see cref="StixLimits.Default"/> when null.</param>
    /// <returns>Whether the value could be canonicalized.</returns>
    public static bool TryCanonicalize(
        JsonElement element,
        IBufferWriter<byte> output,
        [NotNullWhen(false)] out string? error,
        StixLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = new CanonicalJsonWriter(output, (limits ?? StixLimits.Default).MaxJsonDepth);
        if (writer.TryWriteValue(element, 0, out var failure))
        {
            error = null;
            return true;
        }
        error = failure.ToString();
        return false;
    }

    /// <summary>
    /// Writes <paramref name="value"/> as ECMAScript's <c>Number.prototype.toString</c> does (ECMA-262, 6th edition,
    /// 7.1.12.1): the shortest digits that read back as the same double, in plain notation for exponents from -7 to
    /// 20 and in <c>e</c> notation otherwise. Negative zero is written <c>0</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite, which JSON cannot represent.</exception>
    public static string FormatNumber(double value)
    {
        Span<byte> buffer = stackalloc byte[CanonicalJsonWriter.MaxNumberBytes];
        int written = CanonicalJsonWriter.FormatNumber(value, buffer);
        return Encoding.ASCII.GetString(buffer[..written]);
    }
}

/// <summary>The writer behind <see cref="JsonCanonicalizer"/>; also used to build canonical JSON piece by piece.</summary>
internal readonly struct CanonicalJsonWriter
{
    // Sign, 17 significant digits, a point, "e", exponent sign and three exponent digits fit in 32 bytes; ES
    // plain notation adds at most 20 zeros ("1e21" is the first exponent form) or "0.00000" before the digits.
    internal const int MaxNumberBytes = 48;

    private readonly IBufferWriter<byte> _output;
    private readonly int _maxDepth;

    internal CanonicalJsonWriter(IBufferWriter<byte> output, int maxDepth)
    {
        _output = output;
        _maxDepth = maxDepth;
    }

    internal void WriteByte(byte b)
    {
        _output.GetSpan(1)[0] = b;
        _output.Advance(1);
    }

    internal bool TryWriteValue(JsonElement element, int depth, [NotNullWhen(false)] out CanonicalFailure? failure)
    {
        failure = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return TryWriteObject(element, depth + 1, out failure);
            case JsonValueKind.Array:
                return TryWriteArray(element, depth + 1, out failure);
            case JsonValueKind.String:
                return TryWriteString(element, out failure);
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out double number) || !double.IsFinite(number))
                {
                    failure = new CanonicalFailure("", "number does not fit an IEEE 754 double");
                    return false;
                }
                WriteNumber(number);
                return true;
            case JsonValueKind.True:
                WriteAscii("true"u8);
                return true;
            case JsonValueKind.False:
                WriteAscii("false"u8);
                return true;
            case JsonValueKind.Null:
                WriteAscii("null"u8);
                return true;
            default:
                failure = new CanonicalFailure("", "not a JSON value");
                return false;
        }
    }

    internal bool TryWriteString(JsonElement element, [NotNullWhen(false)] out CanonicalFailure? failure)
    {
        string text;
        try
        {
            text = element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            failure = CanonicalFailure.InvalidUnicode;
            return false;
        }
        return TryWriteString(text, out failure);
    }

    internal bool TryWriteString(string text, [NotNullWhen(false)] out CanonicalFailure? failure)
    {
        WriteByte((byte)'"');
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            int special = IndexOfCharToEscape(rest);
            var plain = special < 0 ? rest : rest[..special];
            if (!plain.IsEmpty && !TryWriteUtf8(plain))
            {
                failure = CanonicalFailure.InvalidUnicode;
                return false;
            }
            if (special < 0)
            {
                break;
            }
            WriteEscape(rest[special]);
            rest = rest[(special + 1)..];
        }
        WriteByte((byte)'"');
        failure = null;
        return true;
    }

    internal void WriteNumber(double value)
    {
        var span = _output.GetSpan(MaxNumberBytes);
        _output.Advance(FormatNumber(value, span));
    }

    internal void WriteAscii(ReadOnlySpan<byte> ascii)
    {
        var span = _output.GetSpan(ascii.Length);
        ascii.CopyTo(span);
        _output.Advance(ascii.Length);
    }

    private bool TryWriteObject(JsonElement element, int depth, [NotNullWhen(false)] out CanonicalFailure? failure)
    {
        if (depth > _maxDepth)
        {
            failure = new CanonicalFailure("", $"nesting is deeper than {_maxDepth}");
            return false;
        }
        var members = new List<(string Name, JsonElement Value)>();
        try
        {
            foreach (var property in element.EnumerateObject())
            {
                members.Add((property.Name, property.Value));
            }
        }
        catch (InvalidOperationException)
        {
            failure = new CanonicalFailure("", "member name is not valid Unicode (unpaired surrogate)");
            return false;
        }
        // Ordinal comparison of .NET strings compares UTF-16 code units, which is the order RFC 8785 prescribes.
        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        WriteByte((byte)'{');
        for (int i = 0; i < members.Count; i++)
        {
            var (name, value) = members[i];
            if (i > 0)
            {
                if (string.Equals(members[i - 1].Name, name, StringComparison.Ordinal))
                {
                    failure = new CanonicalFailure("", $"duplicate member name '{name}'");
                    return false;
                }
                WriteByte((byte)',');
            }
            if (!TryWriteString(name, out failure) || !TryWriteMemberValue(value, depth, out failure))
            {
                failure = failure.Under(MemberSegment(name));
                return false;
            }
        }
        WriteByte((byte)'}');
        failure = null;
        return true;
    }

    private bool TryWriteMemberValue(JsonElement value, int depth, [NotNullWhen(false)] out CanonicalFailure? failure)
    {
        WriteByte((byte)':');
        return TryWriteValue(value, depth, out failure);
    }

    private bool TryWriteArray(JsonElement element, int depth, [NotNullWhen(false)] out CanonicalFailure? failure)
    {
        if (depth > _maxDepth)
        {
            failure = new CanonicalFailure("", $"nesting is deeper than {_maxDepth}");
            return false;
        }
        WriteByte((byte)'[');
        int index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (index > 0)
            {
                WriteByte((byte)',');
            }
            if (!TryWriteValue(item, depth, out failure))
            {
                failure = failure.Under(string.Create(CultureInfo.InvariantCulture, $"[{index}]"));
                return false;
            }
            index++;
        }
        WriteByte((byte)']');
        failure = null;
        return true;
    }

    /// <summary>The JSONPath segment of a member: <c>.name</c>, or <c>['name']</c> when the name needs quoting.</summary>
    internal static string MemberSegment(string name)
    {
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }
        return "." + name;
    }

    private bool TryWriteUtf8(ReadOnlySpan<char> text)
    {
        // Every UTF-16 code unit needs at most three UTF-8 bytes (a surrogate pair needs four for two units).
        var span = _output.GetSpan(text.Length * 3);
        var status = Utf8.FromUtf16(text, span, out _, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            return false;
        }
        _output.Advance(written);
        return true;
    }

    private static int IndexOfCharToEscape(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < ' ' || c == '"' || c == '\\')
            {
                return i;
            }
        }
        return -1;
    }

    private void WriteEscape(char c)
    {
        switch (c)
        {
            case '"': WriteAscii("\\\""u8); break;
            case '\\': WriteAscii("\\\\"u8); break;
            case '\b': WriteAscii("\\b"u8); break;
            case '\f': WriteAscii("\\f"u8); break;
            case '\n': WriteAscii("\\n"u8); break;
            case '\r': WriteAscii("\\r"u8); break;
            case '\t': WriteAscii("\\t"u8); break;
            default:
                // Other control characters: \u00xx with lowercase hexadecimal digits.
                var span = _output.GetSpan(6);
                "\\u00"u8.CopyTo(span);
                span[4] = LowerHex(c >> 4);
                span[5] = LowerHex(c & 0xF);
                _output.Advance(6);
                break;
        }
    }

    private static byte LowerHex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);

    /// <summary>ECMAScript number to string; writes ASCII into <paramref name="destination"/> and returns the length.</summary>
    internal static int FormatNumber(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no representation for NaN or infinity");
        }
        if (value == 0)
        {
            // Both +0 and -0 are written "0".
            destination[0] = (byte)'0';
            return 1;
        }

        // .NET writes the shortest round-trip digits ("R"); only their layout differs from ECMAScript's.
        Span<byte> shortest = stackalloc byte[32];
        if (!value.TryFormat(shortest, out int length, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a double did not fit 32 characters");
        }
        var text = shortest[..length];
        int pos = 0;
        if (text[0] == '-')
        {
            destination[pos++] = (byte)'-';
            text = text[1..];
        }

        // Split into significant digits d1..dk and the decimal exponent n, so that |value| = 0.d1d2...dk × 10^n.
        int exponent = 0;
        int e = text.IndexOfAny((byte)'E', (byte)'e');
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        Span<byte> digits = stackalloc byte[32];
        int k = 0;
        int pointAt = text.IndexOf((byte)'.');
        if (pointAt < 0)
        {
            pointAt = text.Length;
        }
        foreach (byte b in text)
        {
            if (b == '.')
            {
                continue;
            }
            if (k == 0 && b == '0')
            {
                // A leading zero is not significant: the point moves one place closer.
                pointAt--;
            }
            else
            {
                digits[k++] = b;
            }
        }
        while (k > 1 && digits[k - 1] == '0')
        {
            k--;
        }
        int n = pointAt + exponent;

        if (k <= n && n <= 21)
        {
            digits[..k].CopyTo(destination[pos..]);
            pos += k;
            destination.Slice(pos, n - k).Fill((byte)'0');
            pos += n - k;
        }
        else if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(destination[pos..]);
            pos += n;
            destination[pos++] = (byte)'.';
            digits[n..k].CopyTo(destination[pos..]);
            pos += k - n;
        }
        else if (-6 < n && n <= 0)
        {
            destination[pos++] = (byte)'0';
            destination[pos++] = (byte)'.';
            destination.Slice(pos, -n).Fill((byte)'0');
            pos += -n;
            digits[..k].CopyTo(destination[pos..]);
            pos += k;
        }
        else
        {
            destination[pos++] = digits[0];
            if (k > 1)
            {
                destination[pos++] = (byte)'.';
                digits[1..k].CopyTo(destination[pos..]);
                pos += k - 1;
            }
            destination[pos++] = (byte)'e';
            int shown = n - 1;
            destination[pos++] = shown < 0 ? (byte)'-' : (byte)'+';
            if (!Math.Abs(shown).TryFormat(destination[pos..], out int expLength, provider: CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException("exponent did not fit");
            }
            pos += expLength;
        }
        return pos;
    }
}

/// <summary>Why a value could not be canonicalized, and where (a JSONPath relative to the value written).</summary>
/// <param name="Path">Path below the value, e.g. <c>.a[2]</c>; empty for the value itself.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record CanonicalFailure(string Path, string Message)
{
    /// <summary>Strings must be valid UTF-16 (RFC 8785 refuses unpaired surrogates).</summary>
    internal static CanonicalFailure InvalidUnicode { get; } = new("", "string is not valid Unicode (unpaired surrogate)");

    /// <summary>The same failure seen from the parent: <paramref name="segment"/> goes in front of the path.</summary>
    internal CanonicalFailure Under(string segment) => this with { Path = segment + Path };

    /// <summary>The failure with its path from the document root <c>$</c>.</summary>
    public override string ToString() => "$" + Path + ": " + Message;
}
