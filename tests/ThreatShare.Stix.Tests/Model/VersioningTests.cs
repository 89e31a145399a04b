namespace ThreatShare.Stix.Tests.Model;

public sealed class VersioningTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static Indicator Indicator() => (Indicator)Samples.All().Single(o => o is Indicator);

    [Fact]
    public void NewVersion_WithLaterTimestamp_SetsModifiedAndKeepsTheRest()
    {
        var v1 = Indicator();

        Indicator v2 = v1.NewVersion(Samples.Later);

        Assert.Equal(Samples.Later, v2.Modified);
        Assert.Equal(v1.Id, v2.Id);
        Assert.Equal(v1.Created, v2.Created);
        Assert.Equal(v1.Pattern, v2.Pattern);
        Assert.Equal(Samples.Modified, v1.Modified);
    }

    [Fact]
    public void NewVersion_WithClock_UsesMillisecondPrecision()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567));

        var v2 = Indicator().NewVersion(clock);

        Assert.Equal("2025-01-02T03:04:05.123Z", v2.Modified.ToString());
        Assert.Contains("\"modified\":\"2025-01-02T03:04:05.123Z\"", StixJson.Serialize(v2), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-03-02T11:30:00.123Z")]
    [InlineData("2024-03-02T11:30:00.1229Z")]
    [InlineData("2020-01-01T00:00:00Z")]
    public void NewVersion_NotLaterThanModified_Throws(string modified)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Indicator().NewVersion(StixTimestamp.Parse(modified)));
    }

    [Fact]
    public void NewVersion_ClockBehindModified_Throws()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 3, 2, 11, 30, 0, 123, TimeSpan.Zero));

        Assert.Throws<InvalidOperationException>(() => Indicator().NewVersion(clock));
    }

    [Fact]
    public void NewVersion_OfRevokedObject_Throws()
    {
        var revoked = Indicator() with { Revoked = true };

        Assert.Throws<InvalidOperationException>(() => revoked.NewVersion(Samples.Later));
    }

    [Fact]
    public void Revoke_SetsRevokedAndModified()
    {
        var revoked = Indicator().Revoke(Samples.Later);

        Assert.True(revoked.Revoked);
        Assert.Equal(Samples.Later, revoked.Modified);
        Assert.Throws<InvalidOperationException>(() => revoked.Revoke(StixTimestamp.Parse("2030-01-01T00:00:00Z")));
    }

    [Fact]
    public void NewVersion_WorksForRelationshipsAndMetaObjects()
    {
        var all = Samples.All();

        Relationship relationship = all.OfType<Relationship>().Single().NewVersion(Samples.Later);
        Sighting sighting = all.OfType<Sighting>().Single().NewVersion(Samples.Later);
        LanguageContent content = all.OfType<LanguageContent>().Single().NewVersion(Samples.Later);
        ExtensionDefinition definition = all.OfType<ExtensionDefinition>().Single().NewVersion(Samples.Later);

        Assert.All(new IStixVersioned[] { relationship, sighting, content, definition }, v => Assert.Equal(Samples.Later, v.Modified));
    }

    [Fact]
    public void NewVersion_OfEveryVersionedSample_KeepsItsRuntimeType()
    {
        foreach (var obj in Samples.All())
        {
            if (obj is IStixVersioned versioned)
            {
                var next = versioned switch
                {
                    StixDomainObject sdo => (StixObject)sdo.NewVersion(Samples.Later),
                    StixRelationshipObject sro => sro.NewVersion(Samples.Later),
                    LanguageContent lc => lc.NewVersion(Samples.Later),
                    ExtensionDefinition ed => ed.NewVersion(Samples.Later),
                    _ => throw new InvalidOperationException(obj.Type),
                };
                Assert.IsType(obj.GetType(), next);
                Assert.Equal(Samples.Later, ((IStixVersioned)next).Modified);
            }
        }
    }
}
