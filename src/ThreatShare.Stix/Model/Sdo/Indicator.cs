namespace ThreatShare.Stix;

/// <summary>
/// <c>indicator</c>: a pattern that detects suspicious or malicious activity, e.g.
/// <c>[ipv4-addr:value = '198.51.100.1']</c>.
/// </summary>
public sealed record Indicator : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "indicator";

    /// <summary>Creates an indicator.</summary>
    public Indicator() : base(TypeName)
    {
    }

    /// <summary>A name for the indicator.</summary>
    public string? Name { get; init; }

    /// <summary>More details and context (may be long, Markdown is not interpreted).</summary>
    public string? Description { get; init; }

    /// <summary>Categories of the indicator (open vocabulary <c>indicator-type-ov</c>).</summary>
    public IReadOnlyList<string>? IndicatorTypes { get; init; }

    /// <summary>The detection pattern, in the language named by <see cref="PatternType"/>.</summary>
    public required string Pattern { get; init; }

    /// <summary>The pattern language (open vocabulary <c>pattern-type-ov</c>: <c>stix</c>, <c>snort</c>, <c>yara</c>, ...).</summary>
    public required string PatternType { get; init; }

    /// <summary>Version of the pattern language.</summary>
    public string? PatternVersion { get; init; }

    /// <summary>From when the indicator is valid.</summary>
    public required StixTimestamp ValidFrom { get; init; }

    /// <summary>Until when the indicator is valid (must be later than <see cref="ValidFrom"/>).</summary>
    public StixTimestamp? ValidUntil { get; init; }

    /// <summary>Kill chain phases this indicator detects.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases { get; init; }
}
