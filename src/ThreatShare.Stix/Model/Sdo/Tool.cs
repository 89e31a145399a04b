namespace ThreatShare.Stix;

/// <summary><c>tool</c>: legitimate software that threat actors may use.</summary>
public sealed record Tool : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "tool";

    /// <summary>Creates an empty <c>tool</c>; set the required properties with an object initializer.</summary>
    public Tool() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the tool.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the tool.</summary>
    public string? Description { get; init; }

    /// <summary>Kinds of tool (open vocabulary <c>tool-type-ov</c>).</summary>
    public IReadOnlyList<string>? ToolTypes { get; init; }

    /// <summary>Alternative names.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Kill chain phases the tool belongs to.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases { get; init; }

    /// <summary>Version of the tool.</summary>
    public string? ToolVersion { get; init; }
}
