using System.Collections.Frozen;

namespace ThreatShare.Stix.Patterns;

/// <summary>Keywords, the SCO types and top-level properties STIX 2.1 defines, and the hash algorithm vocabulary.</summary>
internal static class PatternVocabulary
{
    private static readonly string[] CommonProperties =
        ["type", "id", "spec_version", "object_marking_refs", "granular_markings", "defanged", "extensions"];

    private static readonly FrozenDictionary<string, FrozenSet<string>> Types = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["artifact"] = ["mime_type", "payload_bin", "url", "hashes", "encryption_algorithm", "decryption_key"],
        ["autonomous-system"] = ["number", "name", "rir"],
        ["directory"] = ["path", "path_enc", "ctime", "mtime", "atime", "contains_refs"],
        ["domain-name"] = ["value", "resolves_to_refs"],
        ["email-addr"] = ["value", "display_name", "belongs_to_ref"],
        ["email-message"] = ["is_multipart", "date", "content_type", "from_ref", "sender_ref", "to_refs", "cc_refs", "bcc_refs",
            "message_id", "subject", "received_lines", "additional_header_fields", "body", "body_multipart", "raw_email_ref"],
        ["file"] = ["hashes", "size", "name", "name_enc", "magic_number_hex", "mime_type", "ctime", "mtime", "atime",
            "parent_directory_ref", "contains_refs", "content_ref"],
        ["ipv4-addr"] = ["value", "resolves_to_refs", "belongs_to_refs"],
        ["ipv6-addr"] = ["value", "resolves_to_refs", "belongs_to_refs"],
        ["mac-addr"] = ["value"],
        ["mutex"] = ["name"],
        ["network-traffic"] = ["start", "end", "is_active", "src_ref", "dst_ref", "src_port", "dst_port", "protocols",
            "src_byte_count", "dst_byte_count", "src_packets", "dst_packets", "ipfix", "src_payload_ref", "dst_payload_ref",
            "encapsulates_refs", "encapsulated_by_ref"],
        ["process"] = ["is_hidden", "pid", "created_time", "cwd", "command_line", "environment_variables",
            "opened_connection_refs", "creator_user_ref", "image_ref", "parent_ref", "child_refs"],
        ["software"] = ["name", "cpe", "swid", "languages", "vendor", "version"],
        ["url"] = ["value"],
        ["user-account"] = ["user_id", "credential", "account_login", "account_type", "display_name", "is_service_account",
            "is_privileged", "can_escalate_privs", "is_disabled", "account_created", "account_expires",
            "credential_last_changed", "account_first_login", "account_last_login"],
        ["windows-registry-key"] = ["key", "values", "modified_time", "creator_user_ref", "number_of_subkeys"],
        ["x509-certificate"] = ["is_self_signed", "hashes", "version", "serial_number", "signature_algorithm", "issuer",
            "validity_not_before", "validity_not_after", "subject", "subject_public_key_algorithm",
            "subject_public_key_modulus", "subject_public_key_exponent", "x509_v3_extensions"],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Concat(CommonProperties).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TypeLookup =
        Types.Keys.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Properties =
        Types.Values.SelectMany(v => v).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PropertyLookup =
        Properties.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, ValueList<PathStep>> SingleSteps =
        Properties.ToFrozenDictionary(p => p, p => ValueList<PathStep>.Own([new PropertyStep(p)]), StringComparer.Ordinal);

    private static readonly FrozenSet<string> TimestampProperties = new[]
    {
        "ctime", "mtime", "atime", "created_time", "date", "start", "end", "modified_time", "account_created",
        "account_expires", "credential_last_changed", "account_first_login", "account_last_login",
        "validity_not_before", "validity_not_after",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The SCO types defined by STIX 2.1.</summary>
    public static IEnumerable<string> KnownTypes => Types.Keys;

    /// <summary>Returns the type name (a shared instance when known, so parsing known types allocates nothing).</summary>
    public static string InternType(ReadOnlySpan<char> name, out bool known)
    {
        if (TypeLookup.TryGetValue(name, out string? actual))
        {
            known = true;
            return actual;
        }
        known = false;
        return name.ToString();
    }

    /// <summary>Returns the property name, a shared instance when it is a known one.</summary>
    public static string InternProperty(ReadOnlySpan<char> name) =>
        PropertyLookup.TryGetValue(name, out string? actual) ? actual : name.ToString();

    /// <summary>A shared one-step path for a known property name (the lists are immutable, so sharing is safe).</summary>
    public static ValueList<PathStep>? SharedSingleStep(string property) =>
        SingleSteps.TryGetValue(property, out var steps) ? steps : null;

    /// <summary>The literal form a known top-level property is compared with, when it is not a plain string.</summary>
    public static string? ExpectedLiteral(string type, string property)
    {
        if (!Types.TryGetValue(type, out var props) || !props.Contains(property))
        {
            return null;
        }
        if (TimestampProperties.Contains(property))
        {
            return "a timestamp: compare it with a timestamp literal such as t'2016-01-01T00:00:00Z'";
        }
        if (property == "payload_bin")
        {
            return "binary: compare it with a base64 literal b'...'";
        }
        return property.EndsWith("_hex", StringComparison.Ordinal) ? "hexadecimal: compare it with a hex literal h'...'" : null;
    }

    public static bool IsKnownType(string type) => Types.ContainsKey(type);

    public static bool IsKnownProperty(string type, string property) =>
        Types.TryGetValue(type, out var props) && props.Contains(property);

    public static TokenKind Keyword(ReadOnlySpan<char> word) => word switch
    {
        "AND" => TokenKind.And,
        "OR" => TokenKind.Or,
        "NOT" => TokenKind.Not,
        "FOLLOWEDBY" => TokenKind.FollowedBy,
        "LIKE" => TokenKind.Like,
        "MATCHES" => TokenKind.Matches,
        "ISSUBSET" => TokenKind.IsSubset,
        "ISSUPERSET" => TokenKind.IsSuperset,
        "EXISTS" => TokenKind.Exists,
        "IN" => TokenKind.In,
        "START" => TokenKind.Start,
        "STOP" => TokenKind.Stop,
        "SECONDS" => TokenKind.Seconds,
        "WITHIN" => TokenKind.Within,
        "REPEATS" => TokenKind.Repeats,
        "TIMES" => TokenKind.Times,
        "LAST" => TokenKind.Last,
        "true" or "false" => TokenKind.Boolean,
        _ => TokenKind.Identifier,
    };

    public static bool IsKeywordIgnoringCase(ReadOnlySpan<char> word)
    {
        Span<char> upper = stackalloc char[12];
        if (word.Length > upper.Length)
        {
            return false;
        }
        word.ToUpperInvariant(upper);
        return Keyword(upper[..word.Length]) is not (TokenKind.Identifier or TokenKind.Boolean);
    }

    /// <summary>True when the word would be read as a keyword or boolean (so a property with that name must be quoted).</summary>
    public static bool IsReserved(string word) => Keyword(word) != TokenKind.Identifier;
}

/// <summary>The STIX 2.1 hash-algorithm-ov vocabulary and digest lengths.</summary>
internal static class HashAlgorithms
{
    /// <summary>Maps a written algorithm name to its vocabulary spelling (<c>sha256</c>, <c>SHA_256</c> → <c>SHA-256</c>); null when not in the vocabulary.</summary>
    public static string? Normalize(string name)
    {
        Span<char> buffer = stackalloc char[16];
        int n = 0;
        foreach (char c in name)
        {
            if (c is '-' or '_' or ' ')
            {
                continue;
            }
            if (n == buffer.Length)
            {
                return null;
            }
            buffer[n++] = char.ToUpperInvariant(c);
        }
        return buffer[..n] switch
        {
            "MD5" => "MD5",
            "SHA1" => "SHA-1",
            "SHA256" => "SHA-256",
            "SHA512" => "SHA-512",
            "SHA3256" => "SHA3-256",
            "SHA3512" => "SHA3-512",
            "SSDEEP" => "SSDEEP",
            "TLSH" => "TLSH",
            _ => null,
        };
    }

    /// <summary>Number of hexadecimal digits of a digest, or 0 when the algorithm's values are not length-checked.</summary>
    public static int HexLength(string canonical) => canonical switch
    {
        "MD5" => 32,
        "SHA-1" => 40,
        "SHA-256" => 64,
        "SHA-512" => 128,
        "SHA3-256" => 64,
        "SHA3-512" => 128,
        _ => 0,
    };
}
