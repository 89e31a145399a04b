using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ThreatShare.Stix;

/// <summary>
/// Reads any <see cref="StixObject"/> by its <c>type</c> property, wherever that property sits in the object,
/// and writes an object with the serializer of its runtime type. Unknown types read as <see cref="CustomStixObject"/>.
/// </summary>
internal sealed class StixObjectJsonConverter : JsonConverter<StixObject>
{
    // Metadata by STIX type name for the options this converter belongs to, built on first use.
    // It is built from immutable registrations and published by one reference write, so a race only
    // builds the same table twice.
    private TypeTable? _table;

    public override StixObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return JsonSerializer.Deserialize(ref reader, ResolveTypeInfo(reader, options)) as StixObject
            ?? throw new JsonException("a STIX object must not be null");
    }

    /// <summary>The metadata that reads the object at the reader's position (by its <c>type</c>); the reader does not move.</summary>
    internal JsonTypeInfo ResolveTypeInfo(Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var table = _table ??= new TypeTable(options);
        return FindTypeInfo(reader, table.ByName) ?? table.Custom;
    }

    private sealed class TypeTable(JsonSerializerOptions options)
    {
        public FrozenDictionary<string, JsonTypeInfo>.AlternateLookup<ReadOnlySpan<char>> ByName { get; } =
            StixTypeRegistry.Objects
                .ToFrozenDictionary(kv => kv.Key, kv => options.GetTypeInfo(kv.Value), StringComparer.Ordinal)
                .GetAlternateLookup<ReadOnlySpan<char>>();

        public JsonTypeInfo Custom { get; } = options.GetTypeInfo(typeof(CustomStixObject));
    }

    /// <summary>Finds the metadata for the object's <c>type</c> without allocating; null for unregistered types.</summary>
    private static JsonTypeInfo? FindTypeInfo(Utf8JsonReader reader, FrozenDictionary<string, JsonTypeInfo>.AlternateLookup<ReadOnlySpan<char>> byName)
    {
        MoveToTypeValue(ref reader);
        int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length > 250)
        {
            return null; // longer than any valid type name: read as a custom object, whose reader reports it
        }
        Span<char> buffer = stackalloc char[256];
        int written = reader.CopyString(buffer);
        return byName.TryGetValue(buffer[..written], out var info) ? info : null;
    }

    /// <summary>Moves a copy of the reader to the value of <c>type</c>, checking it is a non-empty string.</summary>
    private static void MoveToTypeValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a STIX object must be a JSON object");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
            {
                if (reader.TokenType != JsonTokenType.String || (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) == 0)
                {
                    throw new JsonException("the 'type' property must be a non-empty string");
                }
                return;
            }
            reader.Skip();
        }
        throw new JsonException("the object has no 'type' property");
    }

    public override void Write(Utf8JsonWriter writer, StixObject value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    /// <summary>Returns the <c>type</c> value, read on a copy of the reader; the caller's reader does not move.</summary>
    /// <remarks>Converters get the whole value buffered, so scanning a copy never runs out of data.</remarks>
    internal static string PeekType(Utf8JsonReader reader)
    {
        MoveToTypeValue(ref reader);
        return reader.GetString() ?? string.Empty;
    }
}

/// <summary>Reads and writes <see cref="CustomStixObject"/>: everything kept as raw JSON in order.</summary>
internal sealed class CustomStixObjectJsonConverter : JsonConverter<CustomStixObject>
{
    public override CustomStixObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string type = StixObjectJsonConverter.PeekType(reader);
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        string? specVersion = null;
        StixIdentifier? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            switch (name)
            {
                case "type":
                    break;
                case "spec_version" when reader.TokenType == JsonTokenType.String:
                    specVersion = reader.GetString();
                    break;
                case "id":
                    id = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<StixIdentifier>)options.GetTypeInfo(typeof(StixIdentifier)));
                    break;
                default:
                    properties[name] = JsonElement.ParseValue(ref reader);
                    break;
            }
        }
        return new CustomStixObject(type)
        {
            Id = id ?? throw new JsonException("the object has no 'id' property"),
            SpecVersion = specVersion,
            CustomProperties = properties.Count > 0 ? properties : null,
        };
    }

    public override void Write(Utf8JsonWriter writer, CustomStixObject value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("type"u8, value.Type);
        if (value.SpecVersion is not null)
        {
            writer.WriteString("spec_version"u8, value.SpecVersion);
        }
        writer.WritePropertyName("id"u8);
        JsonSerializer.Serialize(writer, value.Id, options.GetTypeInfo(typeof(StixIdentifier)));
        if (value.ObjectMarkingRefs is not null)
        {
            writer.WritePropertyName("object_marking_refs"u8);
            JsonSerializer.Serialize(writer, value.ObjectMarkingRefs, options.GetTypeInfo(typeof(IReadOnlyList<StixIdentifier>)));
        }
        if (value.GranularMarkings is not null)
        {
            writer.WritePropertyName("granular_markings"u8);
            JsonSerializer.Serialize(writer, value.GranularMarkings, options.GetTypeInfo(typeof(IReadOnlyList<GranularMarking>)));
        }
        if (value.Extensions is not null)
        {
            writer.WritePropertyName("extensions"u8);
            StixExtensionsJsonConverter.WriteExtensions(writer, value.Extensions, options);
        }
        if (value.CustomProperties is not null)
        {
            foreach (var (name, element) in value.CustomProperties)
            {
                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    }
}

/// <summary>Reads and writes an object's <c>extensions</c>: registered extension names get their types, the rest stay raw.</summary>
internal sealed class StixExtensionsJsonConverter : JsonConverter<IReadOnlyDictionary<string, StixExtension>>
{
    public override IReadOnlyDictionary<string, StixExtension> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("'extensions' must be a JSON object");
        }
        var result = new Dictionary<string, StixExtension>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            StixExtension extension = StixTypeRegistry.Extensions.TryGetValue(name, out var type)
                ? JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(type)) as StixExtension
                    ?? throw new JsonException($"extension '{name}' must not be null")
                : new RawStixExtension(JsonElement.ParseValue(ref reader));
            result[name] = extension;
        }
        return result;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, StixExtension> value, JsonSerializerOptions options)
        => WriteExtensions(writer, value, options);

    internal static void WriteExtensions(Utf8JsonWriter writer, IReadOnlyDictionary<string, StixExtension> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, extension) in value)
        {
            writer.WritePropertyName(name);
            if (extension is RawStixExtension raw)
            {
                raw.Value.WriteTo(writer);
            }
            else
            {
                JsonSerializer.Serialize(writer, extension, options.GetTypeInfo(extension.GetType()));
            }
        }
        writer.WriteEndObject();
    }
}
