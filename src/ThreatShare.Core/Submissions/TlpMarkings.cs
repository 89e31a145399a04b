using ThreatShare.Core.Trust;
using ThreatShare.Stix;

namespace ThreatShare.Core.Submissions;

/// <summary>Maps TLP levels to the well-known STIX marking definitions (TLP 2.0; TLP 1.0 read as its 2.0 equivalent).</summary>
public static class TlpMarkings
{
    private static readonly Dictionary<StixIdentifier, Tlp> Levels = new()
    {
        [TlpMarking.Clear.Id] = Tlp.Clear,
        [TlpMarking.Green.Id] = Tlp.Green,
        [TlpMarking.Amber.Id] = Tlp.Amber,
        [TlpMarking.AmberStrict.Id] = Tlp.AmberStrict,
        [TlpMarking.Red.Id] = Tlp.Red,
        // TLP 1.0: WHITE became CLEAR; the other names kept their meaning.
        [Tlp1Marking.White.Id] = Tlp.Clear,
        [Tlp1Marking.Green.Id] = Tlp.Green,
        [Tlp1Marking.Amber.Id] = Tlp.Amber,
        [Tlp1Marking.Red.Id] = Tlp.Red,
    };

    /// <summary>The TLP 2.0 marking definition id of a level.</summary>
    public static StixIdentifier ForLevel(Tlp tlp) => tlp switch
    {
        Tlp.Clear => TlpMarking.Clear.Id,
        Tlp.Green => TlpMarking.Green.Id,
        Tlp.Amber => TlpMarking.Amber.Id,
        Tlp.AmberStrict => TlpMarking.AmberStrict.Id,
        Tlp.Red => TlpMarking.Red.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(tlp), tlp, "unknown TLP level"),
    };

    /// <summary>The level a marking definition id stands for, or null when it is not a TLP marking.</summary>
    public static Tlp? LevelOf(StixIdentifier id) => Levels.TryGetValue(id, out var level) ? level : null;
}
