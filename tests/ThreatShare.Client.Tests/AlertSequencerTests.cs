using System.Text.Json;

namespace ThreatShare.Client.Tests;

/// <summary>Per-stream order and de-duplication, without a server.</summary>
public sealed class AlertSequencerTests
{
    private static Alert A(long sequence, string stream = "channel:sector:finance") =>
        new(stream, sequence, "published", "sector:finance", "indicator--" + sequence, "indicator", "green", DateTimeOffset.UnixEpoch, default);

    private static List<long> Sequences(List<Alert> ready) => [.. ready.Select(a => a.Sequence)];

    [Fact]
    public void InOrderAlerts_AreDelivered_AtOnce()
    {
        var sequencer = new AlertSequencer(100);
        sequencer.Start("channel:sector:finance", 0);
        var ready = new List<Alert>();

        Assert.Equal(Acceptance.Delivered, sequencer.Accept(A(1), ready));
        Assert.Equal(Acceptance.Delivered, sequencer.Accept(A(2), ready));

        Assert.Equal([1L, 2L], Sequences(ready));
        Assert.Equal(2, sequencer.Position("channel:sector:finance"));
    }

    [Fact]
    public void Duplicates_AreDropped_WhetherDeliveredOrHeld()
    {
        var sequencer = new AlertSequencer(100);
        sequencer.Start("channel:sector:finance", 5);
        var ready = new List<Alert>();

        Assert.Equal(Acceptance.Duplicate, sequencer.Accept(A(5), ready));
        Assert.Equal(Acceptance.Duplicate, sequencer.Accept(A(1), ready));
        Assert.Equal(Acceptance.Delivered, sequencer.Accept(A(6), ready));
        Assert.Equal(Acceptance.Duplicate, sequencer.Accept(A(6), ready));
        Assert.Equal(Acceptance.Gap, sequencer.Accept(A(8), ready));
        Assert.Equal(Acceptance.Duplicate, sequencer.Accept(A(8), ready));

        Assert.Equal([6L], Sequences(ready));
        Assert.Equal(1, sequencer.HeldCount("channel:sector:finance"));
    }

    [Fact]
    public void AGap_HoldsLaterAlerts_UntilItIsFilled_ThenDeliversInOrder()
    {
        var sequencer = new AlertSequencer(100);
        sequencer.Start("channel:sector:finance", 0);
        var ready = new List<Alert>();
        sequencer.Accept(A(1), ready);

        Assert.Equal(Acceptance.Gap, sequencer.Accept(A(4), ready));
        Assert.Equal(Acceptance.Gap, sequencer.Accept(A(3), ready));
        Assert.True(sequencer.HasGap("channel:sector:finance"));
        Assert.Equal([1L], Sequences(ready));

        // The resume from position 1 sends 2, 3, 4: 2 fills the gap and releases 3 and 4; the resent 3 and 4 are duplicates.
        Assert.Equal(Acceptance.Delivered, sequencer.Accept(A(2), ready));
        Assert.Equal(Acceptance.Duplicate, sequencer.Accept(A(3), ready));
        Assert.Equal(Acceptance.Duplicate, sequencer.Accept(A(4), ready));

        Assert.Equal([1L, 2L, 3L, 4L], Sequences(ready));
        Assert.False(sequencer.HasGap("channel:sector:finance"));
        Assert.Equal(4, sequencer.Position("channel:sector:finance"));
    }

    [Fact]
    public void HeldAlerts_AreBounded_AndThoseDroppedComeBackByResuming()
    {
        var sequencer = new AlertSequencer(2);
        sequencer.Start("channel:sector:finance", 0);
        var ready = new List<Alert>();

        sequencer.Accept(A(2), ready);
        sequencer.Accept(A(3), ready);
        sequencer.Accept(A(4), ready); // past capacity: not kept
        Assert.Equal(2, sequencer.HeldCount("channel:sector:finance"));

        foreach (long n in new long[] { 1, 2, 3, 4 })
        {
            sequencer.Accept(A(n), ready);
        }
        Assert.Equal([1L, 2L, 3L, 4L], Sequences(ready));
    }

    [Fact]
    public void Streams_AreOrderedIndependently()
    {
        var sequencer = new AlertSequencer(100);
        sequencer.Start("national", 10);
        sequencer.Start("org:bank-a", 0);
        var ready = new List<Alert>();

        Assert.Equal(Acceptance.Gap, sequencer.Accept(A(2, "org:bank-a"), ready));
        Assert.Equal(Acceptance.Delivered, sequencer.Accept(A(11, "national"), ready));
        Assert.Equal(Acceptance.UnknownStream, sequencer.Accept(A(1, "channel:cross-sector"), ready));
        Assert.Equal(Acceptance.Delivered, sequencer.Accept(A(1, "org:bank-a"), ready));

        Assert.Equal([("national", 11L), ("org:bank-a", 1L), ("org:bank-a", 2L)], ready.Select(a => (a.Stream, a.Sequence)));
        Assert.Equal(new Dictionary<string, long> { ["national"] = 11, ["org:bank-a"] = 2 }, sequencer.Positions);
    }

    [Fact]
    public void Start_KeepsAnExistingPosition_AndReleaseDropsWhatIsHeld()
    {
        var sequencer = new AlertSequencer(100);
        sequencer.Start("national", 3);
        sequencer.Start("national", 0);
        Assert.Equal(3, sequencer.Position("national"));

        sequencer.Accept(A(9, "national"), []);
        sequencer.Release("national");
        Assert.False(sequencer.HasGap("national"));
        Assert.Equal(3, sequencer.Position("national"));
    }

    [Fact]
    public void AnAlert_IsRead_FromTheServersShape()
    {
        using var json = JsonDocument.Parse("""
            {"stream":"channel:sector:finance","sequence":7,"kind":"published","channel":"sector:finance","objectId":"indicator--1",
             "type":"indicator","tlp":"green","at":"2026-11-01T10:00:00.000Z","object":{"id":"indicator--1"}}
            """);
        var alert = Alert.FromJson(json.RootElement);

        Assert.Equal(("channel:sector:finance", 7L, "published", "sector:finance"), (alert.Stream, alert.Sequence, alert.Kind, alert.Channel));
        Assert.Equal(("indicator--1", "indicator", "green"), (alert.ObjectId, alert.Type, alert.Tlp));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), alert.At);
        Assert.Equal("indicator--1", alert.Object.GetProperty("id").GetString());
        Assert.Equal(json.RootElement.GetRawText(), alert.Json.GetRawText());
    }

    [Theory]
    [InlineData("""{"sequence":1,"kind":"published","at":"2026-11-01T10:00:00Z"}""")]
    [InlineData("""{"stream":"national","sequence":0,"kind":"published","at":"2026-11-01T10:00:00Z"}""")]
    [InlineData("""{"stream":"national","sequence":1,"kind":"published"}""")]
    [InlineData("[]")]
    public void AMessageWithoutTheAlertShape_IsRefused(string text)
    {
        using var json = JsonDocument.Parse(text);
        Assert.Throws<FormatException>(() => Alert.FromJson(json.RootElement));
    }
}
