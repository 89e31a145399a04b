using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ThreatShare.Stix.Validation;

/// <summary>
/// What the property pass learnt about one object, handed to the cross-property checks: the value of
/// every descriptor property found and every timestamp already parsed, so checks look nothing up twice.
/// </summary>
internal readonly ref struct ObjectView
{
    private readonly ReadOnlySpan<JsonElement> _values;
    private readonly ReadOnlySpan<StixTimestamp> _times;
    private readonly ulong _seen;
    private readonly ulong _timesOk;

    public ObjectView(JsonElement obj, ObjectDescriptor descriptor, ReadOnlySpan<JsonElement> values, ulong seen, ReadOnlySpan<StixTimestamp> times, ulong timesOk)
    {
        Object = obj;
        Descriptor = descriptor;
        _values = values;
        _seen = seen;
        _times = times;
        _timesOk = timesOk;
    }

    public JsonElement Object { get; }

    public ObjectDescriptor Descriptor { get; }

    public bool Has(string name) => TryGet(name, out _);

    public bool TryGet(string name, out JsonElement value)
    {
        if (Descriptor.TryFind(name, out int i))
        {
            value = (_seen & (1UL << i)) != 0 ? _values[i] : default;
            return (_seen & (1UL << i)) != 0;
        }
        return Object.TryGetProperty(name, out value);
    }

    /// <summary>A timestamp property that is present and valid.</summary>
    public bool TryGetTimestamp(string name, out StixTimestamp value)
    {
        if (Descriptor.TryFind(name, out int i) && (_timesOk & (1UL << i)) != 0)
        {
            value = _times[i];
            return true;
        }
        value = default;
        return false;
    }
}

/// <summary>Stack storage for the property values of one object (descriptors have at most 64 properties).</summary>
[InlineArray(64)]
internal struct ElementBuffer
{
    private JsonElement _element;
}

/// <summary>Stack storage for the parsed timestamps of one object.</summary>
[InlineArray(64)]
internal struct TimestampBuffer
{
    private StixTimestamp _timestamp;
}
