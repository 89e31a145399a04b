using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ThreatShare.Stix.Tests.Serialization;

public sealed class ReaderErrorTests
{
    private const string ValidIndicator = """
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z",
         "pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"}
        """;

    [Theory]
    [InlineData("", "$")]
    [InlineData("{", "$")]
    [InlineData("null", "$")]
    [InlineData("[]", "$")]
    [InlineData("\"indicator\"", "$")]
    [InlineData("{\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"}", "$")]
    [InlineData("{\"type\":42}", "$")]
    [InlineData("{\"type\":\"x-foo\"}", "$")]
    public void Deserialize_NotAStixObject_ThrowsStixFormatException(string json, string path)
    {
        var ex = Assert.Throws<StixFormatException>(() => StixJson.Deserialize(json));

        Assert.StartsWith(path, ex.Path ?? "$", StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Theory]
    [InlineData("\"created\":\"2016-04-06T20:03:48.000Z\"", "\"created\":\"2016-04-06 20:03:48\"", "$.created")]
    [InlineData("\"modified\":\"2016-04-06T20:03:48.000Z\"", "\"modified\":\"2016-04-06T20:03:60.000Z\"", "$.modified")]
    [InlineData("\"valid_from\":\"2016-01-01T00:00:00Z\"", "\"valid_from\":\"2016-01-01T00:00:00+01:00\"", "$.valid_from")]
    [InlineData("\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"", "\"id\":\"indicator--not-a-uuid\"", "$.id")]
    [InlineData("\"spec_version\":\"2.1\"", "\"spec_version\":\"2.1\",\"created_by_ref\":\"identity--00000000-0000-0000-0000-000000000000\"", "$.created_by_ref")]
    [InlineData("\"spec_version\":\"2.1\"", "\"spec_version\":\"2.1\",\"confidence\":\"high\"", "$.confidence")]
    [InlineData("\"spec_version\":\"2.1\"", "\"spec_version\":\"2.1\",\"labels\":\"one\"", "$.labels")]
    [InlineData("\"spec_version\":\"2.1\"", "\"spec_version\":\"2.1\",\"extensions\":[]", "$.extensions")]
    public void Deserialize_BadPropertyValue_NamesItsPath(string original, string replacement, string path)
    {
        string json = ValidIndicator.Replace(original, replacement, StringComparison.Ordinal);

        var ex = Assert.Throws<StixFormatException>(() => StixJson.Deserialize(json));

        Assert.Equal(path, ex.Path);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MissingRequiredProperty_Throws()
    {
        string json = ValidIndicator.Replace("\"pattern_type\":\"stix\",", string.Empty, StringComparison.Ordinal);

        var ex = Assert.Throws<StixFormatException>(() => StixJson.Deserialize(json));

        Assert.Contains("pattern_type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeBundle_BadObject_NamesTheFullPath()
    {
        string bad = ValidIndicator.Replace("2016-01-01T00:00:00Z", "2016-13-01T00:00:00Z", StringComparison.Ordinal);
        string json = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[" + ValidIndicator + "," + bad + "]}";

        var ex = Assert.Throws<StixFormatException>(() => StixJson.DeserializeBundle(json));

        Assert.Equal("$.objects[1].valid_from", ex.Path);
        Assert.Contains("month", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"indicator\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[]}", "$.type")]
    [InlineData("{\"type\":\"bundle\",\"objects\":[]}", "$")]
    [InlineData("{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":{}}", "$.objects")]
    [InlineData("{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[null]}", "$.objects[0]")]
    [InlineData("{\"type\":\"bundle\",\"id\":\"bundle-5d0092c5\",\"objects\":[]}", "$.id")]
    public void DeserializeBundle_MalformedBundle_NamesThePath(string json, string path)
    {
        var ex = Assert.Throws<StixFormatException>(() => StixJson.DeserializeBundle(json));

        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void Deserialize_DocumentOverTheSizeLimit_IsRefusedBeforeParsing()
    {
        var serializer = new StixJsonSerializer(StixLimits.Default with { MaxDocumentBytes = 100 });

        Assert.Throws<StixFormatException>(() => serializer.Deserialize(ValidIndicator));
        Assert.Throws<StixFormatException>(() => serializer.Deserialize(Encoding.UTF8.GetBytes(ValidIndicator)));
        Assert.Throws<StixFormatException>(() => serializer.Deserialize(new MemoryStream(Encoding.UTF8.GetBytes(ValidIndicator))));
        Assert.IsType<Indicator>(StixJson.Deserialize(ValidIndicator));
    }

    [Fact]
    public async Task DeserializeAsync_DocumentOverTheSizeLimit_IsRefused()
    {
        var serializer = new StixJsonSerializer(StixLimits.Default with { MaxDocumentBytes = 100 });
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ValidIndicator));

        await Assert.ThrowsAsync<StixFormatException>(() => serializer.DeserializeAsync(stream, CancellationToken.None));
    }

    [Fact]
    public void Deserialize_NestingDeeperThanTheLimit_IsRefused()
    {
        string deep = new string('[', 40) + new string(']', 40);
        string json = ValidIndicator.Replace("\"spec_version\":\"2.1\"", "\"spec_version\":\"2.1\",\"x_deep\":" + deep, StringComparison.Ordinal);
        var strict = new StixJsonSerializer(StixLimits.Default with { MaxJsonDepth = 32 });

        Assert.Throws<StixFormatException>(() => strict.Deserialize(json));
        Assert.NotNull(StixJson.Deserialize(json).CustomProperties);
    }

    [Fact]
    public void Deserialize_VeryDeepNesting_FailsCleanlyWithDefaults()
    {
        string deep = new string('[', 100_000) + new string(']', 100_000);
        string json = ValidIndicator.Replace("\"spec_version\":\"2.1\"", "\"spec_version\":\"2.1\",\"x_deep\":" + deep, StringComparison.Ordinal);

        Assert.Throws<StixFormatException>(() => StixJson.Deserialize(json));
    }

    [Fact]
    public void DeserializeBundle_MoreObjectsThanTheLimit_IsRefused()
    {
        string json = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":["
            + string.Join(",", Enumerable.Repeat(ValidIndicator, 3)) + "]}";
        var serializer = new StixJsonSerializer(StixLimits.Default with { MaxBundleObjects = 2 });

        var ex = Assert.Throws<StixFormatException>(() => serializer.DeserializeBundle(json));

        Assert.Equal("$.objects[2]", ex.Path);
        Assert.Equal(3, StixJson.DeserializeBundle(json).Objects.Count);
    }

    [Fact]
    public void DeserializeT_WrongType_Throws()
    {
        var ex = Assert.Throws<StixFormatException>(() => StixJson.Deserialize<Malware>(ValidIndicator));

        Assert.Equal("$.type", ex.Path);
    }

    [Property(MaxTest = 300)]
    public void Deserialize_ArbitraryText_ThrowsOnlyStixFormatException(string text)
    {
        try
        {
            StixJson.Deserialize(text ?? string.Empty);
        }
        catch (StixFormatException)
        {
        }
    }

    [Property(MaxTest = 300)]
    public Property Deserialize_MutatedValidDocument_ThrowsOnlyStixFormatException()
    {
        byte[] valid = Encoding.UTF8.GetBytes(ValidIndicator);
        var gen = from position in Gen.Choose(0, valid.Length - 1)
                  from value in Gen.Choose(0, 255)
                  select (position, (byte)value);
        return Prop.ForAll(gen.ToArbitrary(), mutation =>
        {
            byte[] bytes = (byte[])valid.Clone();
            bytes[mutation.position] = mutation.Item2;
            try
            {
                StixJson.Deserialize(bytes);
                StixJson.DeserializeBundle(bytes);
            }
            catch (StixFormatException)
            {
            }
        });
    }
}

public sealed class ReaderEntryPointTests
{
    private const string Json = """
        {"type":"tool","spec_version":"2.1","id":"tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"VNC"}
        """;

    [Theory]
    [InlineData(" x")]
    [InlineData(" {}")]
    [InlineData(",")]
    public void Deserialize_TrailingContent_IsRefusedByEveryEntryPoint(string trailer)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(Json + trailer);

        Assert.Throws<StixFormatException>(() => StixJson.Deserialize(Json + trailer));
        Assert.Throws<StixFormatException>(() => StixJson.Deserialize(utf8));
        Assert.Throws<StixFormatException>(() => StixJson.Deserialize(new MemoryStream(utf8)));
    }

    [Fact]
    public void Deserialize_Utf8WithByteOrderMark_IsRead()
    {
        byte[] utf8 = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Json)];

        Assert.IsType<Tool>(StixJson.Deserialize(utf8));
        Assert.IsType<Tool>(StixJson.Deserialize(new MemoryStream(utf8)));
    }

    [Fact]
    public void Deserialize_TrailingWhitespace_IsAccepted()
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(Json + " \n\t ");

        Assert.IsType<Tool>(StixJson.Deserialize(utf8));
    }
}

public sealed class StringLimitTests
{
    private static string Indicator(string name) => $$"""
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"{{name}}",
         "pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"}
        """;

    [Fact]
    public void Deserialize_StringLongerThanTheLimit_IsRefusedByEveryEntryPoint()
    {
        var serializer = new StixJsonSerializer(StixLimits.Default with { MaxStringLength = 100 });
        string json = Indicator(new string('a', 101));

        Assert.Throws<StixFormatException>(() => serializer.Deserialize(json));
        Assert.Throws<StixFormatException>(() => serializer.Deserialize(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Throws<StixFormatException>(() => serializer.DeserializeBundle(
            "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[" + json + "]}"));
    }

    [Fact]
    public void Deserialize_EscapedStringWithinTheLimit_IsAccepted()
    {
        var serializer = new StixJsonSerializer(StixLimits.Default with { MaxStringLength = 100 });
        // 100 characters written as 600 bytes of \u escapes.
        string json = Indicator(string.Concat(Enumerable.Repeat("\\u0041", 100)));

        var indicator = Assert.IsType<Indicator>(serializer.Deserialize(json));

        Assert.Equal(new string('A', 100), indicator.Name);
    }
}
