using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ThreatShare.Stix.Validation;

/// <summary>
/// Safety checks on the raw JSON text that <see cref="JsonDocument"/> accepts but STIX must not:
/// NUL characters, lone surrogate escapes, invalid UTF-8, over-long strings and deep nesting. The walk
/// reads the raw UTF-8 of every string without decoding it, so a clean document costs no allocation.
/// </summary>
internal static class JsonText
{
    /// <summary>Decodes a property name; a name that cannot be decoded (lone surrogate) is shown escaped.</summary>
    public static string SafePropertyName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(Unquote(JsonMarshal.GetRawUtf8PropertyName(property)));
        }
    }

    /// <summary>Decodes a string value; <see langword="null"/> when it cannot be decoded (already reported by <see cref="Scan"/>).</summary>
    public static string? SafeGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Copies a short, unescaped ASCII string value into <paramref name="buffer"/> without allocating.</summary>
    public static bool TryGetAscii(JsonElement element, Span<char> buffer, out int length)
    {
        var raw = Unquote(JsonMarshal.GetRawUtf8Value(element));
        if (raw.Length > buffer.Length || raw.IndexOf((byte)'\\') >= 0 || !Ascii.IsValid(raw))
        {
            length = 0;
            return false;
        }
        Ascii.ToUtf16(raw, buffer, out length);
        return true;
    }

    /// <summary>Whether the element is a string equal to <paramref name="text"/> (false for any other kind).</summary>
    public static bool IsString(JsonElement element, string text) =>
        element.ValueKind == JsonValueKind.String && element.ValueEquals(text);

    /// <summary>Walks the whole tree once, reporting unsafe strings and names; bounded in depth.</summary>
    public static void Scan(JsonElement element, ValidationContext ctx, int depth)
    {
        if (ctx.Aborted)
        {
            return;
        }
        // The stack probe is only worth its cost once the walk is deep.
        if (depth > ctx.Limits.MaxJsonDepth || (depth > 16 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            ctx.Error($"JSON nesting is deeper than the limit of {ctx.Limits.MaxJsonDepth}");
            ctx.Aborted = true;
            return;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                CheckDuplicateNames(element, ctx);
                foreach (var property in element.EnumerateObject())
                {
                    ctx.Push(property);
                    CheckString(Unquote(JsonMarshal.GetRawUtf8PropertyName(property)), ctx, isName: true);
                    Scan(property.Value, ctx, depth + 1);
                    ctx.Pop();
                }
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    ctx.Push(i++);
                    Scan(item, ctx, depth + 1);
                    ctx.Pop();
                }
                break;
            case JsonValueKind.String:
                CheckString(Unquote(JsonMarshal.GetRawUtf8Value(element)), ctx, isName: false);
                break;
            case JsonValueKind.Number:
                // JSON has no NaN or Infinity, but a huge exponent overflows to infinity when read as a double.
                if (element.TryGetDouble(out double d) && !double.IsFinite(d))
                {
                    ctx.Error("number is out of the range of a double-precision float");
                }
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Reports property names that occur twice in one object. Names are compared by a hash of their raw
    /// UTF-8 (confirmed byte by byte); objects with escaped or very many names compare decoded strings.
    /// </summary>
    private static void CheckDuplicateNames(JsonElement obj, ValidationContext ctx)
    {
        int count = obj.GetPropertyCount();
        if (count < 2)
        {
            return;
        }
        if (count > 64)
        {
            CheckDuplicateNamesSlow(obj, ctx);
            return;
        }
        Span<ulong> hashes = stackalloc ulong[count];
        int i = 0;
        foreach (var property in obj.EnumerateObject())
        {
            var raw = Unquote(JsonMarshal.GetRawUtf8PropertyName(property));
            if (raw.IndexOf((byte)'\\') >= 0)
            {
                CheckDuplicateNamesSlow(obj, ctx);
                return;
            }
            ulong hash = Fnv1a(raw);
            for (int j = 0; j < i; j++)
            {
                if (hashes[j] == hash && RawNameAt(obj, j).SequenceEqual(raw))
                {
                    ReportDuplicate(property, ctx);
                    break;
                }
            }
            hashes[i++] = hash;
        }
    }

    private static void CheckDuplicateNamesSlow(JsonElement obj, ValidationContext ctx)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!names.Add(SafePropertyName(property)))
            {
                ReportDuplicate(property, ctx);
            }
        }
    }

    private static void ReportDuplicate(JsonProperty property, ValidationContext ctx)
    {
        ctx.Push(property);
        ctx.Error("duplicate property name: the name occurs more than once in this object");
        ctx.Pop();
    }

    private static ReadOnlySpan<byte> RawNameAt(JsonElement obj, int index)
    {
        int i = 0;
        foreach (var property in obj.EnumerateObject())
        {
            if (i++ == index)
            {
                return Unquote(JsonMarshal.GetRawUtf8PropertyName(property));
            }
        }
        return default;
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw) =>
        raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' ? raw[1..^1] : raw;

    private static void CheckString(ReadOnlySpan<byte> raw, ValidationContext ctx, bool isName)
    {
        string what = isName ? "property name" : "string";
        if (!Ascii.IsValid(raw) && !Utf8.IsValid(raw))
        {
            ctx.Error($"{what} is not valid UTF-8");
            return;
        }
        int max = ctx.Limits.MaxStringLength;
        // Escapes only make the raw text longer than the decoded one, so short raw text is within bounds.
        if (raw.Length > max)
        {
            int length = raw.IndexOf((byte)'\\') < 0 ? Encoding.UTF8.GetCharCount(raw) : DecodedLength(raw);
            if (length > max)
            {
                ctx.Error($"{what} is {length} characters long, longer than the limit of {max}");
            }
        }
        int escape = raw.IndexOf((byte)'\\');
        if (escape < 0)
        {
            return;
        }
        bool nul = false;
        bool lone = false;
        for (int i = escape; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }
            if (i + 1 < raw.Length && raw[i + 1] == (byte)'u' && TryHex4(raw, i + 2, out int code))
            {
                if (code == 0)
                {
                    nul = true;
                }
                else if (code is >= 0xD800 and <= 0xDBFF)
                {
                    // A high surrogate must be followed at once by an escaped low surrogate.
                    if (i + 11 < raw.Length && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u' &&
                        TryHex4(raw, i + 8, out int low) && low is >= 0xDC00 and <= 0xDFFF)
                    {
                        i += 11;
                        continue;
                    }
                    lone = true;
                }
                else if (code is >= 0xDC00 and <= 0xDFFF)
                {
                    lone = true;
                }
                i += 5;
            }
            else
            {
                i++; // skip the escaped character (e.g. the second backslash of "\\")
            }
        }
        if (nul)
        {
            ctx.Error($"{what} contains a NUL character (\\u0000)");
        }
        if (lone)
        {
            ctx.Error($"{what} contains a lone UTF-16 surrogate escape, which is not a Unicode character");
        }
    }

    private static int DecodedLength(ReadOnlySpan<byte> raw)
    {
        // Rare path (very long strings with escapes): decode through a reader.
        var bytes = new byte[raw.Length + 2];
        bytes[0] = (byte)'"';
        raw.CopyTo(bytes.AsSpan(1));
        bytes[^1] = (byte)'"';
        var reader = new Utf8JsonReader(bytes);
        try
        {
            reader.Read();
            return reader.GetString()?.Length ?? 0;
        }
        catch (InvalidOperationException)
        {
            return raw.Length;
        }
    }

    private static bool TryHex4(ReadOnlySpan<byte> raw, int start, out int value)
    {
        value = 0;
        if (start + 4 > raw.Length)
        {
            return false;
        }
        for (int i = start; i < start + 4; i++)
        {
            int h = raw[i] switch
            {
                >= (byte)'0' and <= (byte)'9' => raw[i] - '0',
                >= (byte)'a' and <= (byte)'f' => raw[i] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => raw[i] - 'A' + 10,
                _ => -1,
            };
            if (h < 0)
            {
                return false;
            }
            value = (value << 4) | h;
        }
        return true;
    }
}
