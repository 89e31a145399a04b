using System.Diagnostics.CodeAnalysis;

namespace ThreatShare.Core.Trust;

/// <summary>Traffic Light Protocol 2.0 levels, from the most open to the most restricted.</summary>
public enum Tlp
{
    /// <summary>TLP:CLEAR — any member organization; public feeds allowed.</summary>
    Clear = 0,

    /// <summary>TLP:GREEN — readers of the channel; their own community feeds.</summary>
    Green = 1,

    /// <summary>TLP:AMBER — readers of the channel; their own tools only.</summary>
    Amber = 2,

    /// <summary>TLP:AMBER+STRICT — readers of the channel; their API clients only, never bulk feeds.</summary>
    AmberStrict = 3,

    /// <summary>TLP:RED — named recipient organizations only; one by one.</summary>
    Red = 4,
}

/// <summary>The wire names of <see cref="Tlp"/> levels: <c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber+strict</c>, <c>red</c>.</summary>
public static class TlpNames
{
    /// <summary>Every wire name, most open first.</summary>
    public static IReadOnlyList<string> All { get; } = ["clear", "green", "amber", "amber+strict", "red"];

    /// <summary>The wire name of a level.</summary>
    public static string ToName(this Tlp tlp) => tlp switch
    {
        Tlp.Clear => "clear",
        Tlp.Green => "green",
        Tlp.Amber => "amber",
        Tlp.AmberStrict => "amber+strict",
        Tlp.Red => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(tlp), tlp, "unknown TLP level"),
    };

    /// <summary>Parses a wire name (exact, lowercase).</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out Tlp tlp)
    {
        switch (name)
        {
            case "clear": tlp = Tlp.Clear; return true;
            case "green": tlp = Tlp.Green; return true;
            case "amber": tlp = Tlp.Amber; return true;
            case "amber+strict": tlp = Tlp.AmberStrict; return true;
            case "red": tlp = Tlp.Red; return true;
            default: tlp = default; return false;
        }
    }
}
