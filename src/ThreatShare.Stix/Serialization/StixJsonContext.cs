using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// The source-generated serializer metadata of the model (SDOs, SROs, meta objects, bundle). Other areas have
/// their own context with the same <see cref="JsonSourceGenerationOptionsAttribute"/> and add it through
/// <see cref="StixTypeRegistry.Builder.AddResolver"/>; <see cref="StixJsonSerializer"/> combines them.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(StixTimestampJsonConverter), typeof(StixIdentifierJsonConverter), typeof(StixObjectJsonConverter)])]
[JsonSerializable(typeof(StixObject))]
[JsonSerializable(typeof(StixBundle))]
[JsonSerializable(typeof(CustomStixObject))]
[JsonSerializable(typeof(StixIdentifier))]
[JsonSerializable(typeof(StixTimestamp))]
[JsonSerializable(typeof(IReadOnlyList<StixIdentifier>))]
[JsonSerializable(typeof(IReadOnlyList<GranularMarking>))]
[JsonSerializable(typeof(Indicator))]
internal sealed partial class StixJsonContext : JsonSerializerContext
{
}
