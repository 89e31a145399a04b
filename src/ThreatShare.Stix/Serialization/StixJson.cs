using System.Text.Json;

namespace ThreatShare.Stix;

/// <summary>
/// Reads and writes STIX 2.1 JSON with <see cref="StixLimits.Default"/> (see <see cref="StixJsonSerializer"/> for
/// other limits). Reading is polymorphic by <c>type</c> and lossless: writing what was read gives the same
/// properties and values (timestamps keep their precision, custom properties and unknown extensions are kept).
/// The writer emits a stable order: type, spec_version, id, created_by_ref, created, modified, the type's own
/// properties in specification order, the optional common properties, extensions, custom properties.
/// </summary>
public static class StixJson
{
    /// <summary>Reads one STIX object of any type from JSON text.</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object.</exception>
    public static StixObject Deserialize(string json) => StixJsonSerializer.Default.Deserialize(json);

    /// <summary>Reads one STIX object of any type from UTF-8 JSON.</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object.</exception>
    public static StixObject Deserialize(ReadOnlySpan<byte> utf8Json) => StixJsonSerializer.Default.Deserialize(utf8Json);

    /// <summary>Reads one STIX object of any type from a stream of UTF-8 JSON.</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object.</exception>
    public static StixObject Deserialize(Stream utf8Json) => StixJsonSerializer.Default.Deserialize(utf8Json);

    /// <summary>Reads one STIX object and checks it is a <typeparamref name="T"/>.</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object of that type.</exception>
    public static T Deserialize<T>(string json)
        where T : StixObject
        => StixJsonSerializer.Default.Deserialize<T>(json);

    /// <summary>Reads one STIX object and checks it is a <typeparamref name="T"/>.</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object of that type.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : StixObject
        => StixJsonSerializer.Default.Deserialize<T>(utf8Json);

    /// <summary>Reads a bundle from JSON text.</summary>
    /// <exception cref="StixFormatException">The input is not a readable bundle.</exception>
    public static StixBundle DeserializeBundle(string json) => StixJsonSerializer.Default.DeserializeBundle(json);

    /// <summary>Reads a bundle from UTF-8 JSON.</summary>
    /// <exception cref="StixFormatException">The input is not a readable bundle.</exception>
    public static StixBundle DeserializeBundle(ReadOnlySpan<byte> utf8Json) => StixJsonSerializer.Default.DeserializeBundle(utf8Json);

    /// <summary>Reads a bundle from a stream of UTF-8 JSON.</summary>
    /// <exception cref="StixFormatException">The input is not a readable bundle.</exception>
    public static StixBundle DeserializeBundle(Stream utf8Json) => StixJsonSerializer.Default.DeserializeBundle(utf8Json);

    /// <summary>Writes an object as compact JSON text.</summary>
    public static string Serialize(StixObject value) => StixJsonSerializer.Default.Serialize(value);

    /// <summary>Writes a bundle as compact JSON text.</summary>
    public static string Serialize(StixBundle value) => StixJsonSerializer.Default.Serialize(value);

    /// <summary>Writes an object as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(StixObject value) => StixJsonSerializer.Default.SerializeToUtf8Bytes(value);

    /// <summary>Writes a bundle as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(StixBundle value) => StixJsonSerializer.Default.SerializeToUtf8Bytes(value);

    /// <summary>Writes an object to <paramref name="writer"/>.</summary>
    public static void Serialize(Utf8JsonWriter writer, StixObject value) => StixJsonSerializer.Default.Serialize(writer, value);

    /// <summary>Writes a bundle to <paramref name="writer"/>.</summary>
    public static void Serialize(Utf8JsonWriter writer, StixBundle value) => StixJsonSerializer.Default.Serialize(writer, value);
}
