using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ThreatShare.Stix;

/// <summary>
/// Reads and writes STIX 2.1 JSON under a set of <see cref="StixLimits"/>. Create one per set of limits and
/// reuse it (it is thread-safe); <see cref="StixJson"/> uses <see cref="Default"/>.
/// </summary>
/// <remarks>
/// Reading fails only with <see cref="StixFormatException"/> (a <see cref="JsonException"/>) whose
/// <see cref="JsonException.Path"/> and message name where the input is wrong.
/// </remarks>
public sealed class StixJsonSerializer
{
    private readonly StixObjectJsonConverter _objectConverter;
    private readonly JsonTypeInfo<StixObject> _objectInfo;
    private readonly JsonTypeInfo<StixBundle> _bundleInfo;

    /// <summary>The serializer with <see cref="StixLimits.Default"/>.</summary>
    public static StixJsonSerializer Default { get; } = new(StixLimits.Default);

    /// <summary>Creates a serializer that honours <paramref name="limits"/>.</summary>
    public StixJsonSerializer(StixLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        _objectConverter = new StixObjectJsonConverter();
        var options = CreateOptions(limits, _objectConverter);
        Options = options;
        _objectInfo = (JsonTypeInfo<StixObject>)options.GetTypeInfo(typeof(StixObject));
        _bundleInfo = (JsonTypeInfo<StixBundle>)options.GetTypeInfo(typeof(StixBundle));
    }

    /// <summary>The limits applied when reading.</summary>
    public StixLimits Limits { get; }

    /// <summary>The serializer options (source-generated metadata, STIX converters); read-only.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Creates the options every STIX type is read and written with.</summary>
    internal static JsonSerializerOptions CreateOptions(StixLimits limits, StixObjectJsonConverter objectConverter)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = limits.MaxJsonDepth,
            // STIX text is data, not HTML: keep quotes in patterns ('SHA-256') and non-ASCII text readable.
            // Control characters, '"' and '\' are still escaped, so the output is always valid JSON.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. StixTypeRegistry.Resolvers]),
        };
        options.Converters.Add(new StixTimestampJsonConverter());
        options.Converters.Add(new StixIdentifierJsonConverter());
        options.Converters.Add(objectConverter);
        options.Converters.Add(new StixBundleJsonConverter(limits));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Reads one STIX object of any type from UTF-8 JSON.</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object.</exception>
    public StixObject Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > Limits.MaxDocumentBytes)
        {
            throw TooLarge();
        }
        try
        {
            CheckStringLengths(utf8Json);
            return ReadObject(utf8Json);
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            throw Wrap(ex);
        }
    }

    /// <summary>Reads one STIX object of any type from JSON text.</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object.</exception>
    public StixObject Deserialize(string json) => Read(json, _objectInfo);

    /// <summary>Reads one STIX object of any type from a stream of UTF-8 JSON (at most <see cref="StixLimits.MaxDocumentBytes"/>).</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object.</exception>
    public StixObject Deserialize(Stream utf8Json) => Read(utf8Json, _objectInfo);

    /// <summary>Reads one STIX object of any type from a stream of UTF-8 JSON (at most <see cref="StixLimits.MaxDocumentBytes"/>).</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object.</exception>
    public async Task<StixObject> DeserializeAsync(Stream utf8Json, CancellationToken ct)
    {
        var buffer = await ReadBoundedAsync(utf8Json, ct).ConfigureAwait(false);
        return Read(buffer.Span, _objectInfo);
    }

    /// <summary>Reads one STIX object and checks that it is a <typeparamref name="T"/>.</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object of that type.</exception>
    public T Deserialize<T>(string json)
        where T : StixObject
        => Deserialize(json) as T ?? throw new StixFormatException($"the object is not a {typeof(T).Name}", "$.type", null, null, null);

    /// <summary>Reads one STIX object and checks that it is a <typeparamref name="T"/>.</summary>
    /// <exception cref="StixFormatException">The input is not a readable STIX object of that type.</exception>
    public T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : StixObject
        => Deserialize(utf8Json) as T ?? throw new StixFormatException($"the object is not a {typeof(T).Name}", "$.type", null, null, null);

    /// <summary>Reads a bundle from UTF-8 JSON.</summary>
    /// <exception cref="StixFormatException">The input is not a readable bundle.</exception>
    public StixBundle DeserializeBundle(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, _bundleInfo);

    /// <summary>Reads a bundle from JSON text.</summary>
    /// <exception cref="StixFormatException">The input is not a readable bundle.</exception>
    public StixBundle DeserializeBundle(string json) => Read(json, _bundleInfo);

    /// <summary>Reads a bundle from a stream of UTF-8 JSON (at most <see cref="StixLimits.MaxDocumentBytes"/>).</summary>
    /// <exception cref="StixFormatException">The input is not a readable bundle.</exception>
    public StixBundle DeserializeBundle(Stream utf8Json) => Read(utf8Json, _bundleInfo);

    /// <summary>Reads a bundle from a stream of UTF-8 JSON (at most <see cref="StixLimits.MaxDocumentBytes"/>).</summary>
    /// <exception cref="StixFormatException">The input is not a readable bundle.</exception>
    public async Task<StixBundle> DeserializeBundleAsync(Stream utf8Json, CancellationToken ct)
    {
        var buffer = await ReadBoundedAsync(utf8Json, ct).ConfigureAwait(false);
        return Read(buffer.Span, _bundleInfo);
    }

    /// <summary>Writes an object as compact JSON text, properties in the stable STIX order.</summary>
    public string Serialize(StixObject value) => JsonSerializer.Serialize(Checked(value), _objectInfo);

    /// <summary>Writes a bundle as compact JSON text.</summary>
    public string Serialize(StixBundle value) => JsonSerializer.Serialize(Checked(value), _bundleInfo);

    /// <summary>Writes an object as compact UTF-8 JSON.</summary>
    public byte[] SerializeToUtf8Bytes(StixObject value) => JsonSerializer.SerializeToUtf8Bytes(Checked(value), _objectInfo);

    /// <summary>Writes a bundle as compact UTF-8 JSON.</summary>
    public byte[] SerializeToUtf8Bytes(StixBundle value) => JsonSerializer.SerializeToUtf8Bytes(Checked(value), _bundleInfo);

    /// <summary>Writes an object to <paramref name="writer"/> (whose options decide indentation).</summary>
    public void Serialize(Utf8JsonWriter writer, StixObject value) => JsonSerializer.Serialize(writer, Checked(value), _objectInfo);

    /// <summary>Writes a bundle to <paramref name="writer"/> (whose options decide indentation).</summary>
    public void Serialize(Utf8JsonWriter writer, StixBundle value) => JsonSerializer.Serialize(writer, Checked(value), _bundleInfo);

    /// <summary>Writes an object as UTF-8 JSON to a stream.</summary>
    public Task SerializeAsync(Stream utf8Json, StixObject value, CancellationToken ct) => JsonSerializer.SerializeAsync(utf8Json, Checked(value), _objectInfo, ct);

    /// <summary>Writes a bundle as UTF-8 JSON to a stream.</summary>
    public Task SerializeAsync(Stream utf8Json, StixBundle value, CancellationToken ct) => JsonSerializer.SerializeAsync(utf8Json, Checked(value), _bundleInfo, ct);

    /// <summary>
    /// Reads a top-level object by dispatching on its <c>type</c> directly, without a polymorphic outer layer
    /// (which would cost a second serializer frame per object).
    /// </summary>
    private StixObject ReadObject(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..]; // a UTF-8 byte order mark, which the serializer's own entry points also skip
        }
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        if (!reader.Read())
        {
            throw new StixFormatException("the document is empty", "$", null, null, null);
        }
        var info = _objectConverter.ResolveTypeInfo(reader, Options);
        var value = JsonSerializer.Deserialize(ref reader, info) as StixObject
            ?? throw new StixFormatException("the document is 'null'", "$", null, null, null);
        if (reader.Read())
        {
            throw new StixFormatException("unexpected content after the object", "$", null, null, null);
        }
        return value;
    }

    /// <summary>The message of a <see cref="JsonException"/> without the position suffix System.Text.Json appends.</summary>
    internal static string BareMessage(Exception ex)
    {
        string message = ex.Message;
        int at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private static T Checked<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }

    private T Read<T>(string json, JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(json);
        // A UTF-8 encoding takes at least one byte per char and at most three.
        if (json.Length > Limits.MaxDocumentBytes ||
            ((long)json.Length * 3 > Limits.MaxDocumentBytes && Encoding.UTF8.GetByteCount(json) > Limits.MaxDocumentBytes))
        {
            throw TooLarge();
        }
        if (json.Length > Limits.MaxStringLength)
        {
            // Only a document longer than the longest allowed string can hold a string that is too long.
            return Read(Encoding.UTF8.GetBytes(json), info);
        }
        try
        {
            return JsonSerializer.Deserialize(json, info) ?? throw new StixFormatException("the document is 'null'", "$", null, null, null);
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            throw Wrap(ex);
        }
    }

    private T Read<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> info)
    {
        if (utf8Json.Length > Limits.MaxDocumentBytes)
        {
            throw TooLarge();
        }
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }
        try
        {
            CheckStringLengths(utf8Json);
            return JsonSerializer.Deserialize(utf8Json, info) ?? throw new StixFormatException("the document is 'null'", "$", null, null, null);
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            throw Wrap(ex);
        }
    }

    private T Read<T>(Stream utf8Json, JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > Limits.MaxDocumentBytes)
            {
                throw TooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), info);
    }

    private async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(Stream utf8Json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await utf8Json.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > Limits.MaxDocumentBytes)
            {
                throw TooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>
    /// Refuses strings (values and property names) longer than <see cref="StixLimits.MaxStringLength"/>. Skipped
    /// when the whole document is shorter than that limit, which is the common case.
    /// </summary>
    private void CheckStringLengths(ReadOnlySpan<byte> utf8Json)
    {
        int max = Limits.MaxStringLength;
        if (utf8Json.Length <= max)
        {
            return;
        }
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName &&
                (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > max &&
                (reader.GetString()?.Length ?? 0) > max)
            {
                throw new StixFormatException(
                    $"a string is longer than {max} characters (at byte {reader.TokenStartIndex})", "$", null, reader.TokenStartIndex, null);
            }
        }
    }

    private StixFormatException TooLarge() =>
        new($"the document is larger than {Limits.MaxDocumentBytes} bytes", "$", null, null, null);

    private static bool IsInputError(Exception ex) =>
        ex is JsonException or InvalidOperationException or NotSupportedException or FormatException
            or OverflowException or ArgumentException or DecoderFallbackException;

    private static StixFormatException Wrap(Exception ex)
    {
        if (ex is StixFormatException stix)
        {
            return stix;
        }
        var json = ex as JsonException;
        string path = json?.Path ?? "$";
        string message = $"{BareMessage(ex)} (at {path})";
        return new StixFormatException(message, path, json?.LineNumber, json?.BytePositionInLine, ex);
    }
}
