using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;

namespace ThreatShare.Stix;

/// <summary>
/// Which .NET type reads each STIX <c>type</c> and each predefined extension name. Built once, then frozen.
/// Cyber-observable objects and their extensions register themselves in <c>ScoRegistrations.cs</c> by
/// implementing <see cref="RegisterObservables"/>; every registered type must also be served by a
/// resolver added with <see cref="Builder.AddResolver"/> (their own source-generated context).
/// </summary>
/// <remarks>
/// One source-generated context cannot be split over several partial declarations (the generator emits its
/// files once per declaration), so each area has its own context and the serializer combines them.
/// </remarks>
internal static partial class StixTypeRegistry
{
    private static readonly (FrozenDictionary<string, Type> Objects, FrozenDictionary<string, Type> Extensions, IJsonTypeInfoResolver[] Resolvers) Tables = Build();

    /// <summary>Registered object types by STIX type name.</summary>
    public static FrozenDictionary<string, Type> Objects => Tables.Objects;

    /// <summary>Registered extension types by extension name (e.g. <c>archive-ext</c>).</summary>
    public static FrozenDictionary<string, Type> Extensions => Tables.Extensions;

    /// <summary>The serializer metadata of all registered types (this folder's context first).</summary>
    public static IReadOnlyList<IJsonTypeInfoResolver> Resolvers => Tables.Resolvers;

    /// <summary>Implemented in <c>ScoRegistrations.cs</c>: adds the cyber-observable types and their extensions.</summary>
    static partial void RegisterObservables(Builder builder);

    private static (FrozenDictionary<string, Type>, FrozenDictionary<string, Type>, IJsonTypeInfoResolver[]) Build()
    {
        var builder = new Builder();
        builder.AddResolver(StixJsonContext.Default);
        RegisterCore(builder);
        RegisterObservables(builder);
        return (
            builder.Objects.ToFrozenDictionary(StringComparer.Ordinal),
            builder.Extensions.ToFrozenDictionary(StringComparer.Ordinal),
            [.. builder.Resolvers]);
    }

    private static void RegisterCore(Builder b)
    {
        b.AddObject<Indicator>(Indicator.TypeName);
        b.AddObject<AttackPattern>(AttackPattern.TypeName);
        b.AddObject<Campaign>(Campaign.TypeName);
        b.AddObject<CourseOfAction>(CourseOfAction.TypeName);
        b.AddObject<Grouping>(Grouping.TypeName);
        b.AddObject<Identity>(Identity.TypeName);
        b.AddObject<Incident>(Incident.TypeName);
        b.AddObject<Infrastructure>(Infrastructure.TypeName);
        b.AddObject<IntrusionSet>(IntrusionSet.TypeName);
        b.AddObject<Location>(Location.TypeName);
        b.AddObject<Malware>(Malware.TypeName);
        b.AddObject<MalwareAnalysis>(MalwareAnalysis.TypeName);
        b.AddObject<Note>(Note.TypeName);
        b.AddObject<ObservedData>(ObservedData.TypeName);
        b.AddObject<Opinion>(Opinion.TypeName);
        b.AddObject<Report>(Report.TypeName);
        b.AddObject<ThreatActor>(ThreatActor.TypeName);
        b.AddObject<Tool>(Tool.TypeName);
        b.AddObject<Vulnerability>(Vulnerability.TypeName);
        b.AddObject<Relationship>(Relationship.TypeName);
        b.AddObject<Sighting>(Sighting.TypeName);
        b.AddObject<MarkingDefinition>(MarkingDefinition.TypeName);
        b.AddObject<LanguageContent>(LanguageContent.TypeName);
        b.AddObject<ExtensionDefinition>(ExtensionDefinition.TypeName);
    }

    /// <summary>Collects registrations; used only while the registry is built.</summary>
    internal sealed class Builder
    {
        internal Dictionary<string, Type> Objects { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, Type> Extensions { get; } = new(StringComparer.Ordinal);

        internal List<IJsonTypeInfoResolver> Resolvers { get; } = [];

        /// <summary>Adds serializer metadata (a source-generated <c>JsonSerializerContext</c>) for registered types.</summary>
        public void AddResolver(IJsonTypeInfoResolver resolver) => Resolvers.Add(resolver);

        /// <summary>Registers the .NET type that reads objects of STIX type <paramref name="typeName"/>.</summary>
        public void AddObject<T>(string typeName)
            where T : StixObject
            => Objects.Add(typeName, typeof(T));

        /// <summary>Registers the .NET type that reads the predefined extension <paramref name="extensionName"/>.</summary>
        public void AddExtension<T>(string extensionName)
            where T : StixExtension
            => Extensions.Add(extensionName, typeof(T));
    }
}
