using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// Base of every STIX 2.1 object: domain, relationship, cyber-observable and meta objects.
/// Objects are immutable; a change is a copy (<c>obj with { ... }</c>) and a new version is
/// <see cref="StixVersioning.NewVersion{T}(T, StixTimestamp)"/>.
/// </summary>
/// <remarks>
/// Properties this library does not model (custom <c>x_</c> properties, properties of a later spec) are
/// kept in <see cref="StixJsonObject.CustomProperties"/> as raw JSON, in the order they were read, and written after
/// all known properties, so reading then writing an object loses nothing.
/// </remarks>
public abstract record StixObject : StixJsonObject
{
    /// <summary>Creates an object of the given STIX type.</summary>
    /// <param name="type">The STIX type name, e.g. <c>indicator</c>.</param>
    protected StixObject(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type;
    }

    /// <summary>The STIX type name, e.g. <c>indicator</c>; fixed by the .NET type.</summary>
    [JsonPropertyOrder(StixPropertyOrder.Type)]
    public string Type { get; }

    /// <summary>The STIX specification version the object follows (<c>2.1</c>).</summary>
    [JsonPropertyOrder(StixPropertyOrder.SpecVersion)]
    public string? SpecVersion { get; init; }

    /// <summary>The identifier, <c>type--UUID</c>; all versions of an object share it.</summary>
    [JsonPropertyOrder(StixPropertyOrder.Id)]
    public required StixIdentifier Id { get; init; }

    /// <summary>Identifiers of the marking definitions that apply to the whole object.</summary>
    [JsonPropertyOrder(StixPropertyOrder.ObjectMarkingRefs)]
    public IReadOnlyList<StixIdentifier>? ObjectMarkingRefs { get; init; }

    /// <summary>Markings that apply to parts of the object.</summary>
    [JsonPropertyOrder(StixPropertyOrder.GranularMarkings)]
    public IReadOnlyList<GranularMarking>? GranularMarkings { get; init; }

    /// <summary>
    /// Extensions by name (a predefined name such as <c>archive-ext</c> or an <c>extension-definition--</c> id),
    /// in the order they were read. Extensions without a registered .NET type are <see cref="RawStixExtension"/>.
    /// </summary>
    [JsonPropertyOrder(StixPropertyOrder.Extensions)]
    [JsonConverter(typeof(StixExtensionsJsonConverter))]
    public IReadOnlyDictionary<string, StixExtension>? Extensions { get; init; }
}

/// <summary>A STIX Core Object: a domain object, a relationship object or a cyber-observable object.</summary>
public abstract record StixCoreObject : StixObject
{
    /// <summary>Creates a core object of the given STIX type.</summary>
    /// <param name="type">The STIX type name.</param>
    protected StixCoreObject(string type) : base(type)
    {
    }
}
