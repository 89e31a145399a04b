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
[JsonSerializable(typeof(AttackPattern))]
[JsonSerializable(typeof(Campaign))]
[JsonSerializable(typeof(CourseOfAction))]
[JsonSerializable(typeof(Grouping))]
[JsonSerializable(typeof(Identity))]
[JsonSerializable(typeof(Incident))]
[JsonSerializable(typeof(Infrastructure))]
[JsonSerializable(typeof(IntrusionSet))]
[JsonSerializable(typeof(Location))]
[JsonSerializable(typeof(Malware))]
[JsonSerializable(typeof(MalwareAnalysis))]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(ObservedData))]
[JsonSerializable(typeof(Opinion))]
[JsonSerializable(typeof(Report))]
[JsonSerializable(typeof(ThreatActor))]
[JsonSerializable(typeof(Tool))]
[JsonSerializable(typeof(Vulnerability))]
[JsonSerializable(typeof(Relationship))]
[JsonSerializable(typeof(Sighting))]
[JsonSerializable(typeof(MarkingDefinition))]
[JsonSerializable(typeof(LanguageContent))]
[JsonSerializable(typeof(ExtensionDefinition))]
internal sealed partial class StixJsonContext : JsonSerializerContext
{
}
