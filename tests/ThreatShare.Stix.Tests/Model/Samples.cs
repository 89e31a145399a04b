using System.Text.Json;

namespace ThreatShare.Stix.Tests.Model;

/// <summary>One object of every modelled type with every property set, built in code.</summary>
internal static class Samples
{
    public static readonly StixTimestamp Created = StixTimestamp.Parse("2024-03-01T10:00:00.000Z");
    public static readonly StixTimestamp Modified = StixTimestamp.Parse("2024-03-02T11:30:00.123Z");
    public static readonly StixTimestamp Later = StixTimestamp.Parse("2024-03-05T08:00:00.5Z");
    public static readonly StixIdentifier Author = Id("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff");

    public static StixIdentifier Id(string text) => StixIdentifier.Parse(text);

    private static IReadOnlyList<StixIdentifier> Ids(params string[] ids) => [.. ids.Select(Id)];

    private static IReadOnlyList<KillChainPhase> Phases => [new KillChainPhase { KillChainName = "mitre-attack", PhaseName = "initial-access" }];

    private static JsonElement Json(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    public static IReadOnlyList<StixObject> All()
    {
        var file = "file--e3e2bdd5-c8a2-4ed4-a1c5-27cbbcde1b6c";
        var software = "software--0f8c9e5e-3b9d-4bd5-9a2a-1c2f0a4bb3c1";
        return
        [
            new AttackPattern
            {
                Id = Id("attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"), CreatedByRef = Author, Created = Created, Modified = Modified,
                Name = "Spear Phishing", Description = "d", Aliases = ["phish"], KillChainPhases = Phases,
                Revoked = false, Labels = ["l"], Confidence = 70, Lang = "en",
                ExternalReferences = [new ExternalReference { SourceName = "capec", Description = "x", Url = "https://capec.mitre.org/data/definitions/163.html", Hashes = new Dictionary<string, string> { ["SHA-256"] = "4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877", ["MD5"] = "d41d8cd98f00b204e9800998ecf8427e" }, ExternalId = "CAPEC-163" }],
                ObjectMarkingRefs = [TlpMarking.Green.Id],
                GranularMarkings = [new GranularMarking { MarkingRef = TlpMarking.Amber.Id, Selectors = ["description"] }, new GranularMarking { MarkingRef = TlpMarking.Red.Id, Selectors = ["name"] }],
            },
            new Campaign
            {
                Id = Id("campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), Created = Created, Modified = Modified,
                Name = "Green Group", Description = "d", Aliases = ["GG"], FirstSeen = Created, LastSeen = Later, Objective = "money",
            },
            new CourseOfAction { Id = Id("course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), Created = Created, Modified = Modified, Name = "Block port 80", Description = "d" },
            new Grouping
            {
                Id = Id("grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3"), Created = Created, Modified = Modified,
                Name = "g", Description = "d", Context = "suspicious-activity", ObjectRefs = Ids("indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2"),
            },
            new Identity
            {
                Id = Id("identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65"), Created = Created, Modified = Modified,
                Name = "ACME", Description = "d", Roles = ["cert"], IdentityClass = "organization", Sectors = ["energy"], ContactInformation = "soc@example.com",
            },
            new Incident { Id = Id("incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), Created = Created, Modified = Modified, Name = "i", Description = "d", KillChainPhases = Phases },
            new Indicator
            {
                Id = Id("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), Created = Created, Modified = Modified,
                Name = "n", Description = "d", IndicatorTypes = ["malicious-activity"], Pattern = "[ipv4-addr:value = '198.51.100.1']",
                PatternType = "stix", PatternVersion = "2.1", ValidFrom = Created, ValidUntil = Later, KillChainPhases = Phases,
            },
            new Infrastructure
            {
                Id = Id("infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d"), Created = Created, Modified = Modified,
                Name = "C2", Description = "d", InfrastructureTypes = ["command-and-control"], Aliases = ["c2"], KillChainPhases = Phases, FirstSeen = Created, LastSeen = Later,
            },
            new IntrusionSet
            {
                Id = Id("intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29"), Created = Created, Modified = Modified,
                Name = "Bobcat", Description = "d", Aliases = ["Zoo"], FirstSeen = Created, LastSeen = Later, Goals = ["damage"],
                ResourceLevel = "team", PrimaryMotivation = "ideology", SecondaryMotivations = ["dominance"],
            },
            new Location
            {
                Id = Id("location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64"), Created = Created, Modified = Modified,
                Name = "Paris", Description = "d", Latitude = 48.8566m, Longitude = 2.3522m, Precision = 1000.0m, Region = "western-europe",
                Country = "FR", AdministrativeArea = "IDF", City = "Paris", StreetAddress = "1 rue", PostalCode = "75001",
            },
            new Malware
            {
                Id = Id("malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"), Created = Created, Modified = Modified,
                Name = "Cryptolocker", Description = "d", MalwareTypes = ["ransomware"], IsFamily = false, Aliases = ["cl"], KillChainPhases = Phases,
                FirstSeen = Created, LastSeen = Later, OperatingSystemRefs = Ids(software), ArchitectureExecutionEnvs = ["x86"],
                ImplementationLanguages = ["c"], Capabilities = ["encrypts-files"], SampleRefs = Ids(file),
            },
            new MalwareAnalysis
            {
                Id = Id("malware-analysis--d25167b7-fed0-4068-9ccd-a73dd2c5b07c"), Created = Created, Modified = Modified,
                Product = "acme-av", Version = "1.0", HostVmRef = Id(software), OperatingSystemRef = Id(software), InstalledSoftwareRefs = Ids(software),
                ConfigurationVersion = "c", Modules = ["m"], AnalysisEngineVersion = "5", AnalysisDefinitionVersion = "6", Submitted = Created,
                AnalysisStarted = Created, AnalysisEnded = Later, ResultName = "Trojan", Result = "malicious", AnalysisScoRefs = Ids(file), SampleRef = Id(file),
            },
            new Note
            {
                Id = Id("note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"), Created = Created, Modified = Modified,
                Abstract = "a", Content = "c", Authors = ["John Doe"], ObjectRefs = Ids("campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
            },
            new ObservedData
            {
                Id = Id("observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"), Created = Created, Modified = Modified,
                FirstObserved = Created, LastObserved = Later, NumberObserved = 50,
                ObjectRefs = Ids("ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8"),
            },
            new Opinion
            {
                Id = Id("opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7"), Created = Created, Modified = Modified,
                Explanation = "e", Authors = ["a"], OpinionValue = "agree", ObjectRefs = Ids("relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471"),
            },
            new Report
            {
                Id = Id("report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3"), Created = Created, Modified = Modified,
                Name = "r", Description = "d", ReportTypes = ["campaign"], Published = Later, ObjectRefs = Ids("indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2"),
            },
            new ThreatActor
            {
                Id = Id("threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), Created = Created, Modified = Modified,
                Name = "Evil Org", Description = "d", ThreatActorTypes = ["crime-syndicate"], Aliases = ["EO"], FirstSeen = Created, LastSeen = Later,
                Roles = ["director"], Goals = ["money"], Sophistication = "advanced", ResourceLevel = "team", PrimaryMotivation = "organizational-gain",
                SecondaryMotivations = ["dominance"], PersonalMotivations = ["revenge"],
            },
            new Tool
            {
                Id = Id("tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), Created = Created, Modified = Modified,
                Name = "VNC", Description = "d", ToolTypes = ["remote-access"], Aliases = ["vnc"], KillChainPhases = Phases, ToolVersion = "4.1",
            },
            new Vulnerability { Id = Id("vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"), Created = Created, Modified = Modified, Name = "CVE-2016-1234", Description = "d" },
            new Relationship
            {
                Id = Id("relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e"), CreatedByRef = Author, Created = Created, Modified = Modified,
                RelationshipType = "indicates", Description = "d", SourceRef = Id("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
                TargetRef = Id("malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"), StartTime = Created, StopTime = Later,
                Revoked = false, Labels = ["l"], Confidence = 10, Lang = "en", ExternalReferences = [new ExternalReference { SourceName = "s", ExternalId = "S-1" }],
            },
            new Sighting
            {
                Id = Id("sighting--ee20065d-2555-424f-ad9e-0f8428623c75"), Created = Created, Modified = Modified,
                Description = "d", FirstSeen = Created, LastSeen = Later, Count = 4, SightingOfRef = Id("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
                ObservedDataRefs = Ids("observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"), WhereSightedRefs = Ids("identity--b67d30ff-02ac-498a-92f9-32f845f448ff"), Summary = false,
            },
            MarkingDefinition.CreateStatement(Id("marking-definition--4527e5de-8572-446a-a57a-706f15467461"), Created, "Copyright ACME", Author) with
            {
                ExternalReferences = [new ExternalReference { SourceName = "acme", Url = "https://acme.example/terms" }],
            },
            new LanguageContent
            {
                Id = Id("language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d"), CreatedByRef = Author, Created = Created, Modified = Modified,
                ObjectRef = Id("campaign--12a111f0-b824-4baf-a224-83b80237a094"), ObjectModified = Modified,
                Contents = new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>
                {
                    ["de"] = new Dictionary<string, JsonElement> { ["name"] = Json("\"Bank Angriff\""), ["labels"] = Json("[\"a\",\"b\"]") },
                },
                Revoked = false, Labels = ["l"], Confidence = 5,
            },
            new ExtensionDefinition
            {
                Id = Id("extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62"), CreatedByRef = Author, Created = Created, Modified = Modified,
                Name = "ext", Description = "d", Schema = "https://example.com/schema.json", Version = "1.0.0",
                ExtensionTypes = ["toplevel-property-extension"], ExtensionProperties = ["x_rank"], Revoked = false, Labels = ["l"],
            },
        ];
    }

    public static TheoryData<string> TypeNames()
    {
        var data = new TheoryData<string>();
        foreach (var obj in All())
        {
            data.Add(obj.Type);
        }
        return data;
    }
}
