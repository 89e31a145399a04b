using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreatShare.Stix.Patterns;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>
/// Hostile input: whatever the bytes, the validator returns a result (it never throws) and the pattern parser returns
/// diagnostics; limits from <see cref="StixLimits"/> turn abuse into errors instead of exhausted memory or stack.
/// </summary>
public sealed class HostileInputTests
{
    private const string Indicator =
        """
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z",
         "pattern":"[file:name = 'a']","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z","name":NAME}
        """;

    private readonly StixValidator _validator = new();

    public static TheoryData<string> MutationKinds() => [.. JsonMutator.All.Select(m => m.ToString())];

    [Property(MaxTest = 300)]
    public void Validator_Returns_Result_ForRandomBytes(byte[] bytes)
    {
        var result = _validator.Validate(bytes ?? []);

        Assert.NotNull(result);
        Assert.Equal(result.Errors.Count == 0, result.IsValid);
        if (!IsJson(bytes ?? []))
        {
            Assert.False(result.IsValid);
        }
    }

    [Property(MaxTest = 300)]
    public void Validator_Returns_Result_ForRandomText(string text)
    {
        var result = _validator.Validate(Encoding.UTF8.GetBytes(text ?? string.Empty));

        Assert.NotNull(result);
        if (!IsJson(Encoding.UTF8.GetBytes(text ?? string.Empty)))
        {
            Assert.False(result.IsValid);
        }
    }

    [Property(MaxTest = 500)]
    public Property Validator_Returns_Result_ForMutatedCorpusFile() =>
        Prop.ForAll(
            Gen.Choose(0, CorpusFiles.ValidNames.Count - 1).ToArbitrary(),
            Gen.Elements(JsonMutator.All).ToArbitrary(),
            ArbMap.Default.ArbFor<int>(),
            (fileIndex, mutation, seed) =>
            {
                var mutated = JsonMutator.Mutate(CorpusFiles.ReadValid(CorpusFiles.ValidNames[fileIndex]), mutation, seed);

                var result = _validator.Validate(mutated);

                Assert.NotNull(result);
                Assert.Equal(result.Errors.Count == 0, result.IsValid);
                if (!IsJson(mutated))
                {
                    Assert.False(result.IsValid, $"{CorpusFiles.ValidNames[fileIndex]} {mutation} {seed}: malformed JSON accepted");
                }
            });

    [Theory]
    [MemberData(nameof(MutationKinds))]
    public void Validator_Returns_Result_ForEveryMutationOfEveryFile(string kind)
    {
        var mutation = Enum.Parse<JsonMutation>(kind);
        foreach (var name in CorpusFiles.ValidNames)
        {
            for (int seed = 0; seed < 3; seed++)
            {
                var mutated = JsonMutator.Mutate(CorpusFiles.ReadValid(name), mutation, seed);
                var result = _validator.Validate(mutated);
                Assert.NotNull(result);
                if (mutation == JsonMutation.Truncate)
                {
                    Assert.False(result.IsValid, $"{name} truncated to {mutated.Length} bytes was accepted");
                }
            }
        }
    }

    [Fact]
    public void Validator_Rejects_MissingTypeOrId()
    {
        foreach (var name in CorpusFiles.ValidNames)
        {
            foreach (var property in new[] { "type", "id" })
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(CorpusFiles.ReadValid(name))!.AsObject(); // corpus files are objects
                node.Remove(property);
                var result = _validator.Validate(Encoding.UTF8.GetBytes(node.ToJsonString()));
                Assert.False(result.IsValid, $"{name} without {property} was accepted");
            }
        }
    }

    [Fact]
    public void Validator_Survives_LoneSurrogateEscape()
    {
        var result = _validator.Validate(Encoding.UTF8.GetBytes(Indicator.Replace("NAME", "\"bad \\ud800 name\"", StringComparison.Ordinal)));

        Assert.NotNull(result);
    }

    [Fact]
    public void Validator_Survives_ReversedSurrogatePairEscape()
    {
        var result = _validator.Validate(Encoding.UTF8.GetBytes(Indicator.Replace("NAME", "\"\\udc00\\ud800\"", StringComparison.Ordinal)));

        Assert.NotNull(result);
    }

    [Fact]
    public void Validator_Survives_EscapedNulInString()
    {
        var result = _validator.Validate(Encoding.UTF8.GetBytes(Indicator.Replace("NAME", "\"a\\u0000b\"", StringComparison.Ordinal)));

        Assert.NotNull(result);
    }

    [Fact]
    public void Validator_Rejects_RawNulByte()
    {
        var bytes = Encoding.UTF8.GetBytes(Indicator.Replace("NAME", "\"a\0b\"", StringComparison.Ordinal));

        var result = _validator.Validate(bytes);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validator_Rejects_InvalidUtf8()
    {
        var parts = Indicator.Split("NAME");
        // "\xC3(" : a two-byte lead followed by an ASCII byte is not UTF-8.
        byte[] bytes = [.. Encoding.UTF8.GetBytes(parts[0]), 0x22, 0xC3, 0x28, 0x22, .. Encoding.UTF8.GetBytes(parts[1])];

        var result = _validator.Validate(bytes);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validator_Survives_ByteOrderMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Indicator.Replace("NAME", "\"bom\"", StringComparison.Ordinal))).ToArray();

        var result = _validator.Validate(bytes);

        Assert.NotNull(result);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    [InlineData("0x10")]
    [InlineData("'single'")]
    [InlineData("undefined")]
    public void Validator_Rejects_NonJsonOrOutOfRangeNumberAsConfidence(string value)
    {
        var result = _validator.Validate(Encoding.UTF8.GetBytes(Indicator.Replace("\"name\":NAME", "\"confidence\":" + value, StringComparison.Ordinal)));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validator_Rejects_FiveMegabyteString()
    {
        var bytes = Encoding.UTF8.GetBytes(Indicator.Replace("NAME", "\"" + new string('a', 5 * 1024 * 1024) + "\"", StringComparison.Ordinal));

        var result = _validator.Validate(bytes);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validator_Accepts_StringJustBelowLimit_WithoutError()
    {
        var limits = new StixLimits { MaxStringLength = 1000 };
        var bytes = Encoding.UTF8.GetBytes(Indicator.Replace("NAME", "\"" + new string('a', 1000) + "\"", StringComparison.Ordinal));

        var result = new StixValidator(limits).Validate(bytes);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Validator_Rejects_HundredThousandNestedArrays()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000));

        var result = _validator.Validate(bytes);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validator_Rejects_HundredThousandNestedArraysInProperty()
    {
        var bytes = Encoding.UTF8.GetBytes(Indicator.Replace("NAME", new string('[', 100_000) + new string(']', 100_000), StringComparison.Ordinal));

        var result = _validator.Validate(bytes);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validator_Rejects_DeeplyNestedObjects()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++)
        {
            sb.Append("{\"x_a\":");
        }
        sb.Append('1').Append('}', 50_000);

        var result = _validator.Validate(Encoding.UTF8.GetBytes(Indicator.Replace("NAME", sb.ToString(), StringComparison.Ordinal)));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validator_Rejects_UnclosedNesting()
    {
        var result = _validator.Validate(Encoding.UTF8.GetBytes(new string('[', 100_000)));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validator_Rejects_DocumentAboveSizeLimit()
    {
        var limits = new StixLimits { MaxDocumentBytes = 1024 };
        var bytes = Encoding.UTF8.GetBytes(Indicator.Replace("NAME", "\"" + new string('a', 2048) + "\"", StringComparison.Ordinal));

        var result = new StixValidator(limits).Validate(bytes);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validator_Rejects_BundleAboveObjectLimit()
    {
        var limits = new StixLimits { MaxBundleObjects = 10 };
        var bundle = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[" +
                     string.Join(",", Enumerable.Repeat(Encoding.UTF8.GetString(CorpusFiles.ReadValid("mutex.spec.json")), 11)) + "]}";

        var result = new StixValidator(limits).Validate(Encoding.UTF8.GetBytes(bundle));

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("42")]
    [InlineData("\"indicator\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("[{\"type\":\"indicator\"}]")]
    [InlineData("{\"type\":\"indicator\"} {\"type\":\"indicator\"}")]
    [InlineData("{\"type\":\"indicator\",}")]
    [InlineData("{\"type\":\"indicator\" /* comment */}")]
    public void Validator_Rejects_NonObjectOrMalformedDocument(string json)
    {
        var result = _validator.Validate(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
    }

    [Property(MaxTest = 300)]
    public void PatternParser_Returns_Diagnostics_ForRandomText(string text)
    {
        var result = StixPatternParser.Parse(text ?? string.Empty);

        Assert.NotNull(result);
        Assert.Equal(result.Errors.Count == 0, result.IsValid);
    }

    [Property(MaxTest = 300)]
    public Property PatternParser_Returns_Diagnostics_ForMutatedCorpusPattern() =>
        Prop.ForAll(
            Gen.Elements(CorpusFiles.PatternLines("valid.txt").ToArray()).ToArbitrary(),
            ArbMap.Default.ArbFor<int>(),
            (pattern, seed) =>
            {
                var random = new Random(seed);
                var chars = pattern.ToCharArray();
                int at = random.Next(chars.Length);
                string mutated = random.Next(3) switch
                {
                    0 => pattern[..at],
                    1 => pattern.Remove(at, 1),
                    _ => pattern.Insert(at, "[]()'\\ANDNOT"[random.Next(12)].ToString()),
                };

                var result = StixPatternParser.Parse(mutated);

                Assert.NotNull(result);
            });

    [Theory]
    [InlineData('[')]
    [InlineData('(')]
    public void PatternParser_Rejects_HundredThousandOpenings(char opening)
    {
        var result = StixPatternParser.Parse(new string(opening, 100_000));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void PatternParser_Rejects_DeepButBalancedParentheses()
    {
        var pattern = new string('(', 10_000) + "[file:name = 'a']" + new string(')', 10_000);

        var result = StixPatternParser.Parse(pattern);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void PatternParser_Rejects_PatternAboveLengthLimit()
    {
        var pattern = "[file:name = '" + new string('a', StixLimits.Default.MaxPatternLength) + "']";

        var result = StixPatternParser.Parse(pattern);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void PatternParser_Survives_ControlCharactersAndSurrogates()
    {
        foreach (var pattern in new[] { "[file:name = 'a\0b']", "[file:name = '\ud800']", "\0", "[file:name = 'a']\u2028", "\uFEFF[file:name = 'a']" })
        {
            var result = StixPatternParser.Parse(pattern);
            Assert.NotNull(result);
        }
    }

    private static bool IsJson(byte[] bytes)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(bytes, new System.Text.Json.JsonDocumentOptions { MaxDepth = 100_000 });
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
