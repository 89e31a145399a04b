using System.Text;
using FsCheck;
using FsCheck.Xunit;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Stix.Tests.Patterns;

public sealed class PatternHostileInputTests
{
    [Theory]
    [InlineData("", '(')]
    [InlineData("[", '(')]
    public void Parse_Rejects_100000NestedOpenings_WithoutStackOverflow(string prefix, char opening)
    {
        var text = prefix + new string(opening, 100_000) + "file:name = 'a'";

        var result = StixPatternParser.Parse(text, new StixLimits { MaxPatternLength = 1_000_000 });

        Assert.False(result.IsValid);
        Assert.Contains("more than 64 levels deep", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Rejects_NestedBrackets_AsMisplaced()
    {
        var result = StixPatternParser.Parse(new string('[', 100_000), new StixLimits { MaxPatternLength = 1_000_000 });

        Assert.Contains("'[' cannot appear inside an observation expression", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Errors[0].Column);
    }

    [Fact]
    public void Parse_Rejects_DeepComparisonNesting_WithDepthLimit()
    {
        var text = "[" + new string('(', 10) + "file:name = 'a'" + new string(')', 10) + "]";

        var tight = StixPatternParser.Parse(text, new StixLimits { MaxPatternDepth = 5 });
        var loose = StixPatternParser.Parse(text, new StixLimits { MaxPatternDepth = 11 });

        Assert.Contains("more than 5 levels deep", tight.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(loose.IsValid);
    }

    [Fact]
    public void Parse_HugeDepthLimit_StillNeverOverflowsTheStack()
    {
        var text = new string('(', 200_000) + "[file:name = 'a']" + new string(')', 200_000);

        var result = StixPatternParser.Parse(text, new StixLimits { MaxPatternLength = int.MaxValue, MaxPatternDepth = int.MaxValue });

        Assert.NotNull(result);
    }

    [Fact]
    public void Parse_Rejects_TooLongPattern_BeforeLexing()
    {
        var text = "[file:name = '" + new string('a', 5 * 1024 * 1024) + "']";

        var result = StixPatternParser.Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Contains("the limit is 65536", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Pattern);
    }

    [Fact]
    public void Parse_Accepts_FiveMegabyteString_WhenLimitAllows()
    {
        var text = "[file:name = '" + new string('a', 5 * 1024 * 1024) + "']";

        var result = StixPatternParser.Parse(text, new StixLimits { MaxPatternLength = 6 * 1024 * 1024 });

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("[file:name = 'a']\0")]
    [InlineData("[file:name\0= 'a']")]
    [InlineData("\uD800")]
    [InlineData("[file:name = 'a'] \uDC00")]
    [InlineData("[file:\uD83D\uDE00 = 'a']")]
    [InlineData("   ")]
    [InlineData("/**/")]
    [InlineData("//")]
    [InlineData("[")]
    [InlineData("(")]
    [InlineData("'")]
    [InlineData("t'")]
    [InlineData("[a:b = t'")]
    [InlineData("[a:b = '\\")]
    [InlineData("[a:b = -]")]
    [InlineData("[a:b = +.]")]
    [InlineData("[a:b[")]
    [InlineData("[a:b[*")]
    [InlineData("[a:b.")]
    [InlineData("[a:b IN (")]
    [InlineData("[a:b IN ('a',")]
    [InlineData("[a:b = 1] START t'2016-01-01T00:00:00Z'")]
    public void Parse_Answers_WithErrors_ForBrokenInput(string text)
    {
        var result = StixPatternParser.Parse(text);

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
    }

    [Fact]
    public void Parse_AllowsNulAndLoneSurrogatesInsideStrings()
    {
        var result = StixPatternParser.Parse("[file:name = 'a\0b\uD800']");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_CapsTheNumberOfDiagnostics()
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < 1000; i++)
        {
            sb.Append(i == 0 ? "" : " OR ").Append("file:hashes.MD5 = 'abc'");
        }
        sb.Append(']');

        var result = StixPatternParser.Parse(sb.ToString());

        Assert.Equal(100, result.Errors.Count);
    }

    [Property(MaxTest = 1000)]
    public void Parse_NeverThrows_OnRandomStrings(NonNull<string> text)
    {
        var result = StixPatternParser.Parse(text.Get);

        Assert.NotNull(result);
        Assert.Equal(result.Errors.Count == 0, result.IsValid);
    }

    private static readonly string[] Seeds =
    [
        "[ipv4-addr:value = '198.51.100.1/32'] OR [domain-name:value = 'evil.example.com']",
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
        "([file:name = 'foo.dll'] AND [win-registry-key:key = 'k']) OR [process:name IN ('a', 'b') OR process:pid NOT > 5] WITHIN 5 SECONDS REPEATS 2 TIMES",
        "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0 AND EXISTS file:x AND file:magic_number_hex = h'ffd8' AND artifact:payload_bin = b'aGVsbG8=']",
        "[ipv6-addr:value ISSUBSET '2001:db8::/32' AND ipv6-addr:value NOT MATCHES '^fe80' AND ipv6-addr:value LIKE '2001%'] FOLLOWEDBY [url:value = 'x'] // c\n /* d */",
    ];

    private const string Alphabet = "[]()'\\:.,*=!<>+-0123456789tbhANDORNOT _\0\uD800\n/ ";

    [Property(MaxTest = 2000)]
    public void Parse_NeverThrows_OnMutatedValidPatterns(int seed)
    {
        var random = new Random(seed);
        var chars = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
        int mutations = random.Next(1, 6);
        for (int i = 0; i < mutations && chars.Length > 0; i++)
        {
            int at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0:
                    chars.Remove(at, 1);
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    chars[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                default:
                    chars.Remove(at, Math.Min(chars.Length - at, random.Next(1, 10)));
                    break;
            }
        }

        var result = StixPatternParser.Parse(chars.ToString());

        Assert.Equal(result.Errors.Count == 0, result.IsValid);
        if (result.Pattern is { } pattern && result.IsValid)
        {
            // Whatever survived mutation and parses must also print and parse back to the same tree.
            Assert.Equal(pattern, StixPatternParser.Parse(pattern.ToString()).Pattern);
        }
    }
}
