using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary><c>user-account</c>: a user account of an operating system, a device, a service or a web site.
/// Its predefined extension is <see cref="UnixAccountExtension"/>.</summary>
public sealed record UserAccount : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "user-account";

    /// <summary>Creates a <c>user-account</c>.</summary>
    public UserAccount() : base(TypeName)
    {
    }

    /// <summary>The account identifier (a UID, a SID, an account number). ID contributing.</summary>
    public string? UserId { get; init; }

    /// <summary>A cleartext credential (for malware analysis only).</summary>
    public string? Credential { get; init; }

    /// <summary>The login name. ID contributing.</summary>
    public string? AccountLogin { get; init; }

    /// <summary>The account type (<c>account-type-ov</c>, e.g. <c>unix</c>, <c>windows-local</c>). ID contributing.</summary>
    public string? AccountType { get; init; }

    /// <summary>The display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Whether the account belongs to a service.</summary>
    public bool? IsServiceAccount { get; init; }

    /// <summary>Whether the account has elevated privileges.</summary>
    public bool? IsPrivileged { get; init; }

    /// <summary>Whether the account can escalate privileges.</summary>
    public bool? CanEscalatePrivs { get; init; }

    /// <summary>Whether the account is disabled.</summary>
    public bool? IsDisabled { get; init; }

    /// <summary>When the account was created.</summary>
    public StixTimestamp? AccountCreated { get; init; }

    /// <summary>When the account expires.</summary>
    public StixTimestamp? AccountExpires { get; init; }

    /// <summary>When the credential was last changed.</summary>
    public StixTimestamp? CredentialLastChanged { get; init; }

    /// <summary>When the account was first logged in to.</summary>
    public StixTimestamp? AccountFirstLogin { get; init; }

    /// <summary>When the account was last logged in to.</summary>
    public StixTimestamp? AccountLastLogin { get; init; }

    /// <summary>The <c>unix-account-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public UnixAccountExtension? UnixAccountExt => Extensions?.GetValueOrDefault(UnixAccountExtension.ExtensionName) as UnixAccountExtension;
}

/// <summary><c>unix-account-ext</c> of <c>user-account</c>: a POSIX account.</summary>
public sealed record UnixAccountExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "unix-account-ext";

    /// <summary>The primary group id.</summary>
    public long? Gid { get; init; }

    /// <summary>The names of the groups the account belongs to.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>The home directory.</summary>
    public string? HomeDir { get; init; }

    /// <summary>The login shell.</summary>
    public string? Shell { get; init; }
}
