using FsCheck;
using FsCheck.Xunit;

namespace ThreatShare.Stix.Tests.Primitives;

public sealed class StixTimestampTests
{
    [Theory]
    [InlineData("2016-01-01T00:00:00Z", 0)]
    [InlineData("2016-05-12T08:17:27.000Z", 3)]
    [InlineData("2021-12-11T07:17:44.542582Z", 6)]
    [InlineData("2016-05-12T08:17:27.123456789Z", 9)]
    public void Parse_KeepsPrecision_AndRoundTrips(string text, int precision)
    {
        var ts = StixTimestamp.Parse(text);
        Assert.Equal(precision, ts.Precision);
        Assert.Equal(text, ts.ToString());
    }

    [Theory]
    [InlineData("2016-01-01T00:00:00+00:00", "offsets")]
    [InlineData("2016-01-01T00:00:00", "Z")]
    [InlineData("2016-01-01T00:00:00z", "Z")]
    [InlineData("2016-01-01t00:00:00Z", "T")]
    [InlineData("2016-01-01 00:00:00Z", "T")]
    [InlineData("2016-12-31T23:59:60Z", "leap")]
    [InlineData("2016-02-30T00:00:00Z", "day")]
    [InlineData("2015-02-29T00:00:00Z", "day")]
    [InlineData("2016-13-01T00:00:00Z", "month")]
    [InlineData("2016-00-01T00:00:00Z", "month")]
    [InlineData("2016-01-01T24:00:00Z", "time")]
    [InlineData("2016-01-01T00:00:00.Z", "'.'")]
    [InlineData("2016-01-01T00:00:00.1234567890Z", "9")]
    [InlineData("0000-01-01T00:00:00Z", "year")]
    [InlineData("2016-1-01T00:00:00Z", "form")]
    public void TryParse_Rejects_WithReason(string text, string reason)
    {
        Assert.False(StixTimestamp.TryParse(text, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LeapDay_InLeapYear_IsAccepted() => Assert.True(StixTimestamp.TryParse("2016-02-29T00:00:00Z", out _));

    [Fact]
    public void Equality_ComparesInstant_NotPrecision()
    {
        Assert.Equal(StixTimestamp.Parse("2016-01-01T00:00:00Z"), StixTimestamp.Parse("2016-01-01T00:00:00.000Z"));
        Assert.True(StixTimestamp.Parse("2016-01-01T00:00:00.001Z") > StixTimestamp.Parse("2016-01-01T00:00:00Z"));
    }

    [Fact]
    public void Nanoseconds_AreOrdered()
    {
        var a = StixTimestamp.Parse("2016-01-01T00:00:00.000000001Z");
        var b = StixTimestamp.Parse("2016-01-01T00:00:00.000000002Z");
        Assert.True(a < b);
        Assert.Equal(1, a.SubTickNanoseconds);
    }

    [Fact]
    public void WithPrecision_Truncates()
    {
        var ts = StixTimestamp.Parse("2016-01-01T00:00:00.123456Z").WithPrecision(3);
        Assert.Equal("2016-01-01T00:00:00.123Z", ts.ToString());
    }

    [Fact]
    public void Parse_Throws_FormatException() => Assert.Throws<FormatException>(() => StixTimestamp.Parse("yesterday"));

    [Property(MaxTest = 300)]
    public bool FromDateTimeOffset_RoundTripsThroughText(DateTimeOffset value, byte digits)
    {
        int precision = digits % 10;
        var ts = StixTimestamp.FromDateTimeOffset(value, precision);
        return StixTimestamp.TryParse(ts.ToString(), out var back) && back == ts && back.Precision == precision;
    }

    [Property(MaxTest = 300)]
    public bool TryParse_NeverThrows(string? text) => StixTimestamp.TryParse(text, out _) || true;
}
