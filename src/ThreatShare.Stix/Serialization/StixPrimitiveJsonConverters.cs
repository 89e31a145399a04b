using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>Reads and writes <see cref="StixTimestamp"/> as its exact STIX text (precision kept).</summary>
internal sealed class StixTimestampJsonConverter : JsonConverter<StixTimestamp>
{
    public override StixTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("a timestamp must be a JSON string");
        }
        // Timestamps are at most 30 characters; longer input is wrong anyway, but report it properly.
        int max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (max > 64)
        {
            throw new JsonException("timestamp is too long");
        }
        Span<char> buffer = stackalloc char[64];
        int length = reader.CopyString(buffer);
        if (!StixTimestamp.TryParse(buffer[..length], out var value, out var error))
        {
            throw new JsonException(error);
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, StixTimestamp value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[32];
        // 30 characters suffice for any precision; TryFormat cannot fail here.
        value.TryFormat(buffer, out int written, default, null);
        writer.WriteStringValue(buffer[..written]);
    }
}

/// <summary>Reads and writes <see cref="StixIdentifier"/> as <c>type--UUID</c> text, rejecting malformed identifiers.</summary>
internal sealed class StixIdentifierJsonConverter : JsonConverter<StixIdentifier>
{
    public override StixIdentifier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("an identifier must be a JSON string");
        }
        int max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (max > 400)
        {
            throw new JsonException("identifier is too long");
        }
        string? text = reader.GetString();
        if (!StixIdentifier.TryParse(text, out var id, out var error))
        {
            throw new JsonException(error);
        }
        return id;
    }

    public override void Write(Utf8JsonWriter writer, StixIdentifier value, JsonSerializerOptions options)
    {
        if (value.Value is null)
        {
            throw new JsonException("an identifier is missing (default StixIdentifier)");
        }
        writer.WriteStringValue(value.Value);
    }
}
