using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// Base of every JSON object the model reads and writes (objects, extensions, external references,
/// kill chain phases, granular markings and the nested types of observables). It keeps the properties
/// a type does not model (custom <c>x_</c> properties, properties of a later specification) as raw
/// JSON in the order they were read, and the writer emits them after the known properties, so
/// reading then writing loses nothing.
/// </summary>
public abstract record StixJsonObject
{
    private Dictionary<string, JsonElement>? _customProperties;

    /// <summary>Properties not modelled by this type (e.g. <c>x_acme_score</c>), as raw JSON in their original order.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? CustomProperties
    {
        get => _customProperties;
        init => _customProperties = value is null ? null : new Dictionary<string, JsonElement>(value, StringComparer.Ordinal);
    }

    // The deserializer fills this while it builds the object; nothing changes it afterwards. (The source
    // generator cannot bind an init-only extension data property, hence the settable internal store.)
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? CustomPropertiesStore
    {
        get => _customProperties;
        set => _customProperties = value;
    }
}
