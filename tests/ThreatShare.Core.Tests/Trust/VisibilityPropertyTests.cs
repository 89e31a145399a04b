using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Tests.Trust;

/// <summary>
/// Random organizations, memberships, objects and callers: the predicate, the query filter and an
/// oracle written here from the DESIGN.md table must give the same answer for every pair.
/// </summary>
public sealed class VisibilityPropertyTests
{
    [Property(Arbitrary = [typeof(ScenarioArbitrary)], MaxTest = 2000)]
    public bool Predicate_Filter_AndDesignTable_Agree(Scenario s)
    {
        var reader = s.Reader;
        var filtered = s.Objects.AsQueryable().VisibleTo(reader).ToHashSet();
        foreach (var o in s.Objects)
        {
            bool expected = DesignTable.Sees(s.ReaderOrg, s.ReaderModerates, s.ReaderIsAdmin, o);
            if (reader.CanSee(o) != expected || filtered.Contains(o) != expected)
            {
                return false;
            }
        }
        return true;
    }

    [Fact]
    public void Generator_Produces_BothVisibleAndHiddenObjects()
    {
        // Guards the property above against a generator that only ever produces one answer.
        var sample = ScenarioArbitrary.Scenario().Generator.Sample(200, 300);
        var answers = sample.SelectMany(s => s.Objects.Select(o => s.Reader.CanSee(o))).ToList();
        Assert.Contains(true, answers);
        Assert.Contains(false, answers);
    }
}

public sealed record Org(Guid Id, IReadOnlyList<string> Sectors);

public sealed record Scenario(IReadOnlyList<Org> Orgs, Org ReaderOrg, IReadOnlyList<string> ReaderModerates, bool ReaderIsAdmin, IReadOnlyList<StoredObject> Objects)
{
    public Reader Reader { get; } = new(ReaderOrg.Id, ReaderOrg.Sectors, ReaderModerates, ReaderIsAdmin);

    public override string ToString() =>
        $"reader org {ReaderOrg.Id.ToString()[..4]} sectors [{string.Join(",", ReaderOrg.Sectors)}] moderates [{string.Join(",", ReaderModerates)}] admin={ReaderIsAdmin}; objects: " +
        string.Join("; ", Objects.Select(o => $"{o.Channel}/{o.Tlp}/{o.State} by {o.SubmitterOrganizationId.ToString()[..4]} to [{string.Join(",", o.Recipients.Select(r => r.OrganizationId.ToString()[..4]))}]"));
}

public static class ScenarioArbitrary
{
    private static readonly string[] Sectors = ["finance", "energy", "health"];
    private static readonly string[] Channels = ["sector:finance", "sector:energy", "sector:health", "cross-sector", "national"];

    public static Arbitrary<Scenario> Scenario()
    {
        var sectorSubset = Gen.SubListOf(Sectors).Select(l => (IReadOnlyList<string>)[.. l]);
        var orgs = Gen.Choose(1, 5).SelectMany(n => Gen.ListOf(sectorSubset, n)).Select(list =>
            (IReadOnlyList<Org>)[.. list.Select((sectors, i) => new Org(new Guid(i + 1, 0, 0, new byte[8]), sectors))]);

        var scenario =
            from os in orgs
            from readerIndex in Gen.Choose(0, os.Count - 1)
            from moderates in Gen.Frequency((3, Gen.Constant((IReadOnlyList<string>)[])), (1, sectorSubset))
            from admin in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
            from count in Gen.Choose(1, 8)
            from objects in Gen.ListOf(StoredObject(os), count)
            select new Scenario(os, os[readerIndex], moderates, admin, [.. objects]);
        return scenario.ToArbitrary();
    }

    private static Gen<StoredObject> StoredObject(IReadOnlyList<Org> orgs) =>
        from channel in Gen.Elements(Channels)
        from tlp in Gen.Elements(Enum.GetValues<Tlp>())
        from state in Gen.Elements(Enum.GetValues<SubmissionState>())
        from submitter in Gen.Elements(orgs.ToArray())
        from recipients in Gen.SubListOf(orgs.ToArray())
        select new StoredObject
        {
            StixId = "indicator--" + Guid.NewGuid(),
            Channel = channel,
            Tlp = tlp,
            State = state,
            SubmitterOrganizationId = submitter.Id,
            Recipients = [.. recipients.Select(r => new ObjectRecipient { OrganizationId = r.Id })],
        };
}

/// <summary>The DESIGN.md visibility table, written out independently of the production code.</summary>
internal static class DesignTable
{
    public static bool Sees(Org x, IReadOnlyList<string> moderates, bool directorateAdmin, StoredObject o)
    {
        if (directorateAdmin)
        {
            return true; // "directorate admins see everything"
        }
        if (o.SubmitterOrganizationId == x.Id)
        {
            return true; // "S sees all of its own submissions in every state"
        }
        bool moderatesChannel = moderates.Count > 0 &&
            (o.Channel is "cross-sector" or "national" || moderates.Any(s => o.Channel == "sector:" + s));
        if (moderatesChannel)
        {
            return true; // "Moderators see everything in the channels of their sectors, plus cross-sector and national"
        }
        if (o.State != SubmissionState.Published)
        {
            return false; // "pending, rejected and changes-requested ... visible to S and the moderators only"
        }
        bool xCanReadC = o.Channel is "cross-sector" or "national" || x.Sectors.Any(s => o.Channel == "sector:" + s);
        return o.Tlp switch
        {
            Tlp.Clear => true,
            Tlp.Green => xCanReadC,
            Tlp.Amber => xCanReadC,
            Tlp.AmberStrict => xCanReadC,
            Tlp.Red => o.Recipients.Any(r => r.OrganizationId == x.Id),
            _ => throw new InvalidOperationException("unknown TLP"),
        };
    }
}
