using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// An object whose <c>type</c> has no registered .NET type (a custom object such as <c>x-acme-widget</c>, or an
/// object of a later specification). Everything besides <c>type</c>, <c>spec_version</c> and <c>id</c> is kept in
/// <see cref="StixJsonObject.CustomProperties"/> as raw JSON in its original order, so it is written back unchanged.
/// </summary>
[JsonConverter(typeof(CustomStixObjectJsonConverter))]
public sealed record CustomStixObject : StixObject
{
    /// <summary>Creates a custom object of the given type.</summary>
    /// <param name="type">The STIX type name.</param>
    public CustomStixObject(string type) : base(type)
    {
    }

    /// <summary>Returns the raw value of a property kept in <see cref="StixJsonObject.CustomProperties"/>.</summary>
    public bool TryGetProperty(string name, out JsonElement value)
    {
        if (CustomProperties is { } props && props.TryGetValue(name, out value))
        {
            return true;
        }
        value = default;
        return false;
    }
}
