using FsCheck.Xunit;

namespace ThreatShare.Stix.Tests.Primitives;

public sealed class StixIdentifierTests
{
    [Fact]
    public void Parse_SplitsTypeAndUuid()
    {
        var id = StixIdentifier.Parse("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
        Assert.Equal("indicator", id.Type);
        Assert.Equal(4, id.UuidVersion);
        Assert.Equal(Guid.Parse("8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), id.Uuid);
    }

    [Fact]
    public void Parse_AcceptsUuidV5() => Assert.Equal(5, StixIdentifier.Parse("file--e277603e-1060-5ad4-9937-c26c97f1ca68").UuidVersion);

    [Theory]
    [InlineData("indicator--00000000-0000-0000-0000-000000000000", "nil")]
    [InlineData("indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f", "version")]
    [InlineData("indicator--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f", "version")]
    [InlineData("indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f", "variant")]
    [InlineData("indicator--8e2e2d2b-17d4-4cbf-738f-98ee46b3cd3f", "variant")]
    [InlineData("indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "form")]
    [InlineData("Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "type")]
    [InlineData("my--type--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "type")]
    [InlineData("indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f", "form")]
    [InlineData("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3g", "hyphenated")]
    public void TryParse_Rejects_WithReason(string text, string reason)
    {
        Assert.False(StixIdentifier.TryParse(text, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NewId_IsVersion4_OfTheType()
    {
        var id = StixIdentifier.NewId("malware");
        Assert.Equal("malware", id.Type);
        Assert.Equal(4, id.UuidVersion);
    }

    [Fact]
    public void Create_RejectsInvalidType() => Assert.Throws<ArgumentException>(() => StixIdentifier.Create("Bad", Guid.NewGuid()));

    [Fact]
    public void Parse_Throws_FormatException() => Assert.Throws<FormatException>(() => StixIdentifier.Parse("nope"));

    [Property(MaxTest = 300)]
    public bool TryParse_NeverThrows(string? text) => StixIdentifier.TryParse(text, out _) || true;

    [Property(MaxTest = 200)]
    public bool Create_RoundTrips(Guid guid)
    {
        // Force version 4 and the RFC 4122 variant so every random GUID is a valid identifier UUID.
        var bytes = guid.ToByteArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var uuid = new Guid(bytes);
        var id = StixIdentifier.Create("tool", uuid);
        return StixIdentifier.Parse(id.Value) == id && id.Uuid == uuid;
    }
}
