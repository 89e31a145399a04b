using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Tests.Trust;

public sealed class VisibilityTests
{
    private static readonly Guid BankA = Guid.Parse("00000000-0000-4000-8000-00000000000a");
    private static readonly Guid BankB = Guid.Parse("00000000-0000-4000-8000-00000000000b");
    private static readonly Guid PowerD = Guid.Parse("00000000-0000-4000-8000-00000000000d");
    private static readonly Guid Directorate = Guid.Parse("00000000-0000-4000-8000-0000000000ff");

    private static readonly Reader BankBAnalyst = new(BankB, ["finance"]);
    private static readonly Reader PowerDAnalyst = new(PowerD, ["energy"]);

    private static StoredObject Post(string channel, Tlp tlp, SubmissionState state = SubmissionState.Published, params Guid[] recipients) => new()
    {
        StixId = "indicator--" + Guid.NewGuid(),
        Channel = channel,
        Tlp = tlp,
        State = state,
        SubmitterOrganizationId = BankA,
        Recipients = [.. recipients.Select(r => new ObjectRecipient { OrganizationId = r })],
    };

    private static bool BothForms(Reader reader, StoredObject o)
    {
        bool predicate = reader.CanSee(o);
        bool filter = new[] { o }.AsQueryable().VisibleTo(reader).Any();
        Assert.Equal(predicate, filter);
        return predicate;
    }

    [Fact]
    public void AmberPost_IsVisible_ToSameSector() => Assert.True(BothForms(BankBAnalyst, Post("sector:finance", Tlp.Amber)));

    [Fact]
    public void AmberPost_IsHidden_FromOtherSector() => Assert.False(BothForms(PowerDAnalyst, Post("sector:finance", Tlp.Amber)));

    [Fact]
    public void AmberStrictPost_IsHidden_FromOtherSector() => Assert.False(BothForms(PowerDAnalyst, Post("sector:finance", Tlp.AmberStrict)));

    [Fact]
    public void ClearPost_IsVisible_ToAnyMember() => Assert.True(BothForms(PowerDAnalyst, Post("sector:finance", Tlp.Clear)));

    [Fact]
    public void GreenCrossSectorPost_IsVisible_ToEveryMember() => Assert.True(BothForms(PowerDAnalyst, Post("cross-sector", Tlp.Green)));

    [Fact]
    public void RedPost_IsVisible_OnlyToRecipients()
    {
        var red = Post("sector:finance", Tlp.Red, SubmissionState.Published, PowerD);
        Assert.True(BothForms(PowerDAnalyst, red));
        Assert.False(BothForms(BankBAnalyst, red)); // same sector, not named
    }

    [Fact]
    public void PendingPost_IsHidden_FromSectorReaders_ButNotFromSubmitter()
    {
        var pending = Post("sector:finance", Tlp.Green, SubmissionState.Pending);
        Assert.False(BothForms(BankBAnalyst, pending));
        Assert.True(BothForms(new Reader(BankA, ["finance"]), pending));
    }

    [Fact]
    public void RejectedPost_IsVisible_ToModeratorOfItsSector_Only()
    {
        var rejected = Post("sector:finance", Tlp.Amber, SubmissionState.Rejected);
        Assert.True(BothForms(new Reader(Directorate, [], ["finance"]), rejected));
        Assert.False(BothForms(new Reader(Directorate, [], ["energy"]), rejected));
    }

    [Fact]
    public void Moderator_Sees_PendingCrossSectorPost()
    {
        var pending = Post("cross-sector", Tlp.Red, SubmissionState.Pending);
        Assert.True(BothForms(new Reader(Directorate, [], ["energy"]), pending));
    }

    [Fact]
    public void DirectorateAdmin_Sees_Everything()
    {
        var admin = new Reader(Directorate, [], isDirectorateAdmin: true);
        Assert.True(BothForms(admin, Post("sector:health", Tlp.Red, SubmissionState.Pending)));
    }

    [Fact]
    public void DirectorateAnalyst_WithoutRole_FollowsTheTable()
    {
        // Belonging to the directorate organization alone grants nothing beyond the table.
        var analyst = new Reader(Directorate, []);
        Assert.False(BothForms(analyst, Post("sector:finance", Tlp.Amber)));
        Assert.True(BothForms(analyst, Post("national", Tlp.Amber)));
    }
}
