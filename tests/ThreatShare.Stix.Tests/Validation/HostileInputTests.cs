using System.Text;
using System.Text.Json;
using ThreatShare.Stix.Validation;
using static ThreatShare.Stix.Tests.Validation.ValidationAssert;

namespace ThreatShare.Stix.Tests.Validation;

public sealed class HostileInputTests
{
    private static StixValidationResult ValidateBytes(byte[] bytes, StixLimits? limits = null) => new StixValidator(limits).Validate(bytes);

    private static string WithName(string value) =>
        Samples.YaraIndicator.Replace("\"File hash for Poison Ivy variant\"", value, StringComparison.Ordinal);

    [Fact]
    public void Bom_IsSkipped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Samples.YaraIndicator)];
        Valid(ValidateBytes(bytes));
    }

    [Fact]
    public void MalformedJson_IsError_WithLineAndPosition()
    {
        var result = Validate("{\n  \"type\": \"indicator\",\n  \"id\": }");
        var issue = HasError(result, "$", "malformed JSON");
        Assert.Contains("line 3", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1} {}")]
    [InlineData("// comment\n{}")]
    public void BrokenJson_IsErrorResult_NotException(string json) => Assert.False(Validate(json).IsValid);

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void NaN_IsError(string literal) =>
        HasError(Validate(Samples.YaraIndicator.Replace("\"spec_version\": \"2.1\",", $"\"spec_version\": \"2.1\", \"confidence\": {literal},", StringComparison.Ordinal)), "$", "malformed JSON");

    [Fact]
    public void HugeExponent_IsError() =>
        HasError(Validate(Samples.YaraIndicator.Replace("\"spec_version\": \"2.1\",", "\"spec_version\": \"2.1\", \"x_big\": 1e400,", StringComparison.Ordinal)),
            "$.x_big", "out of the range");

    [Fact]
    public void DuplicateProperty_IsError()
    {
        var result = Validate(Samples.YaraIndicator.Replace("\"spec_version\": \"2.1\",", "\"spec_version\": \"2.1\", \"spec_version\": \"2.1\",", StringComparison.Ordinal));
        HasError(result, "$.spec_version", "duplicate");
    }

    [Fact]
    public void DuplicateProperty_Nested_IsError() =>
        HasError(Validate(Samples.YaraIndicator.Replace("\"indicator_types\": [\"malicious-activity\"],", "\"x_nested\": {\"a\": 1, \"b\": 2, \"a\": 2},", StringComparison.Ordinal)), "$.x_nested.a", "duplicate");

    [Fact]
    public void DuplicateProperty_ViaEscape_IsError() =>
        HasError(Validate(Samples.YaraIndicator.Replace("\"indicator_types\": [\"malicious-activity\"],", "\"x_nested\": {\"abc\": 1, \"\\u0061bc\": 2},", StringComparison.Ordinal)), "$.x_nested.abc", "duplicate");

    [Fact]
    public void DuplicateProperty_InParsedElement_IsError()
    {
        using var doc = JsonDocument.Parse(Samples.YaraIndicator.Replace("\"spec_version\": \"2.1\",", "\"spec_version\": \"2.1\", \"spec_version\": \"2.1\",", StringComparison.Ordinal));
        HasError(new StixValidator().Validate(doc.RootElement), "$.spec_version", "duplicate");
    }

    [Fact]
    public void LoneHighSurrogateEscape_IsError() =>
        HasError(Validate(WithName("\"abc\\ud800def\"")), "$.name", "lone");

    [Fact]
    public void LoneLowSurrogateEscape_IsError() =>
        HasError(Validate(WithName("\"\\udc00\"")), "$.name", "lone");

    [Fact]
    public void SurrogatePairEscape_IsValid() => Valid(Validate(WithName("\"\\ud83d\\ude00\"")));

    [Fact]
    public void EscapedBackslashBeforeU_IsNotAnEscape() => Valid(Validate(WithName("\"C:\\\\ud800\"")));

    [Fact]
    public void LoneSurrogate_InPropertyName_IsError() =>
        Assert.False(Validate(Samples.YaraIndicator.Replace("\"indicator_types\"", "\"x_\\ud800\": 1, \"indicator_types\"", StringComparison.Ordinal)).IsValid);

    [Fact]
    public void NulCharacter_IsError() => HasError(Validate(WithName("\"a\\u0000b\"")), "$.name", "NUL");

    [Fact]
    public void RawControlCharacter_IsError() => Assert.False(Validate(WithName("\"a\u0001b\"")).IsValid);

    [Fact]
    public void InvalidUtf8_IsErrorResult()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(WithName("\"ab\""));
        int i = Array.IndexOf(bytes, (byte)'a', Encoding.UTF8.GetBytes(Samples.YaraIndicator).Length / 3);
        bytes[Array.IndexOf(bytes, (byte)'b', Array.IndexOf(bytes, (byte)'"', i))] = 0xFF;
        Assert.False(ValidateBytes(bytes).IsValid);
    }

    [Fact]
    public void FiveMegabyteString_IsError()
    {
        string big = new('a', 5 * 1024 * 1024);
        var result = Validate(WithName("\"" + big + "\""));
        HasError(result, "$.name", "longer than the limit");
    }

    [Fact]
    public void EscapedLongString_CountsDecodedLength()
    {
        // 600 escaped characters are 3,600 raw bytes but only 600 characters: within a limit of 1,000.
        string escaped = string.Concat(Enumerable.Repeat("\\u0041", 600));
        var result = ValidateBytes(Encoding.UTF8.GetBytes(WithName("\"" + escaped + "\"")), new StixLimits { MaxStringLength = 1000 });
        Valid(result);
    }

    [Fact]
    public void DocumentOverSizeLimit_IsError()
    {
        var result = ValidateBytes(Encoding.UTF8.GetBytes(Samples.YaraIndicator), new StixLimits { MaxDocumentBytes = 100 });
        HasError(result, "$", "larger than the limit");
    }

    [Fact]
    public void HundredThousandNestedArrays_IsError_NoStackOverflow()
    {
        string json = new string('[', 100_000) + new string(']', 100_000);
        HasError(Validate(json), "$", "depth");
    }

    [Fact]
    public void DeepNestingInCustomProperty_IsError()
    {
        string deep = new string('[', 80) + new string(']', 80);
        Assert.False(Validate(Samples.YaraIndicator.Replace("\"indicator_types\"", "\"x_deep\": " + deep + ", \"indicator_types\"", StringComparison.Ordinal)).IsValid);
    }

    [Fact]
    public void ParsedElement_DeeperThanLimit_IsError_NoStackOverflow()
    {
        string json = new string('[', 5000) + new string(']', 5000);
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 10_000 });
        var result = new StixValidator().Validate(doc.RootElement);
        HasError(result, "$" + string.Concat(Enumerable.Repeat("[0]", 65)), "deeper than the limit");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"indicator\"")]
    [InlineData("null")]
    public void NonObjectDocument_IsError(string json) => HasError(Validate(json), "$", "JSON object");
}
