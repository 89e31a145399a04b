using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// A STIX Domain Object (SDO): a higher-level concept such as an indicator, a malware family or a threat actor.
/// Carries the common properties of versioned objects.
/// </summary>
public abstract record StixDomainObject : StixCoreObject, IStixVersioned
{
    /// <summary>Creates a domain object of the given STIX type, with <c>spec_version</c> 2.1.</summary>
    /// <param name="type">The STIX type name.</param>
    protected StixDomainObject(string type) : base(type)
    {
        SpecVersion = "2.1";
    }

    /// <summary>Identifier of the <c>identity</c> that created the object.</summary>
    [JsonPropertyOrder(StixPropertyOrder.CreatedByRef)]
    public StixIdentifier? CreatedByRef { get; init; }

    /// <inheritdoc />
    [JsonPropertyOrder(StixPropertyOrder.Created)]
    public required StixTimestamp Created { get; init; }

    /// <inheritdoc />
    [JsonPropertyOrder(StixPropertyOrder.Modified)]
    public required StixTimestamp Modified { get; init; }

    /// <inheritdoc />
    [JsonPropertyOrder(StixPropertyOrder.Revoked)]
    public bool? Revoked { get; init; }

    /// <summary>Terms describing the object (open vocabulary left to the producer).</summary>
    [JsonPropertyOrder(StixPropertyOrder.Labels)]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Confidence of the creator in the object, 0 to 100.</summary>
    [JsonPropertyOrder(StixPropertyOrder.Confidence)]
    public int? Confidence { get; init; }

    /// <summary>Language of the text properties (RFC 5646 tag, e.g. <c>en</c>).</summary>
    [JsonPropertyOrder(StixPropertyOrder.Lang)]
    public string? Lang { get; init; }

    /// <summary>References to non-STIX information (CVE ids, ATT&amp;CK ids, reports).</summary>
    [JsonPropertyOrder(StixPropertyOrder.ExternalReferences)]
    public IReadOnlyList<ExternalReference>? ExternalReferences { get; init; }

    /// <inheritdoc />
    StixObject IStixVersioned.WithModified(StixTimestamp modified) => this with { Modified = modified };

    /// <inheritdoc />
    StixObject IStixVersioned.WithRevoked() => this with { Revoked = true };
}

/// <summary>A STIX Relationship Object (SRO): a <c>relationship</c> or a <c>sighting</c>.</summary>
public abstract record StixRelationshipObject : StixCoreObject, IStixVersioned
{
    /// <summary>Creates a relationship object of the given STIX type, with <c>spec_version</c> 2.1.</summary>
    /// <param name="type">The STIX type name.</param>
    protected StixRelationshipObject(string type) : base(type)
    {
        SpecVersion = "2.1";
    }

    /// <summary>Identifier of the <c>identity</c> that created the object.</summary>
    [JsonPropertyOrder(StixPropertyOrder.CreatedByRef)]
    public StixIdentifier? CreatedByRef { get; init; }

    /// <inheritdoc />
    [JsonPropertyOrder(StixPropertyOrder.Created)]
    public required StixTimestamp Created { get; init; }

    /// <inheritdoc />
    [JsonPropertyOrder(StixPropertyOrder.Modified)]
    public required StixTimestamp Modified { get; init; }

    /// <inheritdoc />
    [JsonPropertyOrder(StixPropertyOrder.Revoked)]
    public bool? Revoked { get; init; }

    /// <summary>Terms describing the object.</summary>
    [JsonPropertyOrder(StixPropertyOrder.Labels)]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Confidence of the creator in the object, 0 to 100.</summary>
    [JsonPropertyOrder(StixPropertyOrder.Confidence)]
    public int? Confidence { get; init; }

    /// <summary>Language of the text properties (RFC 5646 tag).</summary>
    [JsonPropertyOrder(StixPropertyOrder.Lang)]
    public string? Lang { get; init; }

    /// <summary>References to non-STIX information.</summary>
    [JsonPropertyOrder(StixPropertyOrder.ExternalReferences)]
    public IReadOnlyList<ExternalReference>? ExternalReferences { get; init; }

    /// <inheritdoc />
    StixObject IStixVersioned.WithModified(StixTimestamp modified) => this with { Modified = modified };

    /// <inheritdoc />
    StixObject IStixVersioned.WithRevoked() => this with { Revoked = true };
}

/// <summary>
/// A STIX Cyber-observable Object (SCO): a fact about a network or host (a file, an address, a process).
/// SCOs have no <c>created</c>/<c>modified</c>; their <c>spec_version</c> is optional.
/// </summary>
public abstract record StixCyberObservable : StixCoreObject
{
    /// <summary>Creates a cyber-observable object of the given STIX type.</summary>
    /// <param name="type">The STIX type name, e.g. <c>ipv4-addr</c>.</param>
    protected StixCyberObservable(string type) : base(type)
    {
    }

    /// <summary>Whether the values of the object are defanged (e.g. <c>hxxp</c>, <c>1.2.3[.]4</c>).</summary>
    [JsonPropertyOrder(StixPropertyOrder.Defanged)]
    public bool? Defanged { get; init; }
}

/// <summary>A STIX Meta Object: <c>marking-definition</c>, <c>language-content</c> or <c>extension-definition</c>.</summary>
public abstract record StixMetaObject : StixObject
{
    /// <summary>Creates a meta object of the given STIX type, with <c>spec_version</c> 2.1.</summary>
    /// <param name="type">The STIX type name.</param>
    protected StixMetaObject(string type) : base(type)
    {
        SpecVersion = "2.1";
    }

    /// <summary>Identifier of the <c>identity</c> that created the object.</summary>
    [JsonPropertyOrder(StixPropertyOrder.CreatedByRef)]
    public StixIdentifier? CreatedByRef { get; init; }

    /// <summary>When the object (its first version) was created.</summary>
    [JsonPropertyOrder(StixPropertyOrder.Created)]
    public required StixTimestamp Created { get; init; }

    /// <summary>References to non-STIX information.</summary>
    [JsonPropertyOrder(StixPropertyOrder.ExternalReferences)]
    public IReadOnlyList<ExternalReference>? ExternalReferences { get; init; }
}
