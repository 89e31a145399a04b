// The STIX 2.1 vocabularies (section 10 and the cyber-observable sections of the specification), in spec order.
using System.Collections.Frozen;

namespace ThreatShare.Stix.Vocabularies;

/// <summary>
/// Every open vocabulary (<c>-ov</c>) and enumeration (<c>-enum</c>) of STIX 2.1, as ordinal sets.
/// Open vocabularies suggest values (others are allowed, validators warn); enumerations are closed.
/// </summary>
public static class StixVocabularies
{
    /// <summary>The open vocabulary <c>account-type-ov</c>: user account types (<c>user-account.account_type</c>). Values as constants: <see cref="AccountTypeValues"/>.</summary>
    public static StixVocabulary AccountType { get; } = new("account-type-ov", true, [AccountTypeValues.Facebook, AccountTypeValues.Ldap, AccountTypeValues.Nis, AccountTypeValues.Openid, AccountTypeValues.Radius, AccountTypeValues.Skype, AccountTypeValues.Tacacs, AccountTypeValues.Twitter, AccountTypeValues.Unix, AccountTypeValues.WindowsLocal, AccountTypeValues.WindowsDomain]);

    /// <summary>The open vocabulary <c>attack-motivation-ov</c>: motivations of attackers (<c>primary_motivation</c>, <c>secondary_motivations</c>, <c>personal_motivations</c>). Values as constants: <see cref="AttackMotivationValues"/>.</summary>
    public static StixVocabulary AttackMotivation { get; } = new("attack-motivation-ov", true, [AttackMotivationValues.Accidental, AttackMotivationValues.Coercion, AttackMotivationValues.Dominance, AttackMotivationValues.Ideology, AttackMotivationValues.Notoriety, AttackMotivationValues.OrganizationalGain, AttackMotivationValues.PersonalGain, AttackMotivationValues.PersonalSatisfaction, AttackMotivationValues.Revenge, AttackMotivationValues.Unpredictable]);

    /// <summary>The open vocabulary <c>attack-resource-level-ov</c>: resource levels of attackers (<c>resource_level</c>). Values as constants: <see cref="AttackResourceLevelValues"/>.</summary>
    public static StixVocabulary AttackResourceLevel { get; } = new("attack-resource-level-ov", true, [AttackResourceLevelValues.Individual, AttackResourceLevelValues.Club, AttackResourceLevelValues.Contest, AttackResourceLevelValues.Team, AttackResourceLevelValues.Organization, AttackResourceLevelValues.Government]);

    /// <summary>The enumeration <c>encryption-algorithm-enum</c>: artifact encryption algorithms (<c>artifact.encryption_algorithm</c>). Values as constants: <see cref="EncryptionAlgorithmValues"/>.</summary>
    public static StixVocabulary EncryptionAlgorithm { get; } = new("encryption-algorithm-enum", false, [EncryptionAlgorithmValues.Aes256Gcm, EncryptionAlgorithmValues.Chacha20Poly1305, EncryptionAlgorithmValues.MimeTypeIndicated]);

    /// <summary>The enumeration <c>extension-type-enum</c>: extension definition kinds (<c>extension-definition.extension_types</c>, <c>extension_type</c>). Values as constants: <see cref="ExtensionTypeValues"/>.</summary>
    public static StixVocabulary ExtensionType { get; } = new("extension-type-enum", false, [ExtensionTypeValues.NewSdo, ExtensionTypeValues.NewSco, ExtensionTypeValues.NewSro, ExtensionTypeValues.PropertyExtension, ExtensionTypeValues.ToplevelPropertyExtension]);

    /// <summary>The open vocabulary <c>grouping-context-ov</c>: grouping contexts (<c>grouping.context</c>). Values as constants: <see cref="GroupingContextValues"/>.</summary>
    public static StixVocabulary GroupingContext { get; } = new("grouping-context-ov", true, [GroupingContextValues.SuspiciousActivity, GroupingContextValues.MalwareAnalysis, GroupingContextValues.Unspecified]);

    /// <summary>The open vocabulary <c>hashing-algorithm-ov</c>: hash algorithm names (keys of a hashes dictionary). Values as constants: <see cref="HashingAlgorithmValues"/>.</summary>
    public static StixVocabulary HashingAlgorithm { get; } = new("hashing-algorithm-ov", true, [HashingAlgorithmValues.Md5, HashingAlgorithmValues.Sha1, HashingAlgorithmValues.Sha256, HashingAlgorithmValues.Sha512, HashingAlgorithmValues.Sha3With256, HashingAlgorithmValues.Sha3With512, HashingAlgorithmValues.Ssdeep, HashingAlgorithmValues.Tlsh]);

    /// <summary>The open vocabulary <c>identity-class-ov</c>: identity classes (<c>identity.identity_class</c>). Values as constants: <see cref="IdentityClassValues"/>.</summary>
    public static StixVocabulary IdentityClass { get; } = new("identity-class-ov", true, [IdentityClassValues.Individual, IdentityClassValues.Group, IdentityClassValues.System, IdentityClassValues.Organization, IdentityClassValues.Class, IdentityClassValues.Unknown]);

    /// <summary>The open vocabulary <c>implementation-language-ov</c>: programming languages (<c>malware.implementation_languages</c>). Values as constants: <see cref="ImplementationLanguageValues"/>.</summary>
    public static StixVocabulary ImplementationLanguage { get; } = new("implementation-language-ov", true, [ImplementationLanguageValues.Applescript, ImplementationLanguageValues.Bash, ImplementationLanguageValues.C, ImplementationLanguageValues.CPlusPlus, ImplementationLanguageValues.CSharp, ImplementationLanguageValues.Go, ImplementationLanguageValues.Java, ImplementationLanguageValues.Javascript, ImplementationLanguageValues.Lua, ImplementationLanguageValues.ObjectiveC, ImplementationLanguageValues.Perl, ImplementationLanguageValues.Php, ImplementationLanguageValues.Powershell, ImplementationLanguageValues.Python, ImplementationLanguageValues.Ruby, ImplementationLanguageValues.Scala, ImplementationLanguageValues.Swift, ImplementationLanguageValues.Typescript, ImplementationLanguageValues.VisualBasic, ImplementationLanguageValues.X86With32Bits, ImplementationLanguageValues.X86With64Bits]);

    /// <summary>The open vocabulary <c>indicator-type-ov</c>: indicator types (<c>indicator.indicator_types</c>). Values as constants: <see cref="IndicatorTypeValues"/>.</summary>
    public static StixVocabulary IndicatorType { get; } = new("indicator-type-ov", true, [IndicatorTypeValues.AnomalousActivity, IndicatorTypeValues.Anonymization, IndicatorTypeValues.Benign, IndicatorTypeValues.Compromised, IndicatorTypeValues.MaliciousActivity, IndicatorTypeValues.Attribution, IndicatorTypeValues.Unknown]);

    /// <summary>The open vocabulary <c>industry-sector-ov</c>: industry sectors (<c>identity.sectors</c>). Values as constants: <see cref="IndustrySectorValues"/>.</summary>
    public static StixVocabulary IndustrySector { get; } = new("industry-sector-ov", true, [IndustrySectorValues.Agriculture, IndustrySectorValues.Aerospace, IndustrySectorValues.Automotive, IndustrySectorValues.Chemical, IndustrySectorValues.Commercial, IndustrySectorValues.Communications, IndustrySectorValues.Construction, IndustrySectorValues.Defense, IndustrySectorValues.Education, IndustrySectorValues.Energy, IndustrySectorValues.Engineering, IndustrySectorValues.Entertainment, IndustrySectorValues.FinancialServices, IndustrySectorValues.Government, IndustrySectorValues.EmergencyServices, IndustrySectorValues.GovernmentLocal, IndustrySectorValues.GovernmentNational, IndustrySectorValues.GovernmentPublicServices, IndustrySectorValues.GovernmentRegional, IndustrySectorValues.Healthcare, IndustrySectorValues.HospitalityLeisure, IndustrySectorValues.Infrastructure, IndustrySectorValues.Dams, IndustrySectorValues.Nuclear, IndustrySectorValues.Water, IndustrySectorValues.Insurance, IndustrySectorValues.Manufacturing, IndustrySectorValues.Mining, IndustrySectorValues.NonProfit, IndustrySectorValues.Pharmaceuticals, IndustrySectorValues.Retail, IndustrySectorValues.Technology, IndustrySectorValues.Telecommunications, IndustrySectorValues.Transportation, IndustrySectorValues.Utilities]);

    /// <summary>The open vocabulary <c>infrastructure-type-ov</c>: infrastructure types (<c>infrastructure.infrastructure_types</c>). Values as constants: <see cref="InfrastructureTypeValues"/>.</summary>
    public static StixVocabulary InfrastructureType { get; } = new("infrastructure-type-ov", true, [InfrastructureTypeValues.Amplification, InfrastructureTypeValues.Anonymization, InfrastructureTypeValues.Botnet, InfrastructureTypeValues.CommandAndControl, InfrastructureTypeValues.ControlSystem, InfrastructureTypeValues.Exfiltration, InfrastructureTypeValues.Firewall, InfrastructureTypeValues.HostingMalware, InfrastructureTypeValues.HostingTargetLists, InfrastructureTypeValues.Phishing, InfrastructureTypeValues.Reconnaissance, InfrastructureTypeValues.RoutersSwitches, InfrastructureTypeValues.Staging, InfrastructureTypeValues.Workstation, InfrastructureTypeValues.Unknown]);

    /// <summary>The open vocabulary <c>malware-capabilities-ov</c>: malware capabilities (<c>malware.capabilities</c>). Values as constants: <see cref="MalwareCapabilityValues"/>.</summary>
    public static StixVocabulary MalwareCapability { get; } = new("malware-capabilities-ov", true, [MalwareCapabilityValues.AccessesRemoteMachines, MalwareCapabilityValues.AntiDebugging, MalwareCapabilityValues.AntiDisassembly, MalwareCapabilityValues.AntiEmulation, MalwareCapabilityValues.AntiMemoryForensics, MalwareCapabilityValues.AntiSandbox, MalwareCapabilityValues.AntiVm, MalwareCapabilityValues.CapturesInputPeripherals, MalwareCapabilityValues.CapturesOutputPeripherals, MalwareCapabilityValues.CapturesSystemStateData, MalwareCapabilityValues.CleansTracesOfInfection, MalwareCapabilityValues.CommitsFraud, MalwareCapabilityValues.CommunicatesWithC2, MalwareCapabilityValues.CompromisesDataAvailability, MalwareCapabilityValues.CompromisesDataIntegrity, MalwareCapabilityValues.CompromisesSystemAvailability, MalwareCapabilityValues.ControlsLocalMachine, MalwareCapabilityValues.DegradesSecuritySoftware, MalwareCapabilityValues.DegradesSystemUpdates, MalwareCapabilityValues.DeterminesC2Server, MalwareCapabilityValues.EmailsSpam, MalwareCapabilityValues.EscalatesPrivileges, MalwareCapabilityValues.EvadesAv, MalwareCapabilityValues.ExfiltratesData, MalwareCapabilityValues.FingerprintsHost, MalwareCapabilityValues.HidesArtifacts, MalwareCapabilityValues.HidesExecutingCode, MalwareCapabilityValues.InfectsFiles, MalwareCapabilityValues.InfectsRemoteMachines, MalwareCapabilityValues.InstallsOtherComponents, MalwareCapabilityValues.PersistsAfterSystemReboot, MalwareCapabilityValues.PreventsArtifactAccess, MalwareCapabilityValues.PreventsArtifactDeletion, MalwareCapabilityValues.ProbesNetworkEnvironment, MalwareCapabilityValues.SelfModifies, MalwareCapabilityValues.StealsAuthenticationCredentials, MalwareCapabilityValues.ViolatesSystemOperationalIntegrity]);

    /// <summary>The open vocabulary <c>malware-result-ov</c>: malware analysis results (<c>malware-analysis.result</c>). Values as constants: <see cref="MalwareResultValues"/>.</summary>
    public static StixVocabulary MalwareResult { get; } = new("malware-result-ov", true, [MalwareResultValues.Malicious, MalwareResultValues.Suspicious, MalwareResultValues.Benign, MalwareResultValues.Unknown]);

    /// <summary>The open vocabulary <c>malware-type-ov</c>: malware types (<c>malware.malware_types</c>). Values as constants: <see cref="MalwareTypeValues"/>.</summary>
    public static StixVocabulary MalwareType { get; } = new("malware-type-ov", true, [MalwareTypeValues.Adware, MalwareTypeValues.Backdoor, MalwareTypeValues.Bot, MalwareTypeValues.Bootkit, MalwareTypeValues.Ddos, MalwareTypeValues.Downloader, MalwareTypeValues.Dropper, MalwareTypeValues.ExploitKit, MalwareTypeValues.Keylogger, MalwareTypeValues.Ransomware, MalwareTypeValues.RemoteAccessTrojan, MalwareTypeValues.ResourceExploitation, MalwareTypeValues.RogueSecuritySoftware, MalwareTypeValues.Rootkit, MalwareTypeValues.ScreenCapture, MalwareTypeValues.Spyware, MalwareTypeValues.Trojan, MalwareTypeValues.Unknown, MalwareTypeValues.Virus, MalwareTypeValues.Webshell, MalwareTypeValues.Wiper, MalwareTypeValues.Worm]);

    /// <summary>The enumeration <c>network-socket-address-family-enum</c>: socket address families (<c>socket-ext.address_family</c>). Values as constants: <see cref="NetworkSocketAddressFamilyValues"/>.</summary>
    public static StixVocabulary NetworkSocketAddressFamily { get; } = new("network-socket-address-family-enum", false, [NetworkSocketAddressFamilyValues.AfUnspec, NetworkSocketAddressFamilyValues.AfInet, NetworkSocketAddressFamilyValues.AfIpx, NetworkSocketAddressFamilyValues.AfAppletalk, NetworkSocketAddressFamilyValues.AfNetbios, NetworkSocketAddressFamilyValues.AfInet6, NetworkSocketAddressFamilyValues.AfIrda, NetworkSocketAddressFamilyValues.AfBth]);

    /// <summary>The enumeration <c>network-socket-type-enum</c>: socket types (<c>socket-ext.socket_type</c>). Values as constants: <see cref="NetworkSocketTypeValues"/>.</summary>
    public static StixVocabulary NetworkSocketType { get; } = new("network-socket-type-enum", false, [NetworkSocketTypeValues.SockStream, NetworkSocketTypeValues.SockDgram, NetworkSocketTypeValues.SockRaw, NetworkSocketTypeValues.SockRdm, NetworkSocketTypeValues.SockSeqpacket]);

    /// <summary>The enumeration <c>opinion-enum</c>: opinion values (<c>opinion.opinion</c>). Values as constants: <see cref="OpinionValues"/>.</summary>
    public static StixVocabulary Opinion { get; } = new("opinion-enum", false, [OpinionValues.StronglyDisagree, OpinionValues.Disagree, OpinionValues.Neutral, OpinionValues.Agree, OpinionValues.StronglyAgree]);

    /// <summary>The open vocabulary <c>pattern-type-ov</c>: pattern languages (<c>indicator.pattern_type</c>). Values as constants: <see cref="PatternTypeValues"/>.</summary>
    public static StixVocabulary PatternType { get; } = new("pattern-type-ov", true, [PatternTypeValues.Stix, PatternTypeValues.Pcre, PatternTypeValues.Sigma, PatternTypeValues.Snort, PatternTypeValues.Suricata, PatternTypeValues.Yara]);

    /// <summary>The open vocabulary <c>processor-architecture-ov</c>: processor architectures (<c>malware.architecture_execution_envs</c>). Values as constants: <see cref="ProcessorArchitectureValues"/>.</summary>
    public static StixVocabulary ProcessorArchitecture { get; } = new("processor-architecture-ov", true, [ProcessorArchitectureValues.Alpha, ProcessorArchitectureValues.Arm, ProcessorArchitectureValues.IA64, ProcessorArchitectureValues.Mips, ProcessorArchitectureValues.Powerpc, ProcessorArchitectureValues.Sparc, ProcessorArchitectureValues.X86, ProcessorArchitectureValues.X86With64Bits]);

    /// <summary>The open vocabulary <c>region-ov</c>: world regions (<c>location.region</c>). Values as constants: <see cref="RegionValues"/>.</summary>
    public static StixVocabulary Region { get; } = new("region-ov", true, [RegionValues.Africa, RegionValues.EasternAfrica, RegionValues.MiddleAfrica, RegionValues.NorthernAfrica, RegionValues.SouthernAfrica, RegionValues.WesternAfrica, RegionValues.Americas, RegionValues.Caribbean, RegionValues.CentralAmerica, RegionValues.LatinAmericaCaribbean, RegionValues.NorthernAmerica, RegionValues.SouthAmerica, RegionValues.Asia, RegionValues.CentralAsia, RegionValues.EasternAsia, RegionValues.SouthernAsia, RegionValues.SouthEasternAsia, RegionValues.WesternAsia, RegionValues.Europe, RegionValues.EasternEurope, RegionValues.NorthernEurope, RegionValues.SouthernEurope, RegionValues.WesternEurope, RegionValues.Oceania, RegionValues.Antarctica, RegionValues.AustraliaNewZealand, RegionValues.Melanesia, RegionValues.Micronesia, RegionValues.Polynesia]);

    /// <summary>The open vocabulary <c>report-type-ov</c>: report types (<c>report.report_types</c>). Values as constants: <see cref="ReportTypeValues"/>.</summary>
    public static StixVocabulary ReportType { get; } = new("report-type-ov", true, [ReportTypeValues.AttackPattern, ReportTypeValues.Campaign, ReportTypeValues.Identity, ReportTypeValues.Indicator, ReportTypeValues.IntrusionSet, ReportTypeValues.Malware, ReportTypeValues.ObservedData, ReportTypeValues.ThreatActor, ReportTypeValues.ThreatReport, ReportTypeValues.Tool, ReportTypeValues.Vulnerability]);

    /// <summary>The open vocabulary <c>threat-actor-type-ov</c>: threat actor types (<c>threat-actor.threat_actor_types</c>). Values as constants: <see cref="ThreatActorTypeValues"/>.</summary>
    public static StixVocabulary ThreatActorType { get; } = new("threat-actor-type-ov", true, [ThreatActorTypeValues.Activist, ThreatActorTypeValues.Competitor, ThreatActorTypeValues.CrimeSyndicate, ThreatActorTypeValues.Criminal, ThreatActorTypeValues.Hacker, ThreatActorTypeValues.InsiderAccidental, ThreatActorTypeValues.InsiderDisgruntled, ThreatActorTypeValues.NationState, ThreatActorTypeValues.Sensationalist, ThreatActorTypeValues.Spy, ThreatActorTypeValues.Terrorist, ThreatActorTypeValues.Unknown]);

    /// <summary>The open vocabulary <c>threat-actor-role-ov</c>: threat actor roles (<c>threat-actor.roles</c>). Values as constants: <see cref="ThreatActorRoleValues"/>.</summary>
    public static StixVocabulary ThreatActorRole { get; } = new("threat-actor-role-ov", true, [ThreatActorRoleValues.Agent, ThreatActorRoleValues.Director, ThreatActorRoleValues.Independent, ThreatActorRoleValues.InfrastructureArchitect, ThreatActorRoleValues.InfrastructureOperator, ThreatActorRoleValues.MalwareAuthor, ThreatActorRoleValues.Sponsor]);

    /// <summary>The open vocabulary <c>threat-actor-sophistication-ov</c>: threat actor sophistication levels (<c>threat-actor.sophistication</c>). Values as constants: <see cref="ThreatActorSophisticationValues"/>.</summary>
    public static StixVocabulary ThreatActorSophistication { get; } = new("threat-actor-sophistication-ov", true, [ThreatActorSophisticationValues.None, ThreatActorSophisticationValues.Minimal, ThreatActorSophisticationValues.Intermediate, ThreatActorSophisticationValues.Advanced, ThreatActorSophisticationValues.Expert, ThreatActorSophisticationValues.Innovator, ThreatActorSophisticationValues.Strategic]);

    /// <summary>The open vocabulary <c>tool-type-ov</c>: tool types (<c>tool.tool_types</c>). Values as constants: <see cref="ToolTypeValues"/>.</summary>
    public static StixVocabulary ToolType { get; } = new("tool-type-ov", true, [ToolTypeValues.DenialOfService, ToolTypeValues.Exploitation, ToolTypeValues.InformationGathering, ToolTypeValues.NetworkCapture, ToolTypeValues.CredentialExploitation, ToolTypeValues.RemoteAccess, ToolTypeValues.VulnerabilityScanning, ToolTypeValues.Unknown]);

    /// <summary>The enumeration <c>windows-integrity-level-enum</c>: Windows integrity levels (<c>windows-process-ext.integrity_level</c>). Values as constants: <see cref="WindowsIntegrityLevelValues"/>.</summary>
    public static StixVocabulary WindowsIntegrityLevel { get; } = new("windows-integrity-level-enum", false, [WindowsIntegrityLevelValues.Low, WindowsIntegrityLevelValues.Medium, WindowsIntegrityLevelValues.High, WindowsIntegrityLevelValues.System]);

    /// <summary>The open vocabulary <c>windows-pebinary-type-ov</c>: Windows PE binary types (<c>windows-pebinary-ext.pe_type</c>). Values as constants: <see cref="WindowsPEBinaryTypeValues"/>.</summary>
    public static StixVocabulary WindowsPEBinaryType { get; } = new("windows-pebinary-type-ov", true, [WindowsPEBinaryTypeValues.Dll, WindowsPEBinaryTypeValues.Exe, WindowsPEBinaryTypeValues.Sys]);

    /// <summary>The enumeration <c>windows-registry-datatype-enum</c>: Windows registry value types (<c>windows-registry-value-type.data_type</c>). Values as constants: <see cref="WindowsRegistryDatatypeValues"/>.</summary>
    public static StixVocabulary WindowsRegistryDatatype { get; } = new("windows-registry-datatype-enum", false, [WindowsRegistryDatatypeValues.RegNone, WindowsRegistryDatatypeValues.RegSz, WindowsRegistryDatatypeValues.RegExpandSz, WindowsRegistryDatatypeValues.RegBinary, WindowsRegistryDatatypeValues.RegDword, WindowsRegistryDatatypeValues.RegDwordBigEndian, WindowsRegistryDatatypeValues.RegDwordLittleEndian, WindowsRegistryDatatypeValues.RegLink, WindowsRegistryDatatypeValues.RegMultiSz, WindowsRegistryDatatypeValues.RegResourceList, WindowsRegistryDatatypeValues.RegFullResourceDescription, WindowsRegistryDatatypeValues.RegResourceRequirementsList, WindowsRegistryDatatypeValues.RegQword, WindowsRegistryDatatypeValues.RegInvalidType]);

    /// <summary>The enumeration <c>windows-service-start-type-enum</c>: Windows service start types (<c>windows-service-ext.start_type</c>). Values as constants: <see cref="WindowsServiceStartTypeValues"/>.</summary>
    public static StixVocabulary WindowsServiceStartType { get; } = new("windows-service-start-type-enum", false, [WindowsServiceStartTypeValues.ServiceAutoStart, WindowsServiceStartTypeValues.ServiceBootStart, WindowsServiceStartTypeValues.ServiceDemandStart, WindowsServiceStartTypeValues.ServiceDisabled, WindowsServiceStartTypeValues.ServiceSystemAlert]);

    /// <summary>The enumeration <c>windows-service-type-enum</c>: Windows service types (<c>windows-service-ext.service_type</c>). Values as constants: <see cref="WindowsServiceTypeValues"/>.</summary>
    public static StixVocabulary WindowsServiceType { get; } = new("windows-service-type-enum", false, [WindowsServiceTypeValues.ServiceKernelDriver, WindowsServiceTypeValues.ServiceFileSystemDriver, WindowsServiceTypeValues.ServiceWin32OwnProcess, WindowsServiceTypeValues.ServiceWin32ShareProcess]);

    /// <summary>The enumeration <c>windows-service-status-enum</c>: Windows service states (<c>windows-service-ext.service_status</c>). Values as constants: <see cref="WindowsServiceStatusValues"/>.</summary>
    public static StixVocabulary WindowsServiceStatus { get; } = new("windows-service-status-enum", false, [WindowsServiceStatusValues.ServiceContinuePending, WindowsServiceStatusValues.ServicePausePending, WindowsServiceStatusValues.ServicePaused, WindowsServiceStatusValues.ServiceRunning, WindowsServiceStatusValues.ServiceStartPending, WindowsServiceStatusValues.ServiceStopPending, WindowsServiceStatusValues.ServiceStopped]);

    /// <summary>The enumeration <c>tlp-level (TLP 1.0 marking)</c>: TLP 1.0 levels of a <c>tlp</c> marking definition (<c>definition.tlp</c>). Values as constants: <see cref="TlpLevelValues"/>.</summary>
    public static StixVocabulary TlpLevel { get; } = new("tlp-level (TLP 1.0 marking)", false, [TlpLevelValues.White, TlpLevelValues.Green, TlpLevelValues.Amber, TlpLevelValues.Red]);

    /// <summary>The enumeration <c>tlp-2.0 (TLP 2.0 extension)</c>: TLP 2.0 levels of the TLP 2.0 marking extension (<c>tlp_2_0</c>). Values as constants: <see cref="Tlp2LevelValues"/>.</summary>
    public static StixVocabulary Tlp2Level { get; } = new("tlp-2.0 (TLP 2.0 extension)", false, [Tlp2LevelValues.Clear, Tlp2LevelValues.Green, Tlp2LevelValues.Amber, Tlp2LevelValues.AmberStrict, Tlp2LevelValues.Red]);

    /// <summary>All vocabularies and enumerations, by specification name (e.g. <c>indicator-type-ov</c>).</summary>
    public static FrozenDictionary<string, StixVocabulary> ByName { get; } = new[]
    {
        AccountType, AttackMotivation, AttackResourceLevel, EncryptionAlgorithm, ExtensionType, GroupingContext, HashingAlgorithm, IdentityClass, ImplementationLanguage, IndicatorType, IndustrySector, InfrastructureType, MalwareCapability, MalwareResult, MalwareType, NetworkSocketAddressFamily, NetworkSocketType, Opinion, PatternType, ProcessorArchitecture, Region, ReportType, ThreatActorType, ThreatActorRole, ThreatActorSophistication, ToolType, WindowsIntegrityLevel, WindowsPEBinaryType, WindowsRegistryDatatype, WindowsServiceStartType, WindowsServiceType, WindowsServiceStatus, TlpLevel, Tlp2Level,
    }.ToFrozenDictionary(v => v.Name, StringComparer.Ordinal);
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>account-type-ov</c>.</summary>
public static class AccountTypeValues
{
    /// <summary><c>facebook</c></summary>
    public const string Facebook = "facebook";

    /// <summary><c>ldap</c></summary>
    public const string Ldap = "ldap";

    /// <summary><c>nis</c></summary>
    public const string Nis = "nis";

    /// <summary><c>openid</c></summary>
    public const string Openid = "openid";

    /// <summary><c>radius</c></summary>
    public const string Radius = "radius";

    /// <summary><c>skype</c></summary>
    public const string Skype = "skype";

    /// <summary><c>tacacs</c></summary>
    public const string Tacacs = "tacacs";

    /// <summary><c>twitter</c></summary>
    public const string Twitter = "twitter";

    /// <summary><c>unix</c></summary>
    public const string Unix = "unix";

    /// <summary><c>windows-local</c></summary>
    public const string WindowsLocal = "windows-local";

    /// <summary><c>windows-domain</c></summary>
    public const string WindowsDomain = "windows-domain";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>attack-motivation-ov</c>.</summary>
public static class AttackMotivationValues
{
    /// <summary><c>accidental</c></summary>
    public const string Accidental = "accidental";

    /// <summary><c>coercion</c></summary>
    public const string Coercion = "coercion";

    /// <summary><c>dominance</c></summary>
    public const string Dominance = "dominance";

    /// <summary><c>ideology</c></summary>
    public const string Ideology = "ideology";

    /// <summary><c>notoriety</c></summary>
    public const string Notoriety = "notoriety";

    /// <summary><c>organizational-gain</c></summary>
    public const string OrganizationalGain = "organizational-gain";

    /// <summary><c>personal-gain</c></summary>
    public const string PersonalGain = "personal-gain";

    /// <summary><c>personal-satisfaction</c></summary>
    public const string PersonalSatisfaction = "personal-satisfaction";

    /// <summary><c>revenge</c></summary>
    public const string Revenge = "revenge";

    /// <summary><c>unpredictable</c></summary>
    public const string Unpredictable = "unpredictable";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>attack-resource-level-ov</c>.</summary>
public static class AttackResourceLevelValues
{
    /// <summary><c>individual</c></summary>
    public const string Individual = "individual";

    /// <summary><c>club</c></summary>
    public const string Club = "club";

    /// <summary><c>contest</c></summary>
    public const string Contest = "contest";

    /// <summary><c>team</c></summary>
    public const string Team = "team";

    /// <summary><c>organization</c></summary>
    public const string Organization = "organization";

    /// <summary><c>government</c></summary>
    public const string Government = "government";
}

/// <summary>The values of the STIX 2.1 enumeration <c>encryption-algorithm-enum</c>.</summary>
public static class EncryptionAlgorithmValues
{
    /// <summary><c>AES-256-GCM</c></summary>
    public const string Aes256Gcm = "AES-256-GCM";

    /// <summary><c>ChaCha20-Poly1305</c></summary>
    public const string Chacha20Poly1305 = "ChaCha20-Poly1305";

    /// <summary><c>mime-type-indicated</c></summary>
    public const string MimeTypeIndicated = "mime-type-indicated";
}

/// <summary>The values of the STIX 2.1 enumeration <c>extension-type-enum</c>.</summary>
public static class ExtensionTypeValues
{
    /// <summary><c>new-sdo</c></summary>
    public const string NewSdo = "new-sdo";

    /// <summary><c>new-sco</c></summary>
    public const string NewSco = "new-sco";

    /// <summary><c>new-sro</c></summary>
    public const string NewSro = "new-sro";

    /// <summary><c>property-extension</c></summary>
    public const string PropertyExtension = "property-extension";

    /// <summary><c>toplevel-property-extension</c></summary>
    public const string ToplevelPropertyExtension = "toplevel-property-extension";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>grouping-context-ov</c>.</summary>
public static class GroupingContextValues
{
    /// <summary><c>suspicious-activity</c></summary>
    public const string SuspiciousActivity = "suspicious-activity";

    /// <summary><c>malware-analysis</c></summary>
    public const string MalwareAnalysis = "malware-analysis";

    /// <summary><c>unspecified</c></summary>
    public const string Unspecified = "unspecified";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>hashing-algorithm-ov</c>.</summary>
public static class HashingAlgorithmValues
{
    /// <summary><c>MD5</c></summary>
    public const string Md5 = "MD5";

    /// <summary><c>SHA-1</c></summary>
    public const string Sha1 = "SHA-1";

    /// <summary><c>SHA-256</c></summary>
    public const string Sha256 = "SHA-256";

    /// <summary><c>SHA-512</c></summary>
    public const string Sha512 = "SHA-512";

    /// <summary><c>SHA3-256</c></summary>
    public const string Sha3With256 = "SHA3-256";

    /// <summary><c>SHA3-512</c></summary>
    public const string Sha3With512 = "SHA3-512";

    /// <summary><c>SSDEEP</c></summary>
    public const string Ssdeep = "SSDEEP";

    /// <summary><c>TLSH</c></summary>
    public const string Tlsh = "TLSH";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>identity-class-ov</c>.</summary>
public static class IdentityClassValues
{
    /// <summary><c>individual</c></summary>
    public const string Individual = "individual";

    /// <summary><c>group</c></summary>
    public const string Group = "group";

    /// <summary><c>system</c></summary>
    public const string System = "system";

    /// <summary><c>organization</c></summary>
    public const string Organization = "organization";

    /// <summary><c>class</c></summary>
    public const string Class = "class";

    /// <summary><c>unknown</c></summary>
    public const string Unknown = "unknown";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>implementation-language-ov</c>.</summary>
public static class ImplementationLanguageValues
{
    /// <summary><c>applescript</c></summary>
    public const string Applescript = "applescript";

    /// <summary><c>bash</c></summary>
    public const string Bash = "bash";

    /// <summary><c>c</c></summary>
    public const string C = "c";

    /// <summary><c>c++</c></summary>
    public const string CPlusPlus = "c++";

    /// <summary><c>c#</c></summary>
    public const string CSharp = "c#";

    /// <summary><c>go</c></summary>
    public const string Go = "go";

    /// <summary><c>java</c></summary>
    public const string Java = "java";

    /// <summary><c>javascript</c></summary>
    public const string Javascript = "javascript";

    /// <summary><c>lua</c></summary>
    public const string Lua = "lua";

    /// <summary><c>objective-c</c></summary>
    public const string ObjectiveC = "objective-c";

    /// <summary><c>perl</c></summary>
    public const string Perl = "perl";

    /// <summary><c>php</c></summary>
    public const string Php = "php";

    /// <summary><c>powershell</c></summary>
    public const string Powershell = "powershell";

    /// <summary><c>python</c></summary>
    public const string Python = "python";

    /// <summary><c>ruby</c></summary>
    public const string Ruby = "ruby";

    /// <summary><c>scala</c></summary>
    public const string Scala = "scala";

    /// <summary><c>swift</c></summary>
    public const string Swift = "swift";

    /// <summary><c>typescript</c></summary>
    public const string Typescript = "typescript";

    /// <summary><c>visual-basic</c></summary>
    public const string VisualBasic = "visual-basic";

    /// <summary><c>x86-32</c></summary>
    public const string X86With32Bits = "x86-32";

    /// <summary><c>x86-64</c></summary>
    public const string X86With64Bits = "x86-64";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>indicator-type-ov</c>.</summary>
public static class IndicatorTypeValues
{
    /// <summary><c>anomalous-activity</c></summary>
    public const string AnomalousActivity = "anomalous-activity";

    /// <summary><c>anonymization</c></summary>
    public const string Anonymization = "anonymization";

    /// <summary><c>benign</c></summary>
    public const string Benign = "benign";

    /// <summary><c>compromised</c></summary>
    public const string Compromised = "compromised";

    /// <summary><c>malicious-activity</c></summary>
    public const string MaliciousActivity = "malicious-activity";

    /// <summary><c>attribution</c></summary>
    public const string Attribution = "attribution";

    /// <summary><c>unknown</c></summary>
    public const string Unknown = "unknown";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>industry-sector-ov</c>.</summary>
public static class IndustrySectorValues
{
    /// <summary><c>agriculture</c></summary>
    public const string Agriculture = "agriculture";

    /// <summary><c>aerospace</c></summary>
    public const string Aerospace = "aerospace";

    /// <summary><c>automotive</c></summary>
    public const string Automotive = "automotive";

    /// <summary><c>chemical</c></summary>
    public const string Chemical = "chemical";

    /// <summary><c>commercial</c></summary>
    public const string Commercial = "commercial";

    /// <summary><c>communications</c></summary>
    public const string Communications = "communications";

    /// <summary><c>construction</c></summary>
    public const string Construction = "construction";

    /// <summary><c>defense</c></summary>
    public const string Defense = "defense";

    /// <summary><c>education</c></summary>
    public const string Education = "education";

    /// <summary><c>energy</c></summary>
    public const string Energy = "energy";

    /// <summary><c>engineering</c></summary>
    public const string Engineering = "engineering";

    /// <summary><c>entertainment</c></summary>
    public const string Entertainment = "entertainment";

    /// <summary><c>financial-services</c></summary>
    public const string FinancialServices = "financial-services";

    /// <summary><c>government</c></summary>
    public const string Government = "government";

    /// <summary><c>emergency-services</c></summary>
    public const string EmergencyServices = "emergency-services";

    /// <summary><c>government-local</c></summary>
    public const string GovernmentLocal = "government-local";

    /// <summary><c>government-national</c></summary>
    public const string GovernmentNational = "government-national";

    /// <summary><c>government-public-services</c></summary>
    public const string GovernmentPublicServices = "government-public-services";

    /// <summary><c>government-regional</c></summary>
    public const string GovernmentRegional = "government-regional";

    /// <summary><c>healthcare</c></summary>
    public const string Healthcare = "healthcare";

    /// <summary><c>hospitality-leisure</c></summary>
    public const string HospitalityLeisure = "hospitality-leisure";

    /// <summary><c>infrastructure</c></summary>
    public const string Infrastructure = "infrastructure";

    /// <summary><c>dams</c></summary>
    public const string Dams = "dams";

    /// <summary><c>nuclear</c></summary>
    public const string Nuclear = "nuclear";

    /// <summary><c>water</c></summary>
    public const string Water = "water";

    /// <summary><c>insurance</c></summary>
    public const string Insurance = "insurance";

    /// <summary><c>manufacturing</c></summary>
    public const string Manufacturing = "manufacturing";

    /// <summary><c>mining</c></summary>
    public const string Mining = "mining";

    /// <summary><c>non-profit</c></summary>
    public const string NonProfit = "non-profit";

    /// <summary><c>pharmaceuticals</c></summary>
    public const string Pharmaceuticals = "pharmaceuticals";

    /// <summary><c>retail</c></summary>
    public const string Retail = "retail";

    /// <summary><c>technology</c></summary>
    public const string Technology = "technology";

    /// <summary><c>telecommunications</c></summary>
    public const string Telecommunications = "telecommunications";

    /// <summary><c>transportation</c></summary>
    public const string Transportation = "transportation";

    /// <summary><c>utilities</c></summary>
    public const string Utilities = "utilities";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>infrastructure-type-ov</c>.</summary>
public static class InfrastructureTypeValues
{
    /// <summary><c>amplification</c></summary>
    public const string Amplification = "amplification";

    /// <summary><c>anonymization</c></summary>
    public const string Anonymization = "anonymization";

    /// <summary><c>botnet</c></summary>
    public const string Botnet = "botnet";

    /// <summary><c>command-and-control</c></summary>
    public const string CommandAndControl = "command-and-control";

    /// <summary><c>control-system</c></summary>
    public const string ControlSystem = "control-system";

    /// <summary><c>exfiltration</c></summary>
    public const string Exfiltration = "exfiltration";

    /// <summary><c>firewall</c></summary>
    public const string Firewall = "firewall";

    /// <summary><c>hosting-malware</c></summary>
    public const string HostingMalware = "hosting-malware";

    /// <summary><c>hosting-target-lists</c></summary>
    public const string HostingTargetLists = "hosting-target-lists";

    /// <summary><c>phishing</c></summary>
    public const string Phishing = "phishing";

    /// <summary><c>reconnaissance</c></summary>
    public const string Reconnaissance = "reconnaissance";

    /// <summary><c>routers-switches</c></summary>
    public const string RoutersSwitches = "routers-switches";

    /// <summary><c>staging</c></summary>
    public const string Staging = "staging";

    /// <summary><c>workstation</c></summary>
    public const string Workstation = "workstation";

    /// <summary><c>unknown</c></summary>
    public const string Unknown = "unknown";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>malware-capabilities-ov</c>.</summary>
public static class MalwareCapabilityValues
{
    /// <summary><c>accesses-remote-machines</c></summary>
    public const string AccessesRemoteMachines = "accesses-remote-machines";

    /// <summary><c>anti-debugging</c></summary>
    public const string AntiDebugging = "anti-debugging";

    /// <summary><c>anti-disassembly</c></summary>
    public const string AntiDisassembly = "anti-disassembly";

    /// <summary><c>anti-emulation</c></summary>
    public const string AntiEmulation = "anti-emulation";

    /// <summary><c>anti-memory-forensics</c></summary>
    public const string AntiMemoryForensics = "anti-memory-forensics";

    /// <summary><c>anti-sandbox</c></summary>
    public const string AntiSandbox = "anti-sandbox";

    /// <summary><c>anti-vm</c></summary>
    public const string AntiVm = "anti-vm";

    /// <summary><c>captures-input-peripherals</c></summary>
    public const string CapturesInputPeripherals = "captures-input-peripherals";

    /// <summary><c>captures-output-peripherals</c></summary>
    public const string CapturesOutputPeripherals = "captures-output-peripherals";

    /// <summary><c>captures-system-state-data</c></summary>
    public const string CapturesSystemStateData = "captures-system-state-data";

    /// <summary><c>cleans-traces-of-infection</c></summary>
    public const string CleansTracesOfInfection = "cleans-traces-of-infection";

    /// <summary><c>commits-fraud</c></summary>
    public const string CommitsFraud = "commits-fraud";

    /// <summary><c>communicates-with-c2</c></summary>
    public const string CommunicatesWithC2 = "communicates-with-c2";

    /// <summary><c>compromises-data-availability</c></summary>
    public const string CompromisesDataAvailability = "compromises-data-availability";

    /// <summary><c>compromises-data-integrity</c></summary>
    public const string CompromisesDataIntegrity = "compromises-data-integrity";

    /// <summary><c>compromises-system-availability</c></summary>
    public const string CompromisesSystemAvailability = "compromises-system-availability";

    /// <summary><c>controls-local-machine</c></summary>
    public const string ControlsLocalMachine = "controls-local-machine";

    /// <summary><c>degrades-security-software</c></summary>
    public const string DegradesSecuritySoftware = "degrades-security-software";

    /// <summary><c>degrades-system-updates</c></summary>
    public const string DegradesSystemUpdates = "degrades-system-updates";

    /// <summary><c>determines-c2-server</c></summary>
    public const string DeterminesC2Server = "determines-c2-server";

    /// <summary><c>emails-spam</c></summary>
    public const string EmailsSpam = "emails-spam";

    /// <summary><c>escalates-privileges</c></summary>
    public const string EscalatesPrivileges = "escalates-privileges";

    /// <summary><c>evades-av</c></summary>
    public const string EvadesAv = "evades-av";

    /// <summary><c>exfiltrates-data</c></summary>
    public const string ExfiltratesData = "exfiltrates-data";

    /// <summary><c>fingerprints-host</c></summary>
    public const string FingerprintsHost = "fingerprints-host";

    /// <summary><c>hides-artifacts</c></summary>
    public const string HidesArtifacts = "hides-artifacts";

    /// <summary><c>hides-executing-code</c></summary>
    public const string HidesExecutingCode = "hides-executing-code";

    /// <summary><c>infects-files</c></summary>
    public const string InfectsFiles = "infects-files";

    /// <summary><c>infects-remote-machines</c></summary>
    public const string InfectsRemoteMachines = "infects-remote-machines";

    /// <summary><c>installs-other-components</c></summary>
    public const string InstallsOtherComponents = "installs-other-components";

    /// <summary><c>persists-after-system-reboot</c></summary>
    public const string PersistsAfterSystemReboot = "persists-after-system-reboot";

    /// <summary><c>prevents-artifact-access</c></summary>
    public const string PreventsArtifactAccess = "prevents-artifact-access";

    /// <summary><c>prevents-artifact-deletion</c></summary>
    public const string PreventsArtifactDeletion = "prevents-artifact-deletion";

    /// <summary><c>probes-network-environment</c></summary>
    public const string ProbesNetworkEnvironment = "probes-network-environment";

    /// <summary><c>self-modifies</c></summary>
    public const string SelfModifies = "self-modifies";

    /// <summary><c>steals-authentication-credentials</c></summary>
    public const string StealsAuthenticationCredentials = "steals-authentication-credentials";

    /// <summary><c>violates-system-operational-integrity</c></summary>
    public const string ViolatesSystemOperationalIntegrity = "violates-system-operational-integrity";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>malware-result-ov</c>.</summary>
public static class MalwareResultValues
{
    /// <summary><c>malicious</c></summary>
    public const string Malicious = "malicious";

    /// <summary><c>suspicious</c></summary>
    public const string Suspicious = "suspicious";

    /// <summary><c>benign</c></summary>
    public const string Benign = "benign";

    /// <summary><c>unknown</c></summary>
    public const string Unknown = "unknown";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>malware-type-ov</c>.</summary>
public static class MalwareTypeValues
{
    /// <summary><c>adware</c></summary>
    public const string Adware = "adware";

    /// <summary><c>backdoor</c></summary>
    public const string Backdoor = "backdoor";

    /// <summary><c>bot</c></summary>
    public const string Bot = "bot";

    /// <summary><c>bootkit</c></summary>
    public const string Bootkit = "bootkit";

    /// <summary><c>ddos</c></summary>
    public const string Ddos = "ddos";

    /// <summary><c>downloader</c></summary>
    public const string Downloader = "downloader";

    /// <summary><c>dropper</c></summary>
    public const string Dropper = "dropper";

    /// <summary><c>exploit-kit</c></summary>
    public const string ExploitKit = "exploit-kit";

    /// <summary><c>keylogger</c></summary>
    public const string Keylogger = "keylogger";

    /// <summary><c>ransomware</c></summary>
    public const string Ransomware = "ransomware";

    /// <summary><c>remote-access-trojan</c></summary>
    public const string RemoteAccessTrojan = "remote-access-trojan";

    /// <summary><c>resource-exploitation</c></summary>
    public const string ResourceExploitation = "resource-exploitation";

    /// <summary><c>rogue-security-software</c></summary>
    public const string RogueSecuritySoftware = "rogue-security-software";

    /// <summary><c>rootkit</c></summary>
    public const string Rootkit = "rootkit";

    /// <summary><c>screen-capture</c></summary>
    public const string ScreenCapture = "screen-capture";

    /// <summary><c>spyware</c></summary>
    public const string Spyware = "spyware";

    /// <summary><c>trojan</c></summary>
    public const string Trojan = "trojan";

    /// <summary><c>unknown</c></summary>
    public const string Unknown = "unknown";

    /// <summary><c>virus</c></summary>
    public const string Virus = "virus";

    /// <summary><c>webshell</c></summary>
    public const string Webshell = "webshell";

    /// <summary><c>wiper</c></summary>
    public const string Wiper = "wiper";

    /// <summary><c>worm</c></summary>
    public const string Worm = "worm";
}

/// <summary>The values of the STIX 2.1 enumeration <c>network-socket-address-family-enum</c>.</summary>
public static class NetworkSocketAddressFamilyValues
{
    /// <summary><c>AF_UNSPEC</c></summary>
    public const string AfUnspec = "AF_UNSPEC";

    /// <summary><c>AF_INET</c></summary>
    public const string AfInet = "AF_INET";

    /// <summary><c>AF_IPX</c></summary>
    public const string AfIpx = "AF_IPX";

    /// <summary><c>AF_APPLETALK</c></summary>
    public const string AfAppletalk = "AF_APPLETALK";

    /// <summary><c>AF_NETBIOS</c></summary>
    public const string AfNetbios = "AF_NETBIOS";

    /// <summary><c>AF_INET6</c></summary>
    public const string AfInet6 = "AF_INET6";

    /// <summary><c>AF_IRDA</c></summary>
    public const string AfIrda = "AF_IRDA";

    /// <summary><c>AF_BTH</c></summary>
    public const string AfBth = "AF_BTH";
}

/// <summary>The values of the STIX 2.1 enumeration <c>network-socket-type-enum</c>.</summary>
public static class NetworkSocketTypeValues
{
    /// <summary><c>SOCK_STREAM</c></summary>
    public const string SockStream = "SOCK_STREAM";

    /// <summary><c>SOCK_DGRAM</c></summary>
    public const string SockDgram = "SOCK_DGRAM";

    /// <summary><c>SOCK_RAW</c></summary>
    public const string SockRaw = "SOCK_RAW";

    /// <summary><c>SOCK_RDM</c></summary>
    public const string SockRdm = "SOCK_RDM";

    /// <summary><c>SOCK_SEQPACKET</c></summary>
    public const string SockSeqpacket = "SOCK_SEQPACKET";
}

/// <summary>The values of the STIX 2.1 enumeration <c>opinion-enum</c>.</summary>
public static class OpinionValues
{
    /// <summary><c>strongly-disagree</c></summary>
    public const string StronglyDisagree = "strongly-disagree";

    /// <summary><c>disagree</c></summary>
    public const string Disagree = "disagree";

    /// <summary><c>neutral</c></summary>
    public const string Neutral = "neutral";

    /// <summary><c>agree</c></summary>
    public const string Agree = "agree";

    /// <summary><c>strongly-agree</c></summary>
    public const string StronglyAgree = "strongly-agree";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>pattern-type-ov</c>.</summary>
public static class PatternTypeValues
{
    /// <summary><c>stix</c></summary>
    public const string Stix = "stix";

    /// <summary><c>pcre</c></summary>
    public const string Pcre = "pcre";

    /// <summary><c>sigma</c></summary>
    public const string Sigma = "sigma";

    /// <summary><c>snort</c></summary>
    public const string Snort = "snort";

    /// <summary><c>suricata</c></summary>
    public const string Suricata = "suricata";

    /// <summary><c>yara</c></summary>
    public const string Yara = "yara";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>processor-architecture-ov</c>.</summary>
public static class ProcessorArchitectureValues
{
    /// <summary><c>alpha</c></summary>
    public const string Alpha = "alpha";

    /// <summary><c>arm</c></summary>
    public const string Arm = "arm";

    /// <summary><c>ia-64</c></summary>
    public const string IA64 = "ia-64";

    /// <summary><c>mips</c></summary>
    public const string Mips = "mips";

    /// <summary><c>powerpc</c></summary>
    public const string Powerpc = "powerpc";

    /// <summary><c>sparc</c></summary>
    public const string Sparc = "sparc";

    /// <summary><c>x86</c></summary>
    public const string X86 = "x86";

    /// <summary><c>x86-64</c></summary>
    public const string X86With64Bits = "x86-64";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>region-ov</c>.</summary>
public static class RegionValues
{
    /// <summary><c>africa</c></summary>
    public const string Africa = "africa";

    /// <summary><c>eastern-africa</c></summary>
    public const string EasternAfrica = "eastern-africa";

    /// <summary><c>middle-africa</c></summary>
    public const string MiddleAfrica = "middle-africa";

    /// <summary><c>northern-africa</c></summary>
    public const string NorthernAfrica = "northern-africa";

    /// <summary><c>southern-africa</c></summary>
    public const string SouthernAfrica = "southern-africa";

    /// <summary><c>western-africa</c></summary>
    public const string WesternAfrica = "western-africa";

    /// <summary><c>americas</c></summary>
    public const string Americas = "americas";

    /// <summary><c>caribbean</c></summary>
    public const string Caribbean = "caribbean";

    /// <summary><c>central-america</c></summary>
    public const string CentralAmerica = "central-america";

    /// <summary><c>latin-america-caribbean</c></summary>
    public const string LatinAmericaCaribbean = "latin-america-caribbean";

    /// <summary><c>northern-america</c></summary>
    public const string NorthernAmerica = "northern-america";

    /// <summary><c>south-america</c></summary>
    public const string SouthAmerica = "south-america";

    /// <summary><c>asia</c></summary>
    public const string Asia = "asia";

    /// <summary><c>central-asia</c></summary>
    public const string CentralAsia = "central-asia";

    /// <summary><c>eastern-asia</c></summary>
    public const string EasternAsia = "eastern-asia";

    /// <summary><c>southern-asia</c></summary>
    public const string SouthernAsia = "southern-asia";

    /// <summary><c>south-eastern-asia</c></summary>
    public const string SouthEasternAsia = "south-eastern-asia";

    /// <summary><c>western-asia</c></summary>
    public const string WesternAsia = "western-asia";

    /// <summary><c>europe</c></summary>
    public const string Europe = "europe";

    /// <summary><c>eastern-europe</c></summary>
    public const string EasternEurope = "eastern-europe";

    /// <summary><c>northern-europe</c></summary>
    public const string NorthernEurope = "northern-europe";

    /// <summary><c>southern-europe</c></summary>
    public const string SouthernEurope = "southern-europe";

    /// <summary><c>western-europe</c></summary>
    public const string WesternEurope = "western-europe";

    /// <summary><c>oceania</c></summary>
    public const string Oceania = "oceania";

    /// <summary><c>antarctica</c></summary>
    public const string Antarctica = "antarctica";

    /// <summary><c>australia-new-zealand</c></summary>
    public const string AustraliaNewZealand = "australia-new-zealand";

    /// <summary><c>melanesia</c></summary>
    public const string Melanesia = "melanesia";

    /// <summary><c>micronesia</c></summary>
    public const string Micronesia = "micronesia";

    /// <summary><c>polynesia</c></summary>
    public const string Polynesia = "polynesia";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>report-type-ov</c>.</summary>
public static class ReportTypeValues
{
    /// <summary><c>attack-pattern</c></summary>
    public const string AttackPattern = "attack-pattern";

    /// <summary><c>campaign</c></summary>
    public const string Campaign = "campaign";

    /// <summary><c>identity</c></summary>
    public const string Identity = "identity";

    /// <summary><c>indicator</c></summary>
    public const string Indicator = "indicator";

    /// <summary><c>intrusion-set</c></summary>
    public const string IntrusionSet = "intrusion-set";

    /// <summary><c>malware</c></summary>
    public const string Malware = "malware";

    /// <summary><c>observed-data</c></summary>
    public const string ObservedData = "observed-data";

    /// <summary><c>threat-actor</c></summary>
    public const string ThreatActor = "threat-actor";

    /// <summary><c>threat-report</c></summary>
    public const string ThreatReport = "threat-report";

    /// <summary><c>tool</c></summary>
    public const string Tool = "tool";

    /// <summary><c>vulnerability</c></summary>
    public const string Vulnerability = "vulnerability";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>threat-actor-type-ov</c>.</summary>
public static class ThreatActorTypeValues
{
    /// <summary><c>activist</c></summary>
    public const string Activist = "activist";

    /// <summary><c>competitor</c></summary>
    public const string Competitor = "competitor";

    /// <summary><c>crime-syndicate</c></summary>
    public const string CrimeSyndicate = "crime-syndicate";

    /// <summary><c>criminal</c></summary>
    public const string Criminal = "criminal";

    /// <summary><c>hacker</c></summary>
    public const string Hacker = "hacker";

    /// <summary><c>insider-accidental</c></summary>
    public const string InsiderAccidental = "insider-accidental";

    /// <summary><c>insider-disgruntled</c></summary>
    public const string InsiderDisgruntled = "insider-disgruntled";

    /// <summary><c>nation-state</c></summary>
    public const string NationState = "nation-state";

    /// <summary><c>sensationalist</c></summary>
    public const string Sensationalist = "sensationalist";

    /// <summary><c>spy</c></summary>
    public const string Spy = "spy";

    /// <summary><c>terrorist</c></summary>
    public const string Terrorist = "terrorist";

    /// <summary><c>unknown</c></summary>
    public const string Unknown = "unknown";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>threat-actor-role-ov</c>.</summary>
public static class ThreatActorRoleValues
{
    /// <summary><c>agent</c></summary>
    public const string Agent = "agent";

    /// <summary><c>director</c></summary>
    public const string Director = "director";

    /// <summary><c>independent</c></summary>
    public const string Independent = "independent";

    /// <summary><c>infrastructure-architect</c></summary>
    public const string InfrastructureArchitect = "infrastructure-architect";

    /// <summary><c>infrastructure-operator</c></summary>
    public const string InfrastructureOperator = "infrastructure-operator";

    /// <summary><c>malware-author</c></summary>
    public const string MalwareAuthor = "malware-author";

    /// <summary><c>sponsor</c></summary>
    public const string Sponsor = "sponsor";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>threat-actor-sophistication-ov</c>.</summary>
public static class ThreatActorSophisticationValues
{
    /// <summary><c>none</c></summary>
    public const string None = "none";

    /// <summary><c>minimal</c></summary>
    public const string Minimal = "minimal";

    /// <summary><c>intermediate</c></summary>
    public const string Intermediate = "intermediate";

    /// <summary><c>advanced</c></summary>
    public const string Advanced = "advanced";

    /// <summary><c>expert</c></summary>
    public const string Expert = "expert";

    /// <summary><c>innovator</c></summary>
    public const string Innovator = "innovator";

    /// <summary><c>strategic</c></summary>
    public const string Strategic = "strategic";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>tool-type-ov</c>.</summary>
public static class ToolTypeValues
{
    /// <summary><c>denial-of-service</c></summary>
    public const string DenialOfService = "denial-of-service";

    /// <summary><c>exploitation</c></summary>
    public const string Exploitation = "exploitation";

    /// <summary><c>information-gathering</c></summary>
    public const string InformationGathering = "information-gathering";

    /// <summary><c>network-capture</c></summary>
    public const string NetworkCapture = "network-capture";

    /// <summary><c>credential-exploitation</c></summary>
    public const string CredentialExploitation = "credential-exploitation";

    /// <summary><c>remote-access</c></summary>
    public const string RemoteAccess = "remote-access";

    /// <summary><c>vulnerability-scanning</c></summary>
    public const string VulnerabilityScanning = "vulnerability-scanning";

    /// <summary><c>unknown</c></summary>
    public const string Unknown = "unknown";
}

/// <summary>The values of the STIX 2.1 enumeration <c>windows-integrity-level-enum</c>.</summary>
public static class WindowsIntegrityLevelValues
{
    /// <summary><c>low</c></summary>
    public const string Low = "low";

    /// <summary><c>medium</c></summary>
    public const string Medium = "medium";

    /// <summary><c>high</c></summary>
    public const string High = "high";

    /// <summary><c>system</c></summary>
    public const string System = "system";
}

/// <summary>The values of the STIX 2.1 open vocabulary <c>windows-pebinary-type-ov</c>.</summary>
public static class WindowsPEBinaryTypeValues
{
    /// <summary><c>dll</c></summary>
    public const string Dll = "dll";

    /// <summary><c>exe</c></summary>
    public const string Exe = "exe";

    /// <summary><c>sys</c></summary>
    public const string Sys = "sys";
}

/// <summary>The values of the STIX 2.1 enumeration <c>windows-registry-datatype-enum</c>.</summary>
public static class WindowsRegistryDatatypeValues
{
    /// <summary><c>REG_NONE</c></summary>
    public const string RegNone = "REG_NONE";

    /// <summary><c>REG_SZ</c></summary>
    public const string RegSz = "REG_SZ";

    /// <summary><c>REG_EXPAND_SZ</c></summary>
    public const string RegExpandSz = "REG_EXPAND_SZ";

    /// <summary><c>REG_BINARY</c></summary>
    public const string RegBinary = "REG_BINARY";

    /// <summary><c>REG_DWORD</c></summary>
    public const string RegDword = "REG_DWORD";

    /// <summary><c>REG_DWORD_BIG_ENDIAN</c></summary>
    public const string RegDwordBigEndian = "REG_DWORD_BIG_ENDIAN";

    /// <summary><c>REG_DWORD_LITTLE_ENDIAN</c></summary>
    public const string RegDwordLittleEndian = "REG_DWORD_LITTLE_ENDIAN";

    /// <summary><c>REG_LINK</c></summary>
    public const string RegLink = "REG_LINK";

    /// <summary><c>REG_MULTI_SZ</c></summary>
    public const string RegMultiSz = "REG_MULTI_SZ";

    /// <summary><c>REG_RESOURCE_LIST</c></summary>
    public const string RegResourceList = "REG_RESOURCE_LIST";

    /// <summary><c>REG_FULL_RESOURCE_DESCRIPTION</c></summary>
    public const string RegFullResourceDescription = "REG_FULL_RESOURCE_DESCRIPTION";

    /// <summary><c>REG_RESOURCE_REQUIREMENTS_LIST</c></summary>
    public const string RegResourceRequirementsList = "REG_RESOURCE_REQUIREMENTS_LIST";

    /// <summary><c>REG_QWORD</c></summary>
    public const string RegQword = "REG_QWORD";

    /// <summary><c>REG_INVALID_TYPE</c></summary>
    public const string RegInvalidType = "REG_INVALID_TYPE";
}

/// <summary>The values of the STIX 2.1 enumeration <c>windows-service-start-type-enum</c>.</summary>
public static class WindowsServiceStartTypeValues
{
    /// <summary><c>SERVICE_AUTO_START</c></summary>
    public const string ServiceAutoStart = "SERVICE_AUTO_START";

    /// <summary><c>SERVICE_BOOT_START</c></summary>
    public const string ServiceBootStart = "SERVICE_BOOT_START";

    /// <summary><c>SERVICE_DEMAND_START</c></summary>
    public const string ServiceDemandStart = "SERVICE_DEMAND_START";

    /// <summary><c>SERVICE_DISABLED</c></summary>
    public const string ServiceDisabled = "SERVICE_DISABLED";

    /// <summary><c>SERVICE_SYSTEM_ALERT</c></summary>
    public const string ServiceSystemAlert = "SERVICE_SYSTEM_ALERT";
}

/// <summary>The values of the STIX 2.1 enumeration <c>windows-service-type-enum</c>.</summary>
public static class WindowsServiceTypeValues
{
    /// <summary><c>SERVICE_KERNEL_DRIVER</c></summary>
    public const string ServiceKernelDriver = "SERVICE_KERNEL_DRIVER";

    /// <summary><c>SERVICE_FILE_SYSTEM_DRIVER</c></summary>
    public const string ServiceFileSystemDriver = "SERVICE_FILE_SYSTEM_DRIVER";

    /// <summary><c>SERVICE_WIN32_OWN_PROCESS</c></summary>
    public const string ServiceWin32OwnProcess = "SERVICE_WIN32_OWN_PROCESS";

    /// <summary><c>SERVICE_WIN32_SHARE_PROCESS</c></summary>
    public const string ServiceWin32ShareProcess = "SERVICE_WIN32_SHARE_PROCESS";
}

/// <summary>The values of the STIX 2.1 enumeration <c>windows-service-status-enum</c>.</summary>
public static class WindowsServiceStatusValues
{
    /// <summary><c>SERVICE_CONTINUE_PENDING</c></summary>
    public const string ServiceContinuePending = "SERVICE_CONTINUE_PENDING";

    /// <summary><c>SERVICE_PAUSE_PENDING</c></summary>
    public const string ServicePausePending = "SERVICE_PAUSE_PENDING";

    /// <summary><c>SERVICE_PAUSED</c></summary>
    public const string ServicePaused = "SERVICE_PAUSED";

    /// <summary><c>SERVICE_RUNNING</c></summary>
    public const string ServiceRunning = "SERVICE_RUNNING";

    /// <summary><c>SERVICE_START_PENDING</c></summary>
    public const string ServiceStartPending = "SERVICE_START_PENDING";

    /// <summary><c>SERVICE_STOP_PENDING</c></summary>
    public const string ServiceStopPending = "SERVICE_STOP_PENDING";

    /// <summary><c>SERVICE_STOPPED</c></summary>
    public const string ServiceStopped = "SERVICE_STOPPED";
}

/// <summary>The values of the STIX 2.1 enumeration <c>tlp-level (TLP 1.0 marking)</c>.</summary>
public static class TlpLevelValues
{
    /// <summary><c>white</c></summary>
    public const string White = "white";

    /// <summary><c>green</c></summary>
    public const string Green = "green";

    /// <summary><c>amber</c></summary>
    public const string Amber = "amber";

    /// <summary><c>red</c></summary>
    public const string Red = "red";
}

/// <summary>The values of the STIX 2.1 enumeration <c>tlp-2.0 (TLP 2.0 extension)</c>.</summary>
public static class Tlp2LevelValues
{
    /// <summary><c>clear</c></summary>
    public const string Clear = "clear";

    /// <summary><c>green</c></summary>
    public const string Green = "green";

    /// <summary><c>amber</c></summary>
    public const string Amber = "amber";

    /// <summary><c>amber+strict</c></summary>
    public const string AmberStrict = "amber+strict";

    /// <summary><c>red</c></summary>
    public const string Red = "red";
}
