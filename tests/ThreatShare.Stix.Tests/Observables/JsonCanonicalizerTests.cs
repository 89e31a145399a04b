using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;

namespace ThreatShare.Stix.Tests.Observables;

public sealed class JsonCanonicalizerTests
{
    private static string Canon(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonCanonicalizer.CanonicalizeToString(doc.RootElement);
    }

    // RFC 8785, appendix B: IEEE 754 bit patterns and their ECMAScript serialization.
    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void FormatNumber_Matches_Rfc8785NumberTable(ulong bits, string expected)
    {
        double value = BitConverter.UInt64BitsToDouble(bits);
        Assert.Equal(expected, JsonCanonicalizer.FormatNumber(value));
    }

    [Theory]
    [InlineData(0x7fffffffffffffffUL)]
    [InlineData(0x7ff0000000000000UL)]
    [InlineData(0xfff0000000000000UL)]
    public void FormatNumber_Rejects_NaNAndInfinity(ulong bits)
    {
        double value = BitConverter.UInt64BitsToDouble(bits);
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonCanonicalizer.FormatNumber(value));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-1", "-1")]
    [InlineData("1.0", "1")]
    [InlineData("100", "100")]
    [InlineData("1e2", "100")]
    [InlineData("0.1", "0.1")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("123e-20", "1.23e-18")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("-0.0", "0")]
    [InlineData("7.980693", "7.980693")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("0.000000000000000000000000001", "1e-27")]
    [InlineData("1E30", "1e+30")]
    public void Canonicalize_Writes_EcmaScriptNumbers(string json, string expected) =>
        Assert.Equal(expected, Canon(json));

    [Fact]
    public void Canonicalize_Matches_Rfc8785MainExample()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected =
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        Assert.Equal(expected, Canon(input));
    }

    [Fact]
    public void Canonicalize_Sorts_MembersByUtf16CodeUnits()
    {
        // RFC 8785, section 3.2.3: the emoji (a surrogate pair, D83D DE00) sorts before U+FB33.
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;
        using var doc = JsonDocument.Parse(Canon(input));
        var values = doc.RootElement.EnumerateObject().Select(p => p.Value.GetString() ?? "").ToArray();
        Assert.Equal(
            [
                "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh",
            ],
            values);
    }

    [Fact]
    public void Canonicalize_Writes_NonAsciiAsUtf8_NotEscaped()
    {
        using var doc = JsonDocument.Parse("\"caf\\u00e9 \\ud83d\\ude00 \\u2028\"");
        byte[] bytes = JsonCanonicalizer.Canonicalize(doc.RootElement);
        Assert.Equal("\"café 😀 \u2028\"", Encoding.UTF8.GetString(bytes));
        Assert.Equal(Encoding.UTF8.GetBytes("\"café 😀 \u2028\""), bytes);
    }

    [Fact]
    public void Canonicalize_Escapes_ControlCharactersWithShortFormsOrLowercaseHex()
    {
        Assert.Equal("\"\\b\\f\\n\\r\\t\\u0000\\u001f\\u000b\"", Canon("\"\\b\\f\\n\\r\\t\\u0000\\u001F\\u000B\""));
    }

    [Fact]
    public void Canonicalize_Keeps_SolidusAndDelUnescaped()
    {
        Assert.Equal("\"/\u007f<>&'\"", Canon("\"\\/\\u007f<>&'\""));
    }

    [Fact]
    public void Canonicalize_Removes_Whitespace_AndKeeps_ArrayOrder()
    {
        Assert.Equal("{\"a\":[3,1,2],\"b\":{\"c\":{},\"d\":[]}}", Canon("{ \"b\" : { \"d\" : [ ], \"c\" : { } }, \"a\" : [ 3 , 1 , 2 ] }"));
    }

    [Fact]
    public void Canonicalize_Rejects_DuplicateMemberNames()
    {
        using var doc = JsonDocument.Parse("{\"x\":{\"a\":1,\"a\":2}}");
        var buffer = new ArrayBufferWriter<byte>();
        Assert.False(JsonCanonicalizer.TryCanonicalize(doc.RootElement, buffer, out var error));
        Assert.Contains("$.x", error, StringComparison.Ordinal);
        Assert.Contains("duplicate", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(doc.RootElement));
    }

    [Fact]
    public void Canonicalize_Reports_PathThroughArraysAndQuotedNames()
    {
        using var doc = JsonDocument.Parse("{\"ok\":1,\"a b\":[0,{\"x\":1,\"x\":2}]}");
        var buffer = new ArrayBufferWriter<byte>();
        Assert.False(JsonCanonicalizer.TryCanonicalize(doc.RootElement, buffer, out var error));
        Assert.Equal("$['a b'][1]: duplicate member name 'x'", error);
    }

    [Fact]
    public void Canonicalize_Rejects_NumberOutsideDoubleRange()
    {
        using var doc = JsonDocument.Parse("{\"n\":[1e400]}");
        var buffer = new ArrayBufferWriter<byte>();
        Assert.False(JsonCanonicalizer.TryCanonicalize(doc.RootElement, buffer, out var error));
        Assert.StartsWith("$.n[0]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_Rejects_UnpairedSurrogate()
    {
        using var doc = JsonDocument.Parse("{\"s\":\"\\ud800x\"}");
        var buffer = new ArrayBufferWriter<byte>();
        Assert.False(JsonCanonicalizer.TryCanonicalize(doc.RootElement, buffer, out var error));
        Assert.StartsWith("$.s", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_Rejects_NestingDeeperThanLimit()
    {
        using var doc = JsonDocument.Parse("[[[[1]]]]");
        var limits = new StixLimits { MaxJsonDepth = 3 };
        var buffer = new ArrayBufferWriter<byte>();
        Assert.False(JsonCanonicalizer.TryCanonicalize(doc.RootElement, buffer, out var error, limits));
        Assert.Contains("deeper", error, StringComparison.Ordinal);
        Assert.True(JsonCanonicalizer.TryCanonicalize(doc.RootElement, new ArrayBufferWriter<byte>(), out _, new StixLimits { MaxJsonDepth = 4 }));
    }

    [Fact]
    public void Canonicalize_FromUtf8Text_Rejects_OversizedDocument()
    {
        var limits = new StixLimits { MaxDocumentBytes = 4 };
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize("[1,2,3]"u8, limits));
        Assert.Equal("[1,2,3]"u8.ToArray(), JsonCanonicalizer.Canonicalize("[ 1, 2, 3 ]"u8));
    }

    [Property(MaxTest = 2000)]
    public bool FormatNumber_RoundTrips_EveryFiniteDouble(long bits)
    {
        double value = BitConverter.Int64BitsToDouble(bits);
        if (!double.IsFinite(value))
        {
            return true;
        }
        string text = JsonCanonicalizer.FormatNumber(value);
        double back = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return back == value && !text.Contains('E', StringComparison.Ordinal) && !text.EndsWith('.');
    }

    [Property(MaxTest = 500)]
    public bool FormatNumber_Writes_SafeIntegersAsPlainDigits(long n)
    {
        // Every integer of magnitude below 2^53 is exact in a double and ECMAScript writes it in full.
        long safe = n % (1L << 53);
        return JsonCanonicalizer.FormatNumber(safe) == safe.ToString(CultureInfo.InvariantCulture);
    }

    [Property(MaxTest = 300)]
    public bool Canonicalize_IsIndependentOf_MemberOrder(string[] keys, int seed)
    {
        var unique = (keys ?? []).Where(k => k is not null).Where(IsValidUnicode).Distinct(StringComparer.Ordinal).ToArray();
        var shuffled = unique.ToArray();
        new Random(seed).Shuffle(shuffled);
        string a = Canon(ObjectJson(unique));
        string b = Canon(ObjectJson(shuffled));
        return a == b && Canon(a) == a;
    }

    private static string ObjectJson(IEnumerable<string> keys) =>
        "{" + string.Join(",", keys.Select((k, i) => JsonSerializer.Serialize(k) + ":" + k.Length.ToString(CultureInfo.InvariantCulture))) + "}";

    private static bool IsValidUnicode(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return false;
            }
        }
        return true;
    }
}
