using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// Reads and writes <see cref="StixBundle"/>. Objects are read one by one so that an error inside one names
/// its full path (<c>$.objects[3].created</c>) and the object count limit is checked while reading.
/// </summary>
internal sealed class StixBundleJsonConverter : JsonConverter<StixBundle>
{
    private readonly int _maxObjects;

    public StixBundleJsonConverter()
        : this(StixLimits.Default)
    {
    }

    public StixBundleJsonConverter(StixLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _maxObjects = limits.MaxBundleObjects;
    }

    public override StixBundle Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a bundle must be a JSON object");
        }
        StixIdentifier? id = null;
        bool sawType = false;
        List<StixObject>? objects = null;
        Dictionary<string, JsonElement>? custom = null;
        var objectInfo = options.GetTypeInfo(typeof(StixObject));
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            switch (name)
            {
                case "type":
                    if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("bundle"u8))
                    {
                        throw new JsonException("a bundle's 'type' must be 'bundle'", "$.type", null, null);
                    }
                    sawType = true;
                    break;
                case "id":
                    id = ReadAt(ref reader, options, "$.id");
                    break;
                case "objects":
                    objects = ReadObjects(ref reader, objectInfo);
                    break;
                default:
                    custom ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    custom[name] = JsonElement.ParseValue(ref reader);
                    break;
            }
        }
        if (!sawType)
        {
            throw new JsonException("the bundle has no 'type' property", "$", null, null);
        }
        return new StixBundle
        {
            Id = id ?? throw new JsonException("the bundle has no 'id' property", "$", null, null),
            Objects = objects ?? [],
            CustomProperties = custom,
        };
    }

    private static StixIdentifier ReadAt(ref Utf8JsonReader reader, JsonSerializerOptions options, string path)
    {
        try
        {
            return JsonSerializer.Deserialize(ref reader, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<StixIdentifier>)options.GetTypeInfo(typeof(StixIdentifier)));
        }
        catch (JsonException ex)
        {
            throw new JsonException(StixJsonSerializer.BareMessage(ex), path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }

    private List<StixObject> ReadObjects(ref Utf8JsonReader reader, System.Text.Json.Serialization.Metadata.JsonTypeInfo objectInfo)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("a bundle's 'objects' must be a JSON array", "$.objects", null, null);
        }
        var list = new List<StixObject>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int index = list.Count;
            if (index >= _maxObjects)
            {
                throw new JsonException($"the bundle has more than {_maxObjects} objects", $"$.objects[{index}]", null, null);
            }
            try
            {
                list.Add(JsonSerializer.Deserialize(ref reader, objectInfo) as StixObject
                    ?? throw new JsonException("a bundle object must not be null"));
            }
            catch (JsonException ex)
            {
                string inner = ex.Path is { Length: > 1 } p && p[0] == '$' ? p[1..] : string.Empty;
                throw new JsonException(StixJsonSerializer.BareMessage(ex), $"$.objects[{index}]{inner}", ex.LineNumber, ex.BytePositionInLine, ex);
            }
        }
        return list;
    }

    public override void Write(Utf8JsonWriter writer, StixBundle value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("type"u8, StixBundle.TypeName);
        writer.WritePropertyName("id"u8);
        JsonSerializer.Serialize(writer, value.Id, options.GetTypeInfo(typeof(StixIdentifier)));
        writer.WritePropertyName("objects"u8);
        writer.WriteStartArray();
        var objectInfo = options.GetTypeInfo(typeof(StixObject));
        foreach (var obj in value.Objects)
        {
            JsonSerializer.Serialize(writer, obj, objectInfo);
        }
        writer.WriteEndArray();
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
