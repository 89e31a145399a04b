namespace ThreatShare.Core.Storage;

/// <summary>
/// A key of the OpenID Connect server, kept in the store so that every server node signs and
/// validates with the same keys. The newest key of each use signs or encrypts; older ones stay
/// until every token they issued has expired.
/// </summary>
public sealed class SigningKey
{
    /// <summary>Key id (<c>kid</c>).</summary>
    public required string Id { get; set; }

    /// <summary><c>sig</c> for signing, <c>enc</c> for encryption.</summary>
    public required string Use { get; set; }

    /// <summary>The RSA private key as PKCS#8 PEM.</summary>
    public required string PrivateKeyPem { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it may be deleted (UTC): after its successor took over and its tokens expired.</summary>
    public DateTime? RetireAfter { get; set; }
}
