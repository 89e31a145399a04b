namespace ThreatShare.Stix;

/// <summary><c>software</c>: a high-level description of a software product.</summary>
public sealed record Software : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "software";

    /// <summary>Creates a <c>software</c>.</summary>
    public Software() : base(TypeName)
    {
    }

    /// <summary>The product name. ID contributing.</summary>
    public required string Name { get; init; }

    /// <summary>The CPE 2.3 name. ID contributing.</summary>
    public string? Cpe { get; init; }

    /// <summary>The SWID tag id. ID contributing.</summary>
    public string? Swid { get; init; }

    /// <summary>Languages supported, ISO 639-2 codes.</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>The vendor. ID contributing.</summary>
    public string? Vendor { get; init; }

    /// <summary>The version. ID contributing.</summary>
    public string? Version { get; init; }
}
