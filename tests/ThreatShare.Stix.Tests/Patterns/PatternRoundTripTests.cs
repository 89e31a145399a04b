using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Stix.Tests.Patterns;

public sealed class PatternRoundTripTests
{
    [Theory]
    [MemberData(nameof(PatternParserTests.SpecExamples), MemberType = typeof(PatternParserTests))]
    public void Print_SpecExample_ParsesBackToEqualTree(string text)
    {
        var pattern = StixPatternParser.Parse(text).Pattern;
        Assert.NotNull(pattern);

        var printed = pattern.ToString();
        var reparsed = StixPatternParser.Parse(printed);

        Assert.True(reparsed.IsValid, printed + " => " + string.Join("; ", reparsed.Errors));
        Assert.Equal(pattern, reparsed.Pattern);
        Assert.Equal(printed, reparsed.Pattern?.ToString());
    }

    [Theory]
    [InlineData("[ a:b  =  'x' ]", "[a:b = 'x']")]
    [InlineData("([file:name = 'a'] OR [file:name = 'b']) AND [file:name = 'c']", "([file:name = 'a'] OR [file:name = 'b']) AND [file:name = 'c']")]
    [InlineData("[file:name = 'a'] OR ([file:name = 'b'] AND [file:name = 'c'])", "[file:name = 'a'] OR [file:name = 'b'] AND [file:name = 'c']")]
    [InlineData("([file:name = 'a'] WITHIN 5 SECONDS) REPEATS 2 TIMES", "([file:name = 'a'] WITHIN 5 SECONDS) REPEATS 2 TIMES")]
    [InlineData("[(file:name = 'a')]", "[file:name = 'a']")]
    [InlineData("[file:'name' = 'a' AND file:extensions.'AND'.x = 1]", "[file:name = 'a' AND file:extensions.'AND'.x = 1]")]
    [InlineData("[file:size = 0.00001]", "[file:size = 0.00001]")]
    [InlineData("[file:size = 100000000000000000000000.5]", "[file:size = 100000000000000010000000.0]")]
    [InlineData("[file:x = .5]", "[file:x = 0.5]")]
    [InlineData("[file:x[0].y[*] = 'a']", "[file:x[0].y[*] = 'a']")]
    [InlineData(@"[file:name = 'it\'s']", @"[file:name = 'it\'s']")]
    public void Print_WritesCanonicalText(string text, string expected)
    {
        var result = StixPatternParser.Parse(text);
        Assert.NotNull(result.Pattern);

        Assert.Equal(expected, result.Pattern.ToString());
        Assert.Equal(result.Pattern, StixPatternParser.Parse(expected).Pattern);
    }

    [Fact]
    public void Equality_ComparesListContents()
    {
        var a = StixPatternParser.Parse("[file:name IN ('a', 'b')]").Pattern;
        var b = StixPatternParser.Parse("[file:name IN ('a','b')]").Pattern;
        var c = StixPatternParser.Parse("[file:name IN ('b', 'a')]").Pattern;

        Assert.Equal(a, b);
        Assert.Equal(a?.GetHashCode(), b?.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Property(MaxTest = 500)]
    public Property GeneratedTree_PrintsAndParsesBackToEqualTree() =>
        Prop.ForAll(PatternGenerators.Patterns(), pattern =>
        {
            var printed = pattern.ToString();
            var reparsed = StixPatternParser.Parse(printed, new StixLimits { MaxPatternLength = int.MaxValue });
            return reparsed.Pattern is not null && reparsed.Pattern.Equals(pattern);
        });

    [Property(MaxTest = 500)]
    public bool RandomTree_PrintsAndParsesBackToEqualTree(int seed)
    {
        var pattern = new RandomPatterns(seed).Pattern();
        var printed = pattern.ToString();
        var reparsed = StixPatternParser.Parse(printed);
        return reparsed.Pattern is not null && reparsed.Pattern.Equals(pattern);
    }
}

/// <summary>Builds random but well-formed pattern trees from a seed (FsCheck supplies the seeds).</summary>
internal sealed class RandomPatterns(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Types = ["file", "ipv4-addr", "x-custom-thing", "network-traffic", "domain-name"];
    private static readonly string[] Names = ["name", "value", "hashes", "SHA-256", "a b", "it's", "back\\slash", "AND", "true", "x_1", "_y", "", "é"];

    public Pattern Pattern() => new(Observation(3));

    private ObservationExpression Observation(int depth)
    {
        int pick = depth <= 0 ? 0 : _random.Next(4);
        switch (pick)
        {
            case 1:
            {
                var op = (ObservationOperator)_random.Next(3);
                var operands = Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Observation(depth - 1)).ToList();
                return new CompoundObservation(op, new ValueList<ObservationExpression>(operands));
            }
            case 2:
            {
                var qualifiers = Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Qualifier()).ToList();
                return new QualifiedObservation(Observation(depth - 1), new ValueList<PatternQualifier>(qualifiers));
            }
            default:
                return new SimpleObservation(Comparison(2));
        }
    }

    private PatternQualifier Qualifier() => _random.Next(3) switch
    {
        0 => new WithinQualifier(_random.Next(2) == 0 ? _random.Next(1, 10_000) : Math.Round(_random.NextDouble() * 1000, 3) + 0.001),
        1 => new RepeatsQualifier(_random.NextInt64(1, long.MaxValue)),
        _ => new StartStopQualifier(StixTimestamp.Parse("2016-01-01T00:00:00Z"), StixTimestamp.Parse("2016-01-02T00:00:00.123Z")),
    };

    private ComparisonExpression Comparison(int depth)
    {
        int pick = depth <= 0 ? _random.Next(1, 4) : _random.Next(5);
        switch (pick)
        {
            case 0:
            case 4:
            {
                var operands = Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Comparison(depth - 1)).ToList();
                return new CompoundComparison((BooleanOperator)_random.Next(2), new ValueList<ComparisonExpression>(operands));
            }
            case 1:
                return new ExistsComparison(Path());
            case 2:
                return new SetComparison(Path(), _random.Next(2) == 0, new ValueList<PatternLiteral>(Enumerable.Range(0, _random.Next(0, 3)).Select(_ => Literal())));
            default:
                return new PropertyComparison(Path(), (ComparisonOperator)_random.Next(10), _random.Next(2) == 0, Literal());
        }
    }

    private ObjectPath Path()
    {
        var steps = new List<PathStep> { new PropertyStep(Names[_random.Next(Names.Length)]) };
        int extra = _random.Next(3);
        for (int i = 0; i < extra; i++)
        {
            steps.Add(_random.Next(3) switch
            {
                0 => IndexStep.Any,
                1 => new IndexStep(_random.Next(0, 100)),
                _ => new PropertyStep(Names[_random.Next(Names.Length)]),
            });
        }
        return new ObjectPath(Types[_random.Next(Types.Length)], new ValueList<PathStep>(steps));
    }

    private PatternLiteral Literal() => _random.Next(7) switch
    {
        0 => new StringLiteral(RandomText()),
        1 => new IntegerLiteral(_random.NextInt64(long.MinValue, long.MaxValue)),
        2 => new FloatLiteral(RandomDouble()),
        3 => new BooleanLiteral(_random.Next(2) == 0),
        4 => new TimestampLiteral(StixTimestamp.Parse("2016-05-12T08:17:27.123456789Z")),
        5 => new BinaryLiteral(Convert.ToBase64String(Enumerable.Range(0, _random.Next(1, 9)).Select(_ => (byte)_random.Next(256)).ToArray())),
        _ => new HexLiteral(Convert.ToHexString(Enumerable.Range(0, _random.Next(0, 5)).Select(_ => (byte)_random.Next(256)).ToArray())),
    };

    private double RandomDouble()
    {
        // Any finite double, including tiny and huge magnitudes.
        double d;
        do
        {
            d = BitConverter.Int64BitsToDouble(_random.NextInt64());
        }
        while (!double.IsFinite(d));
        return _random.Next(3) == 0 ? Math.Round(d % 1000, 2) : d;
    }

    private string RandomText()
    {
        const string alphabet = "ab'\\ %_\n\u00e9\u4e2d]";
        return new string(Enumerable.Range(0, _random.Next(0, 8)).Select(_ => alphabet[_random.Next(alphabet.Length)]).ToArray());
    }
}
