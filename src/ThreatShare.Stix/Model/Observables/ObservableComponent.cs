using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// Base of the nested types of cyber-observable objects (e.g. <see cref="EmailMimePart"/>,
/// <see cref="WindowsRegistryValue"/>): keeps the properties a type does not model, so reading then writing loses
/// nothing.
/// </summary>
public abstract record ObservableComponent
{
    private Dictionary<string, JsonElement>? _customProperties;

    /// <summary>Properties not modelled here, as raw JSON in their original order.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? CustomProperties
    {
        get => _customProperties;
        init => _customProperties = value is null ? null : new Dictionary<string, JsonElement>(value, StringComparer.Ordinal);
    }

    // The deserializer fills this while it builds the object; nothing changes it afterwards. (The source generator
    // cannot bind an init-only extension data property, hence the settable internal store.)
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? CustomPropertiesStore
    {
        get => _customProperties;
        set => _customProperties = value;
    }
}
