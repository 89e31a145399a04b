using System.Text.Json;

namespace ThreatShare.Stix.Tests.Observables;

/// <summary>One object of each SCO type built in code, with most properties and every predefined extension set.</summary>
internal static class ConstructedObservables
{
    private static readonly StixTimestamp T1 = StixTimestamp.Parse("2016-01-20T14:11:25.55Z");
    private static readonly StixTimestamp T2 = StixTimestamp.Parse("2016-07-22T16:08:28Z");

    private static StixIdentifier Ref(string type, int n) =>
        StixIdentifier.Parse(type + "--" + new Guid(n, 1, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 1).ToString("D"));

    private static Dictionary<string, string> Sha256(string value) => new(StringComparer.Ordinal) { ["SHA-256"] = value };

    private static JsonElement Json(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    public static TheoryData<string> All => new(Types);

    public static readonly string[] Types =
    [
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file", "ipv4-addr",
        "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url", "user-account",
        "windows-registry-key", "x509-certificate",
    ];

    public static StixCyberObservable Create(string type) => type switch
    {
        "artifact" => new Artifact
        {
            Id = default, SpecVersion = "2.1", MimeType = "application/zip", PayloadBin = "UEsDBAoAAAAAAA==",
            Hashes = Sha256("aa"), EncryptionAlgorithm = "mime-type-indicated", DecryptionKey = "infected",
        }.WithComputedId(),
        "autonomous-system" => new AutonomousSystem { Id = default, Number = 64496, Name = "Example AS", Rir = "RIPE" }.WithComputedId(),
        "directory" => new StixDirectory
        {
            Id = default, Path = "/var/tmp", PathEnc = "utf-8", Ctime = T1, Mtime = T2, Atime = T2,
            ContainsRefs = [Ref("file", 1)],
        }.WithComputedId(),
        "domain-name" => new DomainName { Id = default, Value = "example.org", ResolvesToRefs = [Ref("ipv4-addr", 2)], Defanged = false }.WithComputedId(),
        "email-addr" => new EmailAddress { Id = default, Value = "soc@example.org", DisplayName = "SOC", BelongsToRef = Ref("user-account", 3) }.WithComputedId(),
        "email-message" => new EmailMessage
        {
            Id = default, IsMultipart = true, Date = T1, ContentType = "multipart/mixed", FromRef = Ref("email-addr", 4),
            SenderRef = Ref("email-addr", 5), ToRefs = [Ref("email-addr", 6)], CcRefs = [Ref("email-addr", 7)],
            BccRefs = [Ref("email-addr", 8)], MessageId = "<abc@example.org>", Subject = "Invoice",
            ReceivedLines = ["from a by b"],
            AdditionalHeaderFields = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                ["X-Mailer"] = Json("\"Mutt\""),
                ["X-Tag"] = Json("[\"a\",\"b\"]"),
            },
            BodyMultipart =
            [
                new EmailMimePart { Body = "see attached", ContentType = "text/plain", ContentDisposition = "inline" },
                new EmailMimePart { BodyRawRef = Ref("artifact", 9), ContentType = "application/zip" },
            ],
            RawEmailRef = Ref("artifact", 10),
        }.WithComputedId(),
        "file" => new StixFile
        {
            Id = default, Hashes = Sha256("bb"), Size = 5_000_000_000, Name = "invoice.pdf.exe", NameEnc = "utf-8",
            MagicNumberHex = "4D5A", MimeType = "application/x-dosexec", Ctime = T1, Mtime = T1, Atime = T2,
            ParentDirectoryRef = Ref("directory", 11), ContainsRefs = [Ref("file", 12)], ContentRef = Ref("artifact", 13),
            Extensions = new Dictionary<string, StixExtension>(StringComparer.Ordinal)
            {
                [ArchiveExtension.ExtensionName] = new ArchiveExtension { ContainsRefs = [Ref("file", 14)], Comment = "c" },
                [NtfsExtension.ExtensionName] = new NtfsExtension
                {
                    Sid = "S-1-5-18",
                    AlternateDataStreams = [new AlternateDataStream { Name = "Zone.Identifier", Size = 26, Hashes = Sha256("cc") }],
                },
                [PdfExtension.ExtensionName] = new PdfExtension
                {
                    Version = "1.4", IsOptimized = true, Pdfid0 = "AA", Pdfid1 = "BB",
                    DocumentInfoDict = new Dictionary<string, string>(StringComparer.Ordinal) { ["Title"] = "t" },
                },
                [RasterImageExtension.ExtensionName] = new RasterImageExtension
                {
                    ImageHeight = 10, ImageWidth = 20, BitsPerPixel = 24,
                    ExifTags = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["Make"] = Json("\"Acme\""), ["XResolution"] = Json("300") },
                },
                [WindowsPEBinaryExtension.ExtensionName] = new WindowsPEBinaryExtension
                {
                    PeType = "dll", Imphash = "1c2e", MachineHex = "8664", NumberOfSections = 1, TimeDateStamp = T2,
                    PointerToSymbolTableHex = "00", NumberOfSymbols = 0, SizeOfOptionalHeader = 240, CharacteristicsHex = "2022",
                    FileHeaderHashes = Sha256("dd"),
                    OptionalHeader = new WindowsPEOptionalHeader
                    {
                        MagicHex = "020b", MajorLinkerVersion = 14, MinorLinkerVersion = 0, SizeOfCode = 512,
                        SizeOfInitializedData = 1024, SizeOfUninitializedData = 0, AddressOfEntryPoint = 4096,
                        BaseOfCode = 4096, BaseOfData = 8192, ImageBase = 6442450944, SectionAlignment = 4096,
                        FileAlignment = 512, MajorOsVersion = 6, MinorOsVersion = 0, MajorImageVersion = 0,
                        MinorImageVersion = 0, MajorSubsystemVersion = 6, MinorSubsystemVersion = 0,
                        Win32VersionValueHex = "00", SizeOfImage = 8192, SizeOfHeaders = 1024, ChecksumHex = "00",
                        SubsystemHex = "02", DllCharacteristicsHex = "8160", SizeOfStackReserve = 1048576,
                        SizeOfStackCommit = 4096, SizeOfHeapReserve = 1048576, SizeOfHeapCommit = 4096,
                        LoaderFlagsHex = "00", NumberOfRvaAndSizes = 16, Hashes = Sha256("ee"),
                    },
                    Sections = [new WindowsPESection { Name = ".text", Size = 512, Entropy = 6.25, Hashes = Sha256("ff") }],
                },
            },
        }.WithComputedId(),
        "ipv4-addr" => new IPv4Address { Id = default, Value = "203.0.113.7", ResolvesToRefs = [Ref("mac-addr", 15)], BelongsToRefs = [Ref("autonomous-system", 16)] }.WithComputedId(),
        "ipv6-addr" => new IPv6Address { Id = default, Value = "2001:db8::1" }.WithComputedId(),
        "mac-addr" => new MacAddress { Id = default, Value = "00:00:5e:00:53:01" }.WithComputedId(),
        "mutex" => new StixMutex { Id = default, Name = "Global\\acme" }.WithComputedId(),
        "network-traffic" => new NetworkTraffic
        {
            Id = default, Start = T1, End = T2, IsActive = false, SrcRef = Ref("ipv4-addr", 17), DstRef = Ref("ipv4-addr", 18),
            SrcPort = 49152, DstPort = 443, Protocols = ["ipv4", "tcp", "http"], SrcByteCount = 1, DstByteCount = 2,
            SrcPackets = 3, DstPackets = 4,
            Ipfix = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["minimumIpTotalLength"] = Json("32") },
            SrcPayloadRef = Ref("artifact", 19), DstPayloadRef = Ref("artifact", 20),
            EncapsulatesRefs = [Ref("network-traffic", 21)], EncapsulatedByRef = Ref("network-traffic", 22),
            Extensions = new Dictionary<string, StixExtension>(StringComparer.Ordinal)
            {
                [HttpRequestExtension.ExtensionName] = new HttpRequestExtension
                {
                    RequestMethod = "post", RequestValue = "/upload", RequestVersion = "http/1.1",
                    RequestHeader = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["Host"] = Json("[\"example.org\"]") },
                    MessageBodyLength = 10, MessageBodyDataRef = Ref("artifact", 23),
                },
                [IcmpExtension.ExtensionName] = new IcmpExtension { IcmpTypeHex = "08", IcmpCodeHex = "00" },
                [SocketExtension.ExtensionName] = new SocketExtension
                {
                    AddressFamily = "AF_INET6", IsBlocking = true, IsListening = false, SocketType = "SOCK_DGRAM",
                    Options = new Dictionary<string, long>(StringComparer.Ordinal) { ["SO_RCVBUF"] = 8192 },
                    SocketDescriptor = 7, SocketHandle = 8,
                },
                [TcpExtension.ExtensionName] = new TcpExtension { SrcFlagsHex = "02", DstFlagsHex = "12" },
            },
        }.WithComputedId(),
        "process" => new StixProcess
        {
            Id = default, IsHidden = true, Pid = 4242, CreatedTime = T1, Cwd = "C:\\", CommandLine = "svc.exe -k",
            EnvironmentVariables = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = "C:\\Windows" },
            OpenedConnectionRefs = [Ref("network-traffic", 24)], CreatorUserRef = Ref("user-account", 25),
            ImageRef = Ref("file", 26), ParentRef = Ref("process", 27), ChildRefs = [Ref("process", 28)],
            Extensions = new Dictionary<string, StixExtension>(StringComparer.Ordinal)
            {
                [WindowsProcessExtension.ExtensionName] = new WindowsProcessExtension
                {
                    AslrEnabled = true, DepEnabled = false, Priority = "NORMAL_PRIORITY_CLASS", OwnerSid = "S-1-5-18",
                    WindowTitle = "w", IntegrityLevel = "system",
                    StartupInfo = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["dwX"] = Json("1"), ["lpTitle"] = Json("\"t\"") },
                },
                [WindowsServiceExtension.ExtensionName] = new WindowsServiceExtension
                {
                    ServiceName = "acme", Descriptions = ["d"], DisplayName = "Acme", GroupName = "g",
                    StartType = "SERVICE_DEMAND_START", ServiceDllRefs = [Ref("file", 29)],
                    ServiceType = "SERVICE_WIN32_SHARE_PROCESS", ServiceStatus = "SERVICE_STOPPED",
                },
            },
        }.WithComputedId(),
        "software" => new Software { Id = default, Name = "Acme Agent", Cpe = "cpe:2.3:a:acme:agent:1.0:*:*:*:*:*:*:*", Swid = "acme-1", Languages = ["eng"], Vendor = "Acme", Version = "1.0" }.WithComputedId(),
        "url" => new Url { Id = default, Value = "https://example.org/x?y=1", Defanged = false }.WithComputedId(),
        "user-account" => new UserAccount
        {
            Id = default, UserId = "1001", Credential = "x", AccountLogin = "jdoe", AccountType = "unix", DisplayName = "J",
            IsServiceAccount = false, IsPrivileged = true, CanEscalatePrivs = true, IsDisabled = false,
            AccountCreated = T1, AccountExpires = T2, CredentialLastChanged = T1, AccountFirstLogin = T1, AccountLastLogin = T2,
            Extensions = new Dictionary<string, StixExtension>(StringComparer.Ordinal)
            {
                [UnixAccountExtension.ExtensionName] = new UnixAccountExtension { Gid = 100, Groups = ["wheel"], HomeDir = "/home/jdoe", Shell = "/bin/sh" },
            },
        }.WithComputedId(),
        "windows-registry-key" => new WindowsRegistryKey
        {
            Id = default, Key = "HKEY_LOCAL_MACHINE\\Software\\Acme", ModifiedTime = T1, CreatorUserRef = Ref("user-account", 30),
            NumberOfSubkeys = 0, Values = [new WindowsRegistryValue { Name = "", Data = "1", DataType = "REG_DWORD" }],
        }.WithComputedId(),
        "x509-certificate" => new X509Certificate
        {
            Id = default, IsSelfSigned = true, Hashes = Sha256("ab"), Version = "3", SerialNumber = "01", SignatureAlgorithm = "sha256WithRSAEncryption",
            Issuer = "CN=Acme", ValidityNotBefore = T1, ValidityNotAfter = T2, Subject = "CN=Acme", SubjectPublicKeyAlgorithm = "rsaEncryption",
            SubjectPublicKeyModulus = "00:b4", SubjectPublicKeyExponent = 65537,
            X509V3Extensions = new X509V3Extensions
            {
                BasicConstraints = "CA:TRUE", NameConstraints = "n", PolicyConstraints = "p", KeyUsage = "keyCertSign",
                ExtendedKeyUsage = "serverAuth", SubjectKeyIdentifier = "hash", AuthorityKeyIdentifier = "keyid",
                SubjectAlternativeName = "DNS:example.org", IssuerAlternativeName = "issuer:copy",
                SubjectDirectoryAttributes = "s", CrlDistributionPoints = "URI:http://example.org/crl",
                InhibitAnyPolicy = "0", PrivateKeyUsagePeriodNotBefore = T1, PrivateKeyUsagePeriodNotAfter = T2,
                CertificatePolicies = "1.2.3", PolicyMappings = "1.2:3.4",
            },
        }.WithComputedId(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no example for this type"),
    };
}
