namespace ThreatShare.Stix;

/// <summary>A reference to information outside STIX: a CVE entry, an ATT&amp;CK technique, a report.</summary>
public sealed record ExternalReference : StixJsonObject
{
    /// <summary>Name of the source, e.g. <c>cve</c>, <c>mitre-attack</c>, <c>capec</c>.</summary>
    public required string SourceName { get; init; }

    /// <summary>A human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>A URL of the referenced information.</summary>
    public string? Url { get; init; }

    /// <summary>Hashes of the content at <see cref="Url"/>, by algorithm name, in their original order.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get; init; }

    /// <summary>Identifier of the information in the source, e.g. <c>CVE-2016-1234</c>.</summary>
    public string? ExternalId { get; init; }
}

/// <summary>A phase of a kill chain, e.g. Lockheed Martin's <c>reconnaissance</c>.</summary>
public sealed record KillChainPhase : StixJsonObject
{
    /// <summary>Name of the kill chain, e.g. <c>lockheed-martin-cyber-kill-chain</c> or <c>mitre-attack</c>.</summary>
    public required string KillChainName { get; init; }

    /// <summary>Name of the phase in that kill chain.</summary>
    public required string PhaseName { get; init; }
}

/// <summary>A marking (or a language) that applies to parts of an object selected by <see cref="Selectors"/>.</summary>
public sealed record GranularMarking : StixJsonObject
{
    /// <summary>Language of the selected content (RFC 5646); exclusive with <see cref="MarkingRef"/>.</summary>
    public string? Lang { get; init; }

    /// <summary>Identifier of the marking definition that applies; exclusive with <see cref="Lang"/>.</summary>
    public StixIdentifier? MarkingRef { get; init; }

    /// <summary>Selectors of the marked content, e.g. <c>description</c>, <c>labels.[1]</c>.</summary>
    public required IReadOnlyList<string> Selectors { get; init; }
}
