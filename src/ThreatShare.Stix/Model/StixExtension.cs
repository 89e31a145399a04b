using System.Text.Json;

namespace ThreatShare.Stix;

/// <summary>
/// The value of one entry of an object's <c>extensions</c>. Predefined extensions (e.g. <c>archive-ext</c>)
/// have their own record types; any other extension is a <see cref="RawStixExtension"/>.
/// </summary>
public abstract record StixExtension : StixJsonObject
{}

/// <summary>An extension kept as it was read (raw JSON), e.g. one defined by an <c>extension-definition</c>.</summary>
public sealed record RawStixExtension : StixExtension
{
    /// <summary>Wraps raw JSON (cloned, so the original document may be disposed).</summary>
    /// <param name="value">The extension's JSON value, normally an object.</param>
    public RawStixExtension(JsonElement value)
    {
        Value = value.Clone();
    }

    /// <summary>The extension as raw JSON.</summary>
    public JsonElement Value { get; }

    /// <summary>The <c>extension_type</c> of an extension-definition based extension (<c>property-extension</c>, <c>new-sdo</c>, ...), if present.</summary>
    public string? ExtensionType =>
        Value.ValueKind == JsonValueKind.Object && Value.TryGetProperty("extension_type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
}
