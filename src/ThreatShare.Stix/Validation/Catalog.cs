using System.Collections.Frozen;
using ThreatShare.Stix.Vocabularies;
using V = ThreatShare.Stix.Vocabularies.StixVocabularies;

namespace ThreatShare.Stix.Validation;

/// <summary>
/// The rules of STIX 2.1 as data: one descriptor per object type (19 SDOs, 2 SROs, 18 SCOs, meta objects,
/// the bundle), per nested type and per predefined extension. Built once; the <see cref="Engine"/> walks them.
/// </summary>
/// <remarks>Fields are initialised in textual order, so every descriptor is declared before it is used.</remarks>
internal static class Catalog
{
    public static readonly string[] SdoTypes =
    [
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator", "infrastructure",
        "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data", "opinion", "report",
        "threat-actor", "tool", "vulnerability",
    ];

    public static readonly string[] ScoTypes =
    [
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file", "ipv4-addr",
        "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url", "user-account",
        "windows-registry-key", "x509-certificate",
    ];

    public static readonly FrozenDictionary<string, string> TlpIds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["white"] = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
        ["green"] = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
        ["amber"] = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
        ["red"] = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // ---- reference targets ----
    private static readonly RefTarget ToIdentity = To("identity");
    private static readonly RefTarget ToMarking = To("marking-definition");
    private static readonly RefTarget ToAnything = new("any STIX object", [], allowCustomTypes: true);
    private static readonly RefTarget ToSdo = new("a domain object (SDO)", SdoTypes, allowCustomTypes: true);
    private static readonly RefTarget ToSco = new("a cyber-observable object (SCO)", ScoTypes, allowCustomTypes: true);
    private static readonly RefTarget ToSdoOrSco = new("a domain or cyber-observable object", [.. SdoTypes, .. ScoTypes], allowCustomTypes: true);
    private static readonly RefTarget ToScoOrSro = new("a cyber-observable object or a relationship", [.. ScoTypes, "relationship"], allowCustomTypes: true);
    private static readonly RefTarget ToAnyKnown = new("a STIX object", [.. SdoTypes, .. ScoTypes, "relationship", "sighting", "marking-definition", "language-content", "extension-definition"], allowCustomTypes: true);

    // ---- nested types ----
    public static readonly ObjectDescriptor KillChainPhase = Part("kill-chain-phase",
        [Req(Str("kill_chain_name")), Req(Str("phase_name"))],
        [Checks.LowercaseHyphenated("kill_chain_name", error: false), Checks.LowercaseHyphenated("phase_name", error: false)]);

    public static readonly ObjectDescriptor ExternalReference = Part("external-reference",
        [Req(Str("source_name")), Str("description"), new("url", PropertyKind.Url), new("hashes", PropertyKind.Hashes), Str("external_id")],
        [Checks.AtLeastOne("description", "url", "external_id"), Checks.ExternalReferenceIds]);

    public static readonly ObjectDescriptor GranularMarkingType = Part("granular-marking",
        [List(Str("selectors")) with { Required = true }, new("lang", PropertyKind.LanguageTag), Ref("marking_ref", ToMarking)],
        [Checks.GranularMarking]);

    public static readonly ObjectDescriptor StatementMarking = Part("statement marking", [Req(Str("statement"))], []);

    public static readonly ObjectDescriptor TlpMarking = Part("tlp marking", [Req(Vocab("tlp", V.TlpLevel))], []);

    // ---- common properties ----
    private static readonly PropertyRule[] CommonSdo =
    [
        Req(new("type", PropertyKind.Any)),
        Req(new("spec_version", PropertyKind.SpecVersion)),
        Req(new("id", PropertyKind.Id)),
        Ref("created_by_ref", ToIdentity),
        Req(Ts("created") with { MinPrecision = 3 }),
        Req(Ts("modified") with { MinPrecision = 3 }),
        Bool("revoked"),
        List(Str("labels")),
        Int("confidence", 0, 100),
        new("lang", PropertyKind.LanguageTag),
        List(Obj("external_references", ExternalReference)),
        List(Ref("object_marking_refs", ToMarking)),
        List(Obj("granular_markings", GranularMarkingType)),
        new("extensions", PropertyKind.Extensions),
    ];

    private static readonly ObjectCheck[] CommonSdoChecks = [Checks.Order("created", "modified", strict: false), Checks.Selectors];

    private static readonly PropertyRule[] CommonSco =
    [
        Req(new("type", PropertyKind.Any)),
        new("spec_version", PropertyKind.SpecVersion),
        Req(new("id", PropertyKind.Id)),
        List(Ref("object_marking_refs", ToMarking)),
        List(Obj("granular_markings", GranularMarkingType)),
        Bool("defanged"),
        new("extensions", PropertyKind.Extensions),
    ];

    private static readonly FrozenSet<string> CommonScoNames = CommonSco.Select(r => r.Name).ToFrozenSet(StringComparer.Ordinal);

    // ---- SCO sub-types and predefined extensions ----
    private static readonly ObjectDescriptor AlternateDataStream = Part("alternate-data-stream",
        [Req(Str("name")), new("hashes", PropertyKind.Hashes), Int("size", 0)], []);

    private static readonly ObjectDescriptor PeSection = Part("windows-pe-section",
        [Req(Str("name")), Int("size", 0), Num("entropy"), new("hashes", PropertyKind.Hashes)], []);

    private static readonly ObjectDescriptor PeOptionalHeader = Part("windows-pe-optional-header",
    [
        Hex("magic_hex"), Int("major_linker_version"), Int("minor_linker_version"), Int("size_of_code", 0),
        Int("size_of_initialized_data", 0), Int("size_of_uninitialized_data", 0), Int("address_of_entry_point"),
        Int("base_of_code"), Int("base_of_data"), Int("image_base"), Int("section_alignment"), Int("file_alignment"),
        Int("major_os_version"), Int("minor_os_version"), Int("major_image_version"), Int("minor_image_version"),
        Int("major_subsystem_version"), Int("minor_subsystem_version"), Hex("win32_version_value_hex"),
        Int("size_of_image", 0), Int("size_of_headers", 0), Hex("checksum_hex"), Hex("subsystem_hex"),
        Hex("dll_characteristics_hex"), Int("size_of_stack_reserve", 0), Int("size_of_stack_commit", 0),
        Int("size_of_heap_reserve", 0), Int("size_of_heap_commit", 0), Hex("loader_flags_hex"),
        Int("number_of_rva_and_sizes"), new("hashes", PropertyKind.Hashes),
    ], []);

    private static readonly ObjectDescriptor MimePart = Part("email-mime-part",
        [Str("body"), Ref("body_raw_ref", To("artifact", "file")), Str("content_type"), Str("content_disposition")],
        [Checks.ExactlyOne("body", "body_raw_ref")]);

    private static readonly ObjectDescriptor RegistryValue = Part("windows-registry-value",
        [Str("name"), Str("data"), Vocab("data_type", V.WindowsRegistryDatatype)], []);

    private static readonly ObjectDescriptor X509Extensions = Part("x509-v3-extensions",
    [
        Str("basic_constraints"), Str("name_constraints"), Str("policy_constraints"), Str("key_usage"),
        Str("extended_key_usage"), Str("subject_key_identifier"), Str("authority_key_identifier"),
        Str("subject_alternative_name"), Str("issuer_alternative_name"), Str("subject_directory_attributes"),
        Str("crl_distribution_points"), Str("inhibit_any_policy"), Ts("private_key_usage_period_not_before"),
        Ts("private_key_usage_period_not_after"), Str("certificate_policies"), Str("policy_mappings"),
    ], [Checks.Order("private_key_usage_period_not_before", "private_key_usage_period_not_after", strict: false)]);

    private static readonly ObjectDescriptor ArchiveExt = Part("archive-ext",
        [List(Ref("contains_refs", To("file", "directory"))) with { Required = true }, Str("comment")], []);

    private static readonly ObjectDescriptor NtfsExt = Part("ntfs-ext",
        [Str("sid"), List(Obj("alternate_data_streams", AlternateDataStream))],
        [Checks.AtLeastOne("sid", "alternate_data_streams")]);

    private static readonly ObjectDescriptor PdfExt = Part("pdf-ext",
        [Str("version"), Bool("is_optimized"), Dict("document_info_dict"), Str("pdfid0"), Str("pdfid1")],
        [Checks.AtLeastOne("version", "is_optimized", "document_info_dict", "pdfid0", "pdfid1")]);

    private static readonly ObjectDescriptor RasterImageExt = Part("raster-image-ext",
        [Int("image_height", 0), Int("image_width", 0), Int("bits_per_pixel", 0), Dict("exif_tags")],
        [Checks.AtLeastOne("image_height", "image_width", "bits_per_pixel", "exif_tags")]);

    private static readonly ObjectDescriptor PeBinaryExt = Part("windows-pebinary-ext",
    [
        Req(Vocab("pe_type", V.WindowsPEBinaryType)), Str("imphash"), Hex("machine_hex"), Int("number_of_sections", 0),
        Ts("time_date_stamp"), Hex("pointer_to_symbol_table_hex"), Int("number_of_symbols", 0),
        Int("size_of_optional_header", 0), Hex("characteristics_hex"), new("file_header_hashes", PropertyKind.Hashes),
        Obj("optional_header", PeOptionalHeader), List(Obj("sections", PeSection)),
    ], []);

    private static readonly ObjectDescriptor HttpRequestExt = Part("http-request-ext",
    [
        Req(Str("request_method")), Req(Str("request_value")), Str("request_version"), Dict("request_header"),
        Int("message_body_length", 0), Ref("message_body_data_ref", To("artifact")),
    ], []);

    private static readonly ObjectDescriptor IcmpExt = Part("icmp-ext", [Req(Hex("icmp_type_hex")), Req(Hex("icmp_code_hex"))], []);

    private static readonly ObjectDescriptor SocketExt = Part("socket-ext",
    [
        Req(Vocab("address_family", V.NetworkSocketAddressFamily)), Bool("is_blocking"), Bool("is_listening"),
        Dict("options"), Vocab("socket_type", V.NetworkSocketType), Int("socket_descriptor", 0), Int("socket_handle"),
    ], []);

    private static readonly ObjectDescriptor TcpExt = Part("tcp-ext", [Hex("src_flags_hex"), Hex("dst_flags_hex")],
        [Checks.AtLeastOne("src_flags_hex", "dst_flags_hex")]);

    private static readonly ObjectDescriptor UnixAccountExt = Part("unix-account-ext",
        [Int("gid"), List(Str("groups")), Str("home_dir"), Str("shell")],
        [Checks.AtLeastOne("gid", "groups", "home_dir", "shell")]);

    private static readonly ObjectDescriptor WindowsProcessExt = Part("windows-process-ext",
    [
        Bool("aslr_enabled"), Bool("dep_enabled"), Str("priority"), Str("owner_sid"), Str("window_title"),
        Dict("startup_info"), Vocab("integrity_level", V.WindowsIntegrityLevel),
    ], []);

    private static readonly ObjectDescriptor WindowsServiceExt = Part("windows-service-ext",
    [
        Str("service_name"), List(Str("descriptions")), Str("display_name"), Str("group_name"),
        Vocab("start_type", V.WindowsServiceStartType), List(Ref("service_dll_refs", To("file"))),
        Vocab("service_type", V.WindowsServiceType), Vocab("service_status", V.WindowsServiceStatus),
    ], []);

    /// <summary>The predefined SCO extensions, with the one SCO type each applies to.</summary>
    public static readonly FrozenDictionary<string, (string Owner, ObjectDescriptor Descriptor)> PredefinedExtensions =
        new Dictionary<string, (string, ObjectDescriptor)>(StringComparer.Ordinal)
        {
            ["archive-ext"] = ("file", ArchiveExt),
            ["ntfs-ext"] = ("file", NtfsExt),
            ["pdf-ext"] = ("file", PdfExt),
            ["raster-image-ext"] = ("file", RasterImageExt),
            ["windows-pebinary-ext"] = ("file", PeBinaryExt),
            ["http-request-ext"] = ("network-traffic", HttpRequestExt),
            ["icmp-ext"] = ("network-traffic", IcmpExt),
            ["socket-ext"] = ("network-traffic", SocketExt),
            ["tcp-ext"] = ("network-traffic", TcpExt),
            ["unix-account-ext"] = ("user-account", UnixAccountExt),
            ["windows-process-ext"] = ("process", WindowsProcessExt),
            ["windows-service-ext"] = ("process", WindowsServiceExt),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    // ---- custom object types ----
    public static readonly ObjectDescriptor CustomObject = Top("custom object", ObjectCategory.Sdo, CommonSdo, [], CommonSdoChecks);

    public static readonly ObjectDescriptor ExtensionDefinedSdo = Top("extension-defined domain object", ObjectCategory.Sdo, CommonSdo, [], CommonSdoChecks);

    public static readonly ObjectDescriptor ExtensionDefinedSro = Top("extension-defined relationship object", ObjectCategory.Sro, CommonSdo, [], CommonSdoChecks);

    public static readonly ObjectDescriptor ExtensionDefinedSco = Top("extension-defined cyber-observable", ObjectCategory.Sco, CommonSco, [], [Checks.Selectors]);

    // ---- every STIX 2.1 type ----
    public static readonly FrozenDictionary<string, ObjectDescriptor> ByType = BuildTypes().ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    private static IEnumerable<ObjectDescriptor> BuildTypes()
    {
        var seen = Checks.Order("first_seen", "last_seen", strict: false);
        var motivation = Vocab("primary_motivation", V.AttackMotivation);
        var secondary = List(Vocab("secondary_motivations", V.AttackMotivation));

        yield return Sdo("attack-pattern", [Req(Str("name")), Str("description"), List(Str("aliases")), List(Obj("kill_chain_phases", KillChainPhase))]);
        yield return Sdo("campaign", [Req(Str("name")), Str("description"), List(Str("aliases")), Ts("first_seen"), Ts("last_seen"), Str("objective")], seen);
        yield return Sdo("course-of-action",
        [
            Req(Str("name")), Str("description"),
            new("action_type", PropertyKind.Reserved), new("os_execution_envs", PropertyKind.Reserved),
            new("action_bin", PropertyKind.Reserved), new("action_reference", PropertyKind.Reserved),
        ]);
        yield return Sdo("grouping", [Str("name"), Str("description"), Req(Vocab("context", V.GroupingContext)), Req(List(Ref("object_refs", ToAnyKnown)))]);
        yield return Sdo("identity",
        [
            Req(Str("name")), Str("description"), List(Str("roles")), Vocab("identity_class", V.IdentityClass),
            List(Vocab("sectors", V.IndustrySector)), Str("contact_information"),
        ]);
        yield return Sdo("incident", [Req(Str("name")), Str("description"), List(Obj("kill_chain_phases", KillChainPhase))]);
        yield return Sdo("indicator",
        [
            Str("name"), Str("description"), List(Vocab("indicator_types", V.IndicatorType)), Req(Str("pattern")),
            Req(Vocab("pattern_type", V.PatternType)), Str("pattern_version"), Req(Ts("valid_from")), Ts("valid_until"),
            List(Obj("kill_chain_phases", KillChainPhase)),
        ], Checks.Order("valid_from", "valid_until", strict: true), Checks.Pattern);
        yield return Sdo("infrastructure",
        [
            Req(Str("name")), Str("description"), List(Vocab("infrastructure_types", V.InfrastructureType)), List(Str("aliases")),
            List(Obj("kill_chain_phases", KillChainPhase)), Ts("first_seen"), Ts("last_seen"),
        ], seen);
        yield return Sdo("intrusion-set",
        [
            Req(Str("name")), Str("description"), List(Str("aliases")), Ts("first_seen"), Ts("last_seen"), List(Str("goals")),
            Vocab("resource_level", V.AttackResourceLevel), motivation, secondary,
        ], seen);
        yield return Sdo("location",
        [
            Str("name"), Str("description"), Num("latitude", -90, 90), Num("longitude", -180, 180), Num("precision", 0),
            Vocab("region", V.Region), Str("country"), Str("administrative_area"), Str("city"), Str("street_address"), Str("postal_code"),
        ], Checks.Location, Checks.CountryCode);
        yield return Sdo("malware",
        [
            Str("name"), Str("description"), List(Vocab("malware_types", V.MalwareType)), Req(Bool("is_family")), List(Str("aliases")),
            List(Obj("kill_chain_phases", KillChainPhase)), Ts("first_seen"), Ts("last_seen"),
            List(Ref("operating_system_refs", To("software"))), List(Vocab("architecture_execution_envs", V.ProcessorArchitecture)),
            List(Vocab("implementation_languages", V.ImplementationLanguage)), List(Vocab("capabilities", V.MalwareCapability)),
            List(Ref("sample_refs", To("file", "artifact"))),
        ], seen, Checks.MalwareFamilyName);
        yield return Sdo("malware-analysis",
        [
            Req(Str("product")), Str("version"), Ref("host_vm_ref", To("software")), Ref("operating_system_ref", To("software")),
            List(Ref("installed_software_refs", To("software"))), Str("configuration_version"), List(Str("modules")),
            Str("analysis_engine_version"), Str("analysis_definition_version"), Ts("submitted"), Ts("analysis_started"),
            Ts("analysis_ended"), Str("result_name"), Vocab("result", V.MalwareResult), List(Ref("analysis_sco_refs", ToSco)),
            Ref("sample_ref", To("file", "artifact", "network-traffic")),
        ], Checks.AtLeastOne("result", "analysis_sco_refs"), Checks.Order("analysis_started", "analysis_ended", strict: false));
        yield return Sdo("note", [Str("abstract"), Req(Str("content")), List(Str("authors")), Req(List(Ref("object_refs", ToAnyKnown)))]);
        yield return Sdo("observed-data",
        [
            Req(Ts("first_observed")), Req(Ts("last_observed")), Req(Int("number_observed", 1, 999_999_999)),
            Dict("objects") with { Deprecated = "'objects' is deprecated in STIX 2.1: use 'object_refs'" },
            List(Ref("object_refs", ToScoOrSro)),
        ], Checks.Order("first_observed", "last_observed", strict: false), Checks.ExactlyOne("objects", "object_refs"), Checks.ObservedObjects);
        yield return Sdo("opinion", [Str("explanation"), List(Str("authors")), Req(Vocab("opinion", V.Opinion)), Req(List(Ref("object_refs", ToAnyKnown)))]);
        yield return Sdo("report",
        [
            Req(Str("name")), Str("description"), List(Vocab("report_types", V.ReportType)), Req(Ts("published")),
            Req(List(Ref("object_refs", ToAnyKnown))),
        ]);
        yield return Sdo("threat-actor",
        [
            Req(Str("name")), Str("description"), List(Vocab("threat_actor_types", V.ThreatActorType)), List(Str("aliases")),
            Ts("first_seen"), Ts("last_seen"), List(Vocab("roles", V.ThreatActorRole)), List(Str("goals")),
            Vocab("sophistication", V.ThreatActorSophistication), Vocab("resource_level", V.AttackResourceLevel), motivation,
            secondary, List(Vocab("personal_motivations", V.AttackMotivation)),
        ], seen);
        yield return Sdo("tool",
        [
            Req(Str("name")), Str("description"), List(Vocab("tool_types", V.ToolType)), List(Str("aliases")),
            List(Obj("kill_chain_phases", KillChainPhase)), Str("tool_version"),
        ]);
        yield return Sdo("vulnerability", [Req(Str("name")), Str("description")]);

        yield return Top("relationship", ObjectCategory.Sro, CommonSdo,
        [
            Req(Str("relationship_type")), Str("description"), Req(Ref("source_ref", ToSdoOrSco)), Req(Ref("target_ref", ToSdoOrSco)),
            Ts("start_time"), Ts("stop_time"),
        ], [.. CommonSdoChecks, Checks.Order("start_time", "stop_time", strict: true), Checks.LowercaseHyphenated("relationship_type", error: true)]);
        yield return Top("sighting", ObjectCategory.Sro, CommonSdo,
        [
            Str("description"), Ts("first_seen"), Ts("last_seen"), Int("count", 0, 999_999_999), Req(Ref("sighting_of_ref", ToSdo)),
            List(Ref("observed_data_refs", To("observed-data"))), List(Ref("where_sighted_refs", To("identity", "location"))),
            Bool("summary"),
        ], [.. CommonSdoChecks, seen]);

        // Meta objects.
        yield return Top("marking-definition", ObjectCategory.Meta,
        [
            Req(new("type", PropertyKind.Any)), Req(new("spec_version", PropertyKind.SpecVersion)), Req(new("id", PropertyKind.Id)),
            Ref("created_by_ref", ToIdentity), Req(Ts("created") with { MinPrecision = 3 }), List(Obj("external_references", ExternalReference)),
            List(Ref("object_marking_refs", ToMarking)), List(Obj("granular_markings", GranularMarkingType)),
            new("extensions", PropertyKind.Extensions), Str("name"), Str("definition_type"), new("definition", PropertyKind.Any),
        ], [], [Checks.MarkingDefinition, Checks.Selectors]);
        yield return Top("language-content", ObjectCategory.Meta, CommonSdo,
            [Req(Ref("object_ref", ToAnything)), Ts("object_modified"), Req(Dict("contents"))],
            [.. CommonSdoChecks, Checks.LanguageContents]);
        yield return Top("extension-definition", ObjectCategory.Meta, CommonSdo,
        [
            Req(Ref("created_by_ref", ToIdentity)), Req(Str("name")), Str("description"), Req(Str("schema")), Req(Str("version")),
            Req(List(Vocab("extension_types", V.ExtensionType))), List(Str("extension_properties")),
        ], [.. CommonSdoChecks, Checks.ExtensionDefinition]);

        // Cyber-observables.
        yield return Sco("artifact",
        [
            Str("mime_type"), new("payload_bin", PropertyKind.Binary), new("url", PropertyKind.Url), new("hashes", PropertyKind.Hashes),
            Vocab("encryption_algorithm", V.EncryptionAlgorithm), Str("decryption_key"),
        ], Checks.NotBoth("payload_bin", "url", "'payload_bin' and 'url' must not both be present"), Checks.Requires("url", "hashes"),
            Checks.Requires("decryption_key", "encryption_algorithm"), Checks.MediaType);
        yield return Sco("autonomous-system", [Req(Int("number", 0, uint.MaxValue)), Str("name"), Str("rir")]);
        yield return Sco("directory",
            [Req(Str("path")), Str("path_enc"), Ts("ctime"), Ts("mtime"), Ts("atime"), List(Ref("contains_refs", To("file", "directory")))]);
        yield return Sco("domain-name", [Req(Str("value")), List(Ref("resolves_to_refs", To("ipv4-addr", "ipv6-addr", "domain-name")))]);
        yield return Sco("email-addr", [Req(Str("value")), Str("display_name"), Ref("belongs_to_ref", To("user-account"))]);
        yield return Sco("email-message",
        [
            Req(Bool("is_multipart")), Ts("date"), Str("content_type"), Ref("from_ref", To("email-addr")), Ref("sender_ref", To("email-addr")),
            List(Ref("to_refs", To("email-addr"))), List(Ref("cc_refs", To("email-addr"))), List(Ref("bcc_refs", To("email-addr"))),
            Str("message_id"), Str("subject"), List(Str("received_lines")), Dict("additional_header_fields"), Str("body"),
            List(Obj("body_multipart", MimePart)), Ref("raw_email_ref", To("artifact")),
        ], Checks.EmailBody);
        yield return Sco("file",
        [
            new("hashes", PropertyKind.Hashes), Int("size", 0), Str("name"), Str("name_enc"), Hex("magic_number_hex"), Str("mime_type"),
            Ts("ctime"), Ts("mtime"), Ts("atime"), Ref("parent_directory_ref", To("directory")), List(Ref("contains_refs", ToSco)),
            Ref("content_ref", To("artifact")),
        ], Checks.AtLeastOne("hashes", "name"), Checks.MediaType);
        yield return Sco("ipv4-addr",
            [Req(Str("value")), List(Ref("resolves_to_refs", To("mac-addr"))), List(Ref("belongs_to_refs", To("autonomous-system")))], IPv4Value);
        yield return Sco("ipv6-addr",
            [Req(Str("value")), List(Ref("resolves_to_refs", To("mac-addr"))), List(Ref("belongs_to_refs", To("autonomous-system")))], IPv6Value);
        yield return Sco("mac-addr", [Req(Str("value"))], MacAddress);
        yield return Sco("mutex", [Req(Str("name"))]);
        yield return Sco("network-traffic",
        [
            Ts("start"), Ts("end"), Bool("is_active"), Ref("src_ref", To("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name")),
            Ref("dst_ref", To("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name")), Int("src_port", 0, 65535), Int("dst_port", 0, 65535),
            Req(List(Str("protocols"))), Int("src_byte_count", 0), Int("dst_byte_count", 0), Int("src_packets", 0), Int("dst_packets", 0),
            Dict("ipfix"), Ref("src_payload_ref", To("artifact")), Ref("dst_payload_ref", To("artifact")),
            List(Ref("encapsulates_refs", To("network-traffic"))), Ref("encapsulated_by_ref", To("network-traffic")),
        ], Checks.AtLeastOne("src_ref", "dst_ref"), Checks.Order("start", "end", strict: false), Checks.ActiveTrafficHasNoEnd, Checks.LowercaseProtocols);
        yield return Sco("process",
        [
            Bool("is_hidden"), Int("pid"), Ts("created_time"), Str("cwd"), Str("command_line"), Dict("environment_variables"),
            List(Ref("opened_connection_refs", To("network-traffic"))), Ref("creator_user_ref", To("user-account")),
            Ref("image_ref", To("file")), Ref("parent_ref", To("process")), List(Ref("child_refs", To("process"))),
        ], Checks.AnyOwnProperty(CommonScoNames));
        yield return Sco("software", [Req(Str("name")), Str("cpe"), Str("swid"), List(Str("languages")), Str("vendor"), Str("version")]);
        yield return Sco("url", [Req(Str("value"))]);
        yield return Sco("user-account",
        [
            Str("user_id"), Str("credential"), Str("account_login"), Vocab("account_type", V.AccountType), Str("display_name"),
            Bool("is_service_account"), Bool("is_privileged"), Bool("can_escalate_privs"), Bool("is_disabled"), Ts("account_created"),
            Ts("account_expires"), Ts("credential_last_changed"), Ts("account_first_login"), Ts("account_last_login"),
        ]);
        yield return Sco("windows-registry-key",
        [
            Str("key"), List(Obj("values", RegistryValue)), Ts("modified_time"), Ref("creator_user_ref", To("user-account")),
            Int("number_of_subkeys", 0),
        ], Checks.AnyOwnProperty(CommonScoNames));
        yield return Sco("x509-certificate",
        [
            Bool("is_self_signed"), new("hashes", PropertyKind.Hashes), Str("version"), Str("serial_number"), Str("signature_algorithm"),
            Str("issuer"), Ts("validity_not_before"), Ts("validity_not_after"), Str("subject"), Str("subject_public_key_algorithm"),
            Str("subject_public_key_modulus"), Int("subject_public_key_exponent", 0), Obj("x509_v3_extensions", X509Extensions),
        ], Checks.AnyOwnProperty(CommonScoNames), Checks.Order("validity_not_before", "validity_not_after", strict: false));
    }

    /// <summary>The bundle envelope.</summary>
    public static readonly ObjectDescriptor Bundle = new("bundle", ObjectCategory.Bundle,
    [
        Req(new("type", PropertyKind.Any)), Req(new("id", PropertyKind.Id)), List(new PropertyRule("objects", PropertyKind.StixObject)),
        new("spec_version", PropertyKind.Any),
    ], [Checks.BundleSpecVersion], UnknownPropertyPolicy.Custom);

    // ---- builders ----
    private static RefTarget To(params string[] types) =>
        new(types.Length == 1 ? types[0] : string.Join(", ", types[..^1]) + " or " + types[^1], types, allowCustomTypes: false);

    private static PropertyRule Str(string name) => new(name, PropertyKind.String);

    private static PropertyRule Ts(string name) => new(name, PropertyKind.Timestamp);

    private static PropertyRule Bool(string name) => new(name, PropertyKind.Boolean);

    private static PropertyRule Hex(string name) => new(name, PropertyKind.Hex);

    private static PropertyRule Dict(string name) => new(name, PropertyKind.Dictionary);

    private static PropertyRule Int(string name, long min = long.MinValue, long max = long.MaxValue) =>
        new(name, PropertyKind.Integer) { MinInteger = min, MaxInteger = max };

    private static PropertyRule Num(string name, double min = double.MinValue, double max = double.MaxValue) =>
        new(name, PropertyKind.Number) { MinNumber = min, MaxNumber = max };

    private static PropertyRule Ref(string name, RefTarget target) => new(name, PropertyKind.Identifier) { Target = target };

    private static PropertyRule Vocab(string name, StixVocabulary vocabulary) => new(name, PropertyKind.Vocabulary) { Vocabulary = vocabulary };

    private static PropertyRule Obj(string name, ObjectDescriptor nested) => new(name, PropertyKind.Object) { Nested = nested };

    private static PropertyRule List(PropertyRule rule) => rule with { IsList = true };

    private static PropertyRule Req(PropertyRule rule) => rule with { Required = true };

    private static ObjectDescriptor Part(string name, PropertyRule[] rules, ObjectCheck[] checks) =>
        new(name, ObjectCategory.Part, rules, checks, UnknownPropertyPolicy.Warn);

    private static ObjectDescriptor Top(string name, ObjectCategory category, PropertyRule[] common, PropertyRule[] own, ObjectCheck[] checks) =>
        new(name, category, [.. common, .. own], checks, UnknownPropertyPolicy.Custom);

    private static ObjectDescriptor Sdo(string name, PropertyRule[] own, params ObjectCheck[] checks) =>
        Top(name, ObjectCategory.Sdo, CommonSdo, own, [.. CommonSdoChecks, .. checks]);

    private static ObjectDescriptor Sco(string name, PropertyRule[] own, params ObjectCheck[] checks) =>
        Top(name, ObjectCategory.Sco, CommonSco, own, [Checks.Selectors, .. checks]);

    private static void IPv4Value(in ObjectView obj, ValidationContext ctx)
    {
        if (StringValue(obj) is { } text && !IPText.IsIPv4OrCidr(text))
        {
            ctx.ErrorAt("value", $"'{text}' must be an IPv4 address or CIDR block in dotted-decimal form (e.g. 198.51.100.3 or 198.51.100.0/24)");
        }
    }

    private static void IPv6Value(in ObjectView obj, ValidationContext ctx)
    {
        if (StringValue(obj) is { } text && !IPText.IsIPv6OrCidr(text))
        {
            ctx.ErrorAt("value", $"'{text}' must be an IPv6 address or CIDR block (e.g. 2001:db8::1 or 2001:db8::/32)");
        }
    }

    private static string? StringValue(in ObjectView obj) =>
        obj.TryGet("value", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? JsonText.SafeGetString(value) : null;

    private static void MacAddress(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("value", out var value) || value.ValueKind != System.Text.Json.JsonValueKind.String ||
            JsonText.SafeGetString(value) is not { } text)
        {
            return;
        }
        bool ok = text.Length == 17;
        for (int i = 0; ok && i < text.Length; i++)
        {
            ok = i % 3 == 2 ? text[i] == ':' : char.IsAsciiDigit(text[i]) || text[i] is >= 'a' and <= 'f';
        }
        if (!ok)
        {
            ctx.ErrorAt("value", $"'{text}' must be a MAC address in lowercase, colon-separated form (e.g. d2:fb:49:24:37:18)");
        }
    }
}
