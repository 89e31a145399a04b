using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// The source-generated serializer metadata of the model. This declaration lists the types of this folder;
/// other files (e.g. <c>ScoRegistrations.cs</c>) add theirs with <c>[JsonSerializable]</c> on their own
/// <c>partial</c> declaration of this class.
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
