using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary><c>network-traffic</c>: network traffic between a source and a destination, a connection or a flow.
/// Its predefined extensions are <see cref="HttpRequestExtension"/>, <see cref="IcmpExtension"/>,
/// <see cref="SocketExtension"/> and <see cref="TcpExtension"/>.</summary>
public sealed record NetworkTraffic : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "network-traffic";

    /// <summary>Creates a <c>network-traffic</c>.</summary>
    public NetworkTraffic() : base(TypeName)
    {
    }

    /// <summary>When the traffic started. ID contributing.</summary>
    public StixTimestamp? Start { get; init; }

    /// <summary>When the traffic ended. ID contributing.</summary>
    public StixTimestamp? End { get; init; }

    /// <summary>Whether the traffic is still ongoing (then <see cref="End"/> is absent).</summary>
    public bool? IsActive { get; init; }

    /// <summary>The source (<c>ipv4-addr</c>, <c>ipv6-addr</c>, <c>mac-addr</c> or <c>domain-name</c>). ID contributing.</summary>
    public StixIdentifier? SrcRef { get; init; }

    /// <summary>The destination. ID contributing.</summary>
    public StixIdentifier? DstRef { get; init; }

    /// <summary>The source port, 0 to 65535. ID contributing.</summary>
    public int? SrcPort { get; init; }

    /// <summary>The destination port, 0 to 65535. ID contributing.</summary>
    public int? DstPort { get; init; }

    /// <summary>The protocols, outermost first, lowercase IANA service names (e.g. <c>ipv4</c>, <c>tcp</c>, <c>http</c>). ID contributing.</summary>
    public IReadOnlyList<string>? Protocols { get; init; }

    /// <summary>Bytes sent from the source.</summary>
    public long? SrcByteCount { get; init; }

    /// <summary>Bytes sent from the destination.</summary>
    public long? DstByteCount { get; init; }

    /// <summary>Packets sent from the source.</summary>
    public long? SrcPackets { get; init; }

    /// <summary>Packets sent from the destination.</summary>
    public long? DstPackets { get; init; }

    /// <summary>IPFIX data by element name; values are JSON strings or integers.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Ipfix { get; init; }

    /// <summary>The <c>artifact</c> holding the bytes sent from the source.</summary>
    public StixIdentifier? SrcPayloadRef { get; init; }

    /// <summary>The <c>artifact</c> holding the bytes sent from the destination.</summary>
    public StixIdentifier? DstPayloadRef { get; init; }

    /// <summary>The <c>network-traffic</c> objects this traffic encapsulates.</summary>
    public IReadOnlyList<StixIdentifier>? EncapsulatesRefs { get; init; }

    /// <summary>The <c>network-traffic</c> object that encapsulates this traffic.</summary>
    public StixIdentifier? EncapsulatedByRef { get; init; }

    /// <summary>The <c>http-request-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public HttpRequestExtension? HttpRequestExt => Extensions?.GetValueOrDefault(HttpRequestExtension.ExtensionName) as HttpRequestExtension;

    /// <summary>The <c>icmp-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public IcmpExtension? IcmpExt => Extensions?.GetValueOrDefault(IcmpExtension.ExtensionName) as IcmpExtension;

    /// <summary>The <c>socket-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public SocketExtension? SocketExt => Extensions?.GetValueOrDefault(SocketExtension.ExtensionName) as SocketExtension;

    /// <summary>The <c>tcp-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public TcpExtension? TcpExt => Extensions?.GetValueOrDefault(TcpExtension.ExtensionName) as TcpExtension;
}

/// <summary><c>http-request-ext</c> of <c>network-traffic</c>: an HTTP request.</summary>
public sealed record HttpRequestExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "http-request-ext";

    /// <summary>The method, e.g. <c>get</c>.</summary>
    public required string RequestMethod { get; init; }

    /// <summary>The request target (usually a path), e.g. <c>/download.html</c>.</summary>
    public required string RequestValue { get; init; }

    /// <summary>The protocol version, e.g. <c>http/1.1</c>.</summary>
    public string? RequestVersion { get; init; }

    /// <summary>
    /// The request header fields by name. Each value is a JSON list of strings (as the STIX 2.1 schema requires; a
    /// field may repeat) or, from producers that follow the specification's examples, a single string.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement>? RequestHeader { get; init; }

    /// <summary>Length of the message body in bytes.</summary>
    public long? MessageBodyLength { get; init; }

    /// <summary>The <c>artifact</c> holding the message body.</summary>
    public StixIdentifier? MessageBodyDataRef { get; init; }
}

/// <summary><c>icmp-ext</c> of <c>network-traffic</c>: an ICMP message.</summary>
public sealed record IcmpExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "icmp-ext";

    /// <summary>The ICMP type, hexadecimal.</summary>
    public required string IcmpTypeHex { get; init; }

    /// <summary>The ICMP code, hexadecimal.</summary>
    public required string IcmpCodeHex { get; init; }
}

/// <summary><c>socket-ext</c> of <c>network-traffic</c>: a network socket.</summary>
public sealed record SocketExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "socket-ext";

    /// <summary>The address family (<c>network-socket-address-family-enum</c>, e.g. <c>AF_INET</c>).</summary>
    public required string AddressFamily { get; init; }

    /// <summary>Whether the socket is in blocking mode.</summary>
    public bool? IsBlocking { get; init; }

    /// <summary>Whether the socket is listening.</summary>
    public bool? IsListening { get; init; }

    /// <summary>Socket options by name (<c>SO_*</c>), with their integer values.</summary>
    public IReadOnlyDictionary<string, long>? Options { get; init; }

    /// <summary>The socket type (<c>network-socket-type-enum</c>, e.g. <c>SOCK_STREAM</c>).</summary>
    public string? SocketType { get; init; }

    /// <summary>The socket file descriptor (POSIX).</summary>
    public long? SocketDescriptor { get; init; }

    /// <summary>The socket handle (Windows).</summary>
    public long? SocketHandle { get; init; }
}

/// <summary><c>tcp-ext</c> of <c>network-traffic</c>: TCP flags.</summary>
public sealed record TcpExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "tcp-ext";

    /// <summary>The TCP flags sent by the source (OR-ed), hexadecimal.</summary>
    public string? SrcFlagsHex { get; init; }

    /// <summary>The TCP flags sent by the destination (OR-ed), hexadecimal.</summary>
    public string? DstFlagsHex { get; init; }
}
