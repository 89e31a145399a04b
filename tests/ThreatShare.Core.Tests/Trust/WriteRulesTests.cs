using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Tests.Trust;

public sealed class WriteRulesTests
{
    private static Poster Org(TrustTier tier, bool directorate = false, params string[] sectors) =>
        new(Guid.NewGuid(), directorate, tier, new HashSet<string>(sectors, StringComparer.Ordinal));

    [Fact]
    public void SectorPost_Needs_Membership()
    {
        var denial = WriteRules.CheckPost(Org(TrustTier.Trusted, false, "energy"), Channel.ForSector("finance"), Tlp.Green, 0);
        Assert.Equal("channel-not-member", denial?.Code);
        Assert.Equal("channel", denial?.Field);
        Assert.Null(WriteRules.CheckPost(Org(TrustTier.Probation, false, "finance"), Channel.ForSector("finance"), Tlp.Green, 0));
    }

    [Fact]
    public void NationalPost_Needs_Directorate()
    {
        Assert.Equal("channel-directorate-only", WriteRules.CheckPost(Org(TrustTier.Trusted, false, "finance"), Channel.National, Tlp.Clear, 0)?.Code);
        Assert.Null(WriteRules.CheckPost(Org(TrustTier.Trusted, true), Channel.National, Tlp.Clear, 0));
    }

    [Theory]
    [InlineData(TrustTier.Probation, "channel-tier")]
    [InlineData(TrustTier.Member, null)]
    [InlineData(TrustTier.Trusted, null)]
    public void CrossSectorPost_Needs_MemberTier(TrustTier tier, string? code) =>
        Assert.Equal(code, WriteRules.CheckPost(Org(tier, false, "finance"), Channel.CrossSector, Tlp.Green, 0)?.Code);

    [Fact]
    public void RedPost_Needs_ARecipient()
    {
        var poster = Org(TrustTier.Member, false, "finance");
        Assert.Equal("recipients", WriteRules.CheckPost(poster, Channel.ForSector("finance"), Tlp.Red, 0)?.Field);
        Assert.Null(WriteRules.CheckPost(poster, Channel.ForSector("finance"), Tlp.Red, 1));
    }

    [Theory]
    [InlineData("sector:finance", true)]
    [InlineData("cross-sector", true)]
    [InlineData("national", true)]
    [InlineData("sector:", false)]
    [InlineData("sector:Finance", false)]
    [InlineData("sector:fin ance", false)]
    [InlineData("Sector:finance", false)]
    [InlineData("crosssector", false)]
    [InlineData("", false)]
    public void Channel_Parses_OnlyCanonicalNames(string name, bool valid)
    {
        Assert.Equal(valid, Channel.TryParse(name, out var channel));
        if (valid)
        {
            Assert.Equal(name, channel.Name);
        }
    }

    [Theory]
    [InlineData("clear", Tlp.Clear)]
    [InlineData("amber+strict", Tlp.AmberStrict)]
    [InlineData("red", Tlp.Red)]
    public void Tlp_RoundTrips_WireNames(string name, Tlp tlp)
    {
        Assert.True(TlpNames.TryParse(name, out var parsed));
        Assert.Equal(tlp, parsed);
        Assert.Equal(name, parsed.ToName());
    }

    [Theory]
    [InlineData("AMBER")]
    [InlineData("white")]
    [InlineData("amber-strict")]
    public void Tlp_Rejects_OtherNames(string name) => Assert.False(TlpNames.TryParse(name, out _));
}
