namespace ThreatShare.Stix;

/// <summary><c>ipv4-addr</c>: one or more IPv4 addresses, in CIDR notation for a range (e.g. <c>198.51.100.0/24</c>).</summary>
public sealed record IPv4Address : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "ipv4-addr";

    /// <summary>Creates an <c>ipv4-addr</c>.</summary>
    public IPv4Address() : base(TypeName)
    {
    }

    /// <summary>The address or CIDR range. ID contributing.</summary>
    public required string Value { get; init; }

    /// <summary>Deprecated: <c>mac-addr</c> objects this address resolves to.</summary>
    public IReadOnlyList<StixIdentifier>? ResolvesToRefs { get; init; }

    /// <summary>Deprecated: <c>autonomous-system</c> objects this address belongs to.</summary>
    public IReadOnlyList<StixIdentifier>? BelongsToRefs { get; init; }
}

/// <summary><c>ipv6-addr</c>: one or more IPv6 addresses, in CIDR notation for a range.</summary>
public sealed record IPv6Address : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "ipv6-addr";

    /// <summary>Creates an <c>ipv6-addr</c>.</summary>
    public IPv6Address() : base(TypeName)
    {
    }

    /// <summary>The address or CIDR range. ID contributing.</summary>
    public required string Value { get; init; }

    /// <summary>Deprecated: <c>mac-addr</c> objects this address resolves to.</summary>
    public IReadOnlyList<StixIdentifier>? ResolvesToRefs { get; init; }

    /// <summary>Deprecated: <c>autonomous-system</c> objects this address belongs to.</summary>
    public IReadOnlyList<StixIdentifier>? BelongsToRefs { get; init; }
}

/// <summary><c>mac-addr</c>: a single Media Access Control address (lowercase, colon-delimited EUI-48).</summary>
public sealed record MacAddress : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "mac-addr";

    /// <summary>Creates a <c>mac-addr</c>.</summary>
    public MacAddress() : base(TypeName)
    {
    }

    /// <summary>The address, e.g. <c>d2:fb:49:24:37:18</c>. ID contributing.</summary>
    public required string Value { get; init; }
}

/// <summary><c>domain-name</c>: a network domain name.</summary>
public sealed record DomainName : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "domain-name";

    /// <summary>Creates a <c>domain-name</c>.</summary>
    public DomainName() : base(TypeName)
    {
    }

    /// <summary>The domain name, e.g. <c>example.com</c>. ID contributing.</summary>
    public required string Value { get; init; }

    /// <summary>Deprecated: <c>ipv4-addr</c>, <c>ipv6-addr</c> or <c>domain-name</c> objects it resolves to.</summary>
    public IReadOnlyList<StixIdentifier>? ResolvesToRefs { get; init; }
}

/// <summary><c>email-addr</c>: an e-mail address.</summary>
public sealed record EmailAddress : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "email-addr";

    /// <summary>Creates an <c>email-addr</c>.</summary>
    public EmailAddress() : base(TypeName)
    {
    }

    /// <summary>The address (addr-spec of RFC 5322), e.g. <c>jdoe@example.com</c>. ID contributing.</summary>
    public required string Value { get; init; }

    /// <summary>The display name (RFC 5322 display-name).</summary>
    public string? DisplayName { get; init; }

    /// <summary>The <c>user-account</c> the address belongs to.</summary>
    public StixIdentifier? BelongsToRef { get; init; }
}

/// <summary><c>url</c>: a uniform resource locator (RFC 3986).</summary>
public sealed record Url : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "url";

    /// <summary>Creates a <c>url</c>.</summary>
    public Url() : base(TypeName)
    {
    }

    /// <summary>The URL. ID contributing.</summary>
    public required string Value { get; init; }
}

/// <summary><c>autonomous-system</c>: an autonomous system (AS) of the Internet's routing.</summary>
public sealed record AutonomousSystem : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "autonomous-system";

    /// <summary>Creates an <c>autonomous-system</c>.</summary>
    public AutonomousSystem() : base(TypeName)
    {
    }

    /// <summary>The AS number. ID contributing.</summary>
    public required long Number { get; init; }

    /// <summary>The AS name.</summary>
    public string? Name { get; init; }

    /// <summary>The Regional Internet Registry that assigned the number, e.g. <c>ARIN</c>.</summary>
    public string? Rir { get; init; }
}

/// <summary><c>mutex</c>: a mutual-exclusion object, often used by malware to mark an infected host.</summary>
public sealed record StixMutex : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "mutex";

    /// <summary>Creates a <c>mutex</c>.</summary>
    public StixMutex() : base(TypeName)
    {
    }

    /// <summary>The mutex name. ID contributing.</summary>
    public required string Name { get; init; }
}
