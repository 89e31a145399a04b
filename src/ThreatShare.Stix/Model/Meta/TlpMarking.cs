namespace ThreatShare.Stix;

/// <summary>
/// The TLP 2.0 marking definitions published by FIRST/OASIS as extension-based marking definitions
/// (extension <see cref="ExtensionDefinitionId"/>), with their fixed identifiers. Reference them from
/// <c>object_marking_refs</c> by <see cref="StixObject.Id"/>.
/// </summary>
public static class TlpMarking
{
    /// <summary>The identifier of the TLP 2.0 extension definition.</summary>
    public const string ExtensionDefinitionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /// <summary>Creation time of all five TLP 2.0 marking definitions.</summary>
    public static StixTimestamp Created { get; } = StixTimestamp.Parse("2022-10-01T00:00:00.000Z");

    /// <summary>TLP:CLEAR, <c>marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487</c>.</summary>
    public static MarkingDefinition Clear { get; } = Create("94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear");

    /// <summary>TLP:GREEN, <c>marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb</c>.</summary>
    public static MarkingDefinition Green { get; } = Create("bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green");

    /// <summary>TLP:AMBER, <c>marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421</c>.</summary>
    public static MarkingDefinition Amber { get; } = Create("55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber");

    /// <summary>TLP:AMBER+STRICT, <c>marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003</c>.</summary>
    public static MarkingDefinition AmberStrict { get; } = Create("939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "amber+strict");

    /// <summary>TLP:RED, <c>marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1</c>.</summary>
    public static MarkingDefinition Red { get; } = Create("e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red");

    /// <summary>The five TLP 2.0 markings, least restrictive first.</summary>
    public static IReadOnlyList<MarkingDefinition> All { get; } = [Clear, Green, Amber, AmberStrict, Red];

    /// <summary>Returns the TLP 2.0 marking with the given identifier, if it is one of the five.</summary>
    public static MarkingDefinition? FindById(StixIdentifier id) => All.FirstOrDefault(m => m.Id == id);

    private static MarkingDefinition Create(string uuid, string name, string level) => new()
    {
        Id = StixIdentifier.Parse(MarkingDefinition.TypeName + "--" + uuid),
        Created = Created,
        Name = name,
        Extensions = new Dictionary<string, StixExtension>(StringComparer.Ordinal)
        {
            [ExtensionDefinitionId] = new RawStixExtension(MarkingDefinition.JsonObject([("extension_type", "property-extension"), ("tlp_2_0", level)])),
        },
    };
}

/// <summary>
/// The TLP 1.0 marking definitions of the STIX 2.1 specification (<c>definition_type</c> <c>tlp</c>), with their fixed
/// identifiers. Superseded by TLP 2.0 (<see cref="TlpMarking"/>) but still common in shared data.
/// </summary>
public static class Tlp1Marking
{
    /// <summary>Creation time of all four TLP 1.0 marking definitions.</summary>
    public static StixTimestamp Created { get; } = StixTimestamp.Parse("2017-01-20T00:00:00.000Z");

    /// <summary>TLP:WHITE, <c>marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9</c>.</summary>
    public static MarkingDefinition White { get; } = Create("613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:WHITE", "white");

    /// <summary>TLP:GREEN, <c>marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da</c>.</summary>
    public static MarkingDefinition Green { get; } = Create("34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN", "green");

    /// <summary>TLP:AMBER, <c>marking-definition--f88d31f6-486f-44da-b317-01333bde0b82</c>.</summary>
    public static MarkingDefinition Amber { get; } = Create("f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER", "amber");

    /// <summary>TLP:RED, <c>marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed</c>.</summary>
    public static MarkingDefinition Red { get; } = Create("5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED", "red");

    /// <summary>The four TLP 1.0 markings, least restrictive first.</summary>
    public static IReadOnlyList<MarkingDefinition> All { get; } = [White, Green, Amber, Red];

    /// <summary>Returns the TLP 1.0 marking with the given identifier, if it is one of the four.</summary>
    public static MarkingDefinition? FindById(StixIdentifier id) => All.FirstOrDefault(m => m.Id == id);

    private static MarkingDefinition Create(string uuid, string name, string level) => new()
    {
        Id = StixIdentifier.Parse(MarkingDefinition.TypeName + "--" + uuid),
        Created = Created,
        Name = name,
        DefinitionType = "tlp",
        Definition = MarkingDefinition.JsonObject("tlp", level),
    };
}
