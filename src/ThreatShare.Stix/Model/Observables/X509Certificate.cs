using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary><c>x509-certificate</c>: the properties of an X.509 certificate (RFC 5280).</summary>
public sealed record X509Certificate : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "x509-certificate";

    /// <summary>Creates an <c>x509-certificate</c>.</summary>
    public X509Certificate() : base(TypeName)
    {
    }

    /// <summary>Whether the certificate is self-signed.</summary>
    public bool? IsSelfSigned { get; init; }

    /// <summary>Hashes of the whole certificate, by algorithm. ID contributing (one hash).</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get; init; }

    /// <summary>The certificate version.</summary>
    public string? Version { get; init; }

    /// <summary>The serial number. ID contributing.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>The signature algorithm, e.g. <c>sha256WithRSAEncryption</c>.</summary>
    public string? SignatureAlgorithm { get; init; }

    /// <summary>The issuer's distinguished name.</summary>
    public string? Issuer { get; init; }

    /// <summary>Start of the validity period.</summary>
    public StixTimestamp? ValidityNotBefore { get; init; }

    /// <summary>End of the validity period.</summary>
    public StixTimestamp? ValidityNotAfter { get; init; }

    /// <summary>The subject's distinguished name.</summary>
    public string? Subject { get; init; }

    /// <summary>The algorithm of the subject's public key.</summary>
    public string? SubjectPublicKeyAlgorithm { get; init; }

    /// <summary>The modulus of an RSA public key.</summary>
    public string? SubjectPublicKeyModulus { get; init; }

    /// <summary>The exponent of an RSA public key.</summary>
    public long? SubjectPublicKeyExponent { get; init; }

    /// <summary>The X.509 v3 extensions.</summary>
    [JsonPropertyName("x509_v3_extensions")]
    public X509V3Extensions? X509V3Extensions { get; init; }
}

/// <summary><c>x509-v3-extensions-type</c>: the standard extensions of an X.509 v3 certificate, as text.</summary>
public sealed record X509V3Extensions : ObservableComponent
{
    /// <summary>Basic constraints (CA flag, path length).</summary>
    public string? BasicConstraints { get; init; }

    /// <summary>Name constraints.</summary>
    public string? NameConstraints { get; init; }

    /// <summary>Policy constraints.</summary>
    public string? PolicyConstraints { get; init; }

    /// <summary>Key usage.</summary>
    public string? KeyUsage { get; init; }

    /// <summary>Extended key usage.</summary>
    public string? ExtendedKeyUsage { get; init; }

    /// <summary>Subject key identifier.</summary>
    public string? SubjectKeyIdentifier { get; init; }

    /// <summary>Authority key identifier.</summary>
    public string? AuthorityKeyIdentifier { get; init; }

    /// <summary>Subject alternative names.</summary>
    public string? SubjectAlternativeName { get; init; }

    /// <summary>Issuer alternative names.</summary>
    public string? IssuerAlternativeName { get; init; }

    /// <summary>Subject directory attributes.</summary>
    public string? SubjectDirectoryAttributes { get; init; }

    /// <summary>CRL distribution points.</summary>
    public string? CrlDistributionPoints { get; init; }

    /// <summary>Inhibit any-policy.</summary>
    public string? InhibitAnyPolicy { get; init; }

    /// <summary>Start of the private key usage period.</summary>
    public StixTimestamp? PrivateKeyUsagePeriodNotBefore { get; init; }

    /// <summary>End of the private key usage period.</summary>
    public StixTimestamp? PrivateKeyUsagePeriodNotAfter { get; init; }

    /// <summary>Certificate policies.</summary>
    public string? CertificatePolicies { get; init; }

    /// <summary>Policy mappings.</summary>
    public string? PolicyMappings { get; init; }
}
