using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>Registers the 18 cyber-observable types of STIX 2.1 and their predefined extensions with the reader.</summary>
internal static partial class StixTypeRegistry
{
    static partial void RegisterObservables(Builder builder)
    {
        builder.AddResolver(ScoJsonContext.Default);

        builder.AddObject<Artifact>(Artifact.TypeName);
        builder.AddObject<AutonomousSystem>(AutonomousSystem.TypeName);
        builder.AddObject<StixDirectory>(StixDirectory.TypeName);
        builder.AddObject<DomainName>(DomainName.TypeName);
        builder.AddObject<EmailAddress>(EmailAddress.TypeName);
        builder.AddObject<EmailMessage>(EmailMessage.TypeName);
        builder.AddObject<StixFile>(StixFile.TypeName);
        builder.AddObject<IPv4Address>(IPv4Address.TypeName);
        builder.AddObject<IPv6Address>(IPv6Address.TypeName);
        builder.AddObject<MacAddress>(MacAddress.TypeName);
        builder.AddObject<StixMutex>(StixMutex.TypeName);
        builder.AddObject<NetworkTraffic>(NetworkTraffic.TypeName);
        builder.AddObject<StixProcess>(StixProcess.TypeName);
        builder.AddObject<Software>(Software.TypeName);
        builder.AddObject<Url>(Url.TypeName);
        builder.AddObject<UserAccount>(UserAccount.TypeName);
        builder.AddObject<WindowsRegistryKey>(WindowsRegistryKey.TypeName);
        builder.AddObject<X509Certificate>(X509Certificate.TypeName);

        builder.AddExtension<ArchiveExtension>(ArchiveExtension.ExtensionName);
        builder.AddExtension<NtfsExtension>(NtfsExtension.ExtensionName);
        builder.AddExtension<PdfExtension>(PdfExtension.ExtensionName);
        builder.AddExtension<RasterImageExtension>(RasterImageExtension.ExtensionName);
        builder.AddExtension<WindowsPEBinaryExtension>(WindowsPEBinaryExtension.ExtensionName);
        builder.AddExtension<HttpRequestExtension>(HttpRequestExtension.ExtensionName);
        builder.AddExtension<IcmpExtension>(IcmpExtension.ExtensionName);
        builder.AddExtension<SocketExtension>(SocketExtension.ExtensionName);
        builder.AddExtension<TcpExtension>(TcpExtension.ExtensionName);
        builder.AddExtension<UnixAccountExtension>(UnixAccountExtension.ExtensionName);
        builder.AddExtension<WindowsProcessExtension>(WindowsProcessExtension.ExtensionName);
        builder.AddExtension<WindowsServiceExtension>(WindowsServiceExtension.ExtensionName);
    }
}

/// <summary>
/// Source-generated serializer metadata of the cyber-observable types. The reader and writer combine it with the
/// core context through the registry.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(StixTimestampJsonConverter), typeof(StixIdentifierJsonConverter), typeof(StixObjectJsonConverter)])]
[JsonSerializable(typeof(Artifact))]
[JsonSerializable(typeof(AutonomousSystem))]
[JsonSerializable(typeof(StixDirectory))]
[JsonSerializable(typeof(DomainName))]
[JsonSerializable(typeof(EmailAddress))]
[JsonSerializable(typeof(EmailMessage))]
[JsonSerializable(typeof(StixFile))]
[JsonSerializable(typeof(IPv4Address))]
[JsonSerializable(typeof(IPv6Address))]
[JsonSerializable(typeof(MacAddress))]
[JsonSerializable(typeof(StixMutex))]
[JsonSerializable(typeof(NetworkTraffic))]
[JsonSerializable(typeof(StixProcess))]
[JsonSerializable(typeof(Software))]
[JsonSerializable(typeof(Url))]
[JsonSerializable(typeof(UserAccount))]
[JsonSerializable(typeof(WindowsRegistryKey))]
[JsonSerializable(typeof(X509Certificate))]
[JsonSerializable(typeof(ArchiveExtension))]
[JsonSerializable(typeof(NtfsExtension))]
[JsonSerializable(typeof(PdfExtension))]
[JsonSerializable(typeof(RasterImageExtension))]
[JsonSerializable(typeof(WindowsPEBinaryExtension))]
[JsonSerializable(typeof(HttpRequestExtension))]
[JsonSerializable(typeof(IcmpExtension))]
[JsonSerializable(typeof(SocketExtension))]
[JsonSerializable(typeof(TcpExtension))]
[JsonSerializable(typeof(UnixAccountExtension))]
[JsonSerializable(typeof(WindowsProcessExtension))]
[JsonSerializable(typeof(WindowsServiceExtension))]
internal sealed partial class ScoJsonContext : JsonSerializerContext;
