using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;

namespace ThreatShare.Stix;

/// <summary>
/// Deterministic identifiers of cyber-observable objects (STIX 2.1, section 2.9): the UUID of an SCO is a version 5
/// UUID in the STIX namespace <c>00abedb4-aa42-466c-9c01-fed23315a9b7</c> over the RFC 8785 canonical JSON of an
/// object that holds only the type's ID contributing properties. Two producers that see the same observable thus
/// give it the same id, whatever else they know about it.
/// </summary>
/// <remarks>
/// <para>Of a <c>hashes</c> contributing property only one hash takes part: MD5, else SHA-1, else SHA-256, else
/// SHA-512, else (a choice of this library, so that member order does not matter) the hash whose algorithm name
/// sorts first by ordinal comparison. Hashes inside other properties (for example in <c>extensions</c>) take part
/// whole.</para>
/// <para>When none of the contributing properties is present, or the type has none (<c>process</c>), or the type is
/// not one the specification defines and no list is given, a random version 4 UUID is used, as the specification
/// requires.</para>
/// <para>Property values are used exactly as they appear in the JSON (a timestamp keeps its written precision, a
/// reference is its identifier text). A JSON <c>null</c> counts as absent.</para>
/// </remarks>
public static class ScoIdentifiers
{
    /// <summary>The namespace of SCO deterministic identifiers, <c>00abedb4-aa42-466c-9c01-fed23315a9b7</c>.</summary>
    public static Guid Namespace { get; } = new("00abedb4-aa42-466c-9c01-fed23315a9b7");

    // The namespace in network byte order, as UUIDv5 hashes it.
    private static readonly byte[] NamespaceBytes = Namespace.ToByteArray(bigEndian: true);

    // ID contributing properties of the 18 SCO types of STIX 2.1, each list sorted ordinally so that the canonical
    // object can be written in one pass without sorting.
    private static readonly FrozenDictionary<string, string[]> Contributing = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["artifact"] = Sorted("hashes", "payload_bin"),
        ["autonomous-system"] = Sorted("number"),
        ["directory"] = Sorted("path"),
        ["domain-name"] = Sorted("value"),
        ["email-addr"] = Sorted("value"),
        ["email-message"] = Sorted("from_ref", "subject", "body"),
        ["file"] = Sorted("hashes", "name", "extensions", "parent_directory_ref"),
        ["ipv4-addr"] = Sorted("value"),
        ["ipv6-addr"] = Sorted("value"),
        ["mac-addr"] = Sorted("value"),
        ["mutex"] = Sorted("name"),
        ["network-traffic"] = Sorted("start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions"),
        ["process"] = [],
        ["software"] = Sorted("name", "cpe", "swid", "vendor", "version"),
        ["url"] = Sorted("value"),
        ["user-account"] = Sorted("account_type", "user_id", "account_login"),
        ["windows-registry-key"] = Sorted("key", "values"),
        ["x509-certificate"] = Sorted("hashes", "serial_number"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Preferred hash algorithms, in order, when hashes contribute to an id.
    private static readonly string[] PreferredHashes = ["MD5", "SHA-1", "SHA-256", "SHA-512"];

    /// <summary>The SCO types of STIX 2.1 whose ID contributing properties this class knows.</summary>
    public static IEnumerable<string> KnownTypes => Contributing.Keys;

    /// <summary>
    /// The ID contributing properties of <paramref name="type"/> (sorted ordinally), empty for <c>process</c>, or
    /// null when the type is not an SCO type of STIX 2.1.
    /// </summary>
    public static IReadOnlyList<string>? GetContributingProperties(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Contributing.TryGetValue(type, out var names) ? names : null;
    }

    /// <summary>
    /// The identifier an SCO should have: deterministic (UUIDv5) when at least one of its ID contributing properties
    /// is present, else random (UUIDv4).
    /// </summary>
    /// <param name="sco">A JSON object with a <c>type</c>.</param>
    /// <exception cref="ArgumentException">The value is not an object with a valid STIX type name, or a contributing
    /// property cannot be canonicalized (see <see cref="JsonCanonicalizer"/>).</exception>
    public static StixIdentifier Compute(JsonElement sco)
    {
        string type = TypeOf(sco);
        return Compute(sco, Contributing.TryGetValue(type, out var names) ? names : []);
    }

    /// <summary>
    /// The identifier of an SCO whose ID contributing properties are given, for custom SCO types that define their
    /// own (the <c>id_contributing_properties</c> of an extension definition).
    /// </summary>
    /// <param name="sco">A JSON object with a <c>type</c>.</param>
    /// <param name="contributingProperties">The names of the ID contributing properties, in any order.</param>
    /// <exception cref="ArgumentException">The value is not an object with a valid STIX type name, or a contributing
    /// property cannot be canonicalized.</exception>
    public static StixIdentifier Compute(JsonElement sco, IReadOnlyList<string> contributingProperties)
    {
        ArgumentNullException.ThrowIfNull(contributingProperties);
        string type = TypeOf(sco);
        if (!TryComputeDeterministic(sco, type, contributingProperties, out var id, out var error))
        {
            return error is null ? StixIdentifier.NewId(type) : throw new ArgumentException(error, nameof(sco));
        }
        return id;
    }

    /// <summary>
    /// Computes the deterministic identifier of an SCO of a STIX 2.1 type. Returns false, with a null
    /// <paramref name="error"/>, when there is none: the type is unknown or has no contributing property present.
    /// Returns false with an <paramref name="error"/> when the input is not usable.
    /// </summary>
    /// <param name="sco">A JSON object with a <c>type</c>.</param>
    /// <param name="id">The UUIDv5 identifier when the method returns true.</param>
    /// <param name="error">Why the input is not usable, or null.</param>
    public static bool TryComputeDeterministic(JsonElement sco, out StixIdentifier id, out string? error)
    {
        id = default;
        if (sco.ValueKind != JsonValueKind.Object
            || !sco.TryGetProperty("type"u8, out var typeElement)
            || typeElement.ValueKind != JsonValueKind.String)
        {
            error = "$: an SCO must be a JSON object with a string 'type'";
            return false;
        }
        string type = typeElement.GetString() ?? string.Empty;
        if (!Contributing.TryGetValue(type, out var names))
        {
            error = null;
            return false;
        }
        return TryComputeDeterministic(sco, type, names, out id, out error);
    }

    /// <summary>
    /// Whether <paramref name="sco"/> carries the deterministic identifier its contributing properties give, that
    /// is, its <c>id</c> is a UUIDv5 and equals <see cref="TryComputeDeterministic(JsonElement, out StixIdentifier, out string?)"/>.
    /// False when it has no deterministic identifier, when its id differs, or when the input is not usable.
    /// </summary>
    public static bool IsDeterministic(JsonElement sco) =>
        TryComputeDeterministic(sco, out var expected, out _)
        && sco.TryGetProperty("id"u8, out var idElement)
        && idElement.ValueKind == JsonValueKind.String
        && idElement.ValueEquals(expected.Value);

    /// <summary>
    /// Checks the identifier of an SCO against its contributing properties. The specification says an SCO SHOULD use
    /// the deterministic identifier, so a mismatch is a <see cref="StixIssueSeverity.Warning"/>: for example an id
    /// copied from another object, or contributing properties changed without a new id.
    /// </summary>
    /// <param name="sco">The SCO.</param>
    /// <param name="path">The JSON path of <paramref name="sco"/> in its document, used in findings.</param>
    /// <returns>The findings; empty when the identifier is as expected or not deterministic by definition.</returns>
    public static IReadOnlyList<StixIssue> Check(JsonElement sco, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (sco.ValueKind != JsonValueKind.Object
            || !sco.TryGetProperty("type"u8, out var typeElement)
            || typeElement.ValueKind != JsonValueKind.String)
        {
            return [new StixIssue(StixIssueSeverity.Error, path, "an SCO must be a JSON object with a string 'type'")];
        }
        string type = typeElement.GetString() ?? string.Empty;
        if (!Contributing.TryGetValue(type, out var names))
        {
            return [];
        }
        if (!TryComputeCore(sco, type, names, out var expected, out var failure))
        {
            return failure is null ? [] : [new StixIssue(StixIssueSeverity.Error, path + failure.Path, failure.Message)];
        }
        if (!sco.TryGetProperty("id"u8, out var idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            return [];
        }
        if (idElement.ValueEquals(expected.Value))
        {
            return [];
        }
        return
        [
            new StixIssue(
                StixIssueSeverity.Warning,
                path + ".id",
                $"the ID contributing properties of this {expected.Type} give the identifier {expected.Value}"),
        ];
    }

    /// <summary>A name-based version 5 UUID (RFC 4122, section 4.3): SHA-1 over the namespace and the name.</summary>
    /// <param name="namespaceId">The namespace UUID.</param>
    /// <param name="name">The name, as bytes (STIX uses the UTF-8 canonical JSON).</param>
    public static Guid CreateVersion5(Guid namespaceId, ReadOnlySpan<byte> name)
    {
        var buffer = new ArrayBufferWriter<byte>(16 + name.Length);
        namespaceId.TryWriteBytes(buffer.GetSpan(16), bigEndian: true, out _);
        buffer.Advance(16);
        name.CopyTo(buffer.GetSpan(name.Length));
        buffer.Advance(name.Length);
        return Version5FromHashInput(buffer.WrittenSpan);
    }

    private static bool TryComputeDeterministic(
        JsonElement sco,
        string type,
        IReadOnlyList<string> names,
        out StixIdentifier id,
        out string? error)
    {
        bool ok = TryComputeCore(sco, type, names, out id, out var failure);
        error = failure?.ToString();
        return ok;
    }

    private static bool TryComputeCore(
        JsonElement sco,
        string type,
        IReadOnlyList<string> names,
        out StixIdentifier id,
        out CanonicalFailure? failure)
    {
        id = default;
        var buffer = new ArrayBufferWriter<byte>(128);
        NamespaceBytes.CopyTo(buffer.GetSpan(16));
        buffer.Advance(16);
        var writer = new CanonicalJsonWriter(buffer, StixLimits.Default.MaxJsonDepth);

        // Names in ordinal order give the canonical member order; the built-in lists are sorted already.
        var ordered = names is string[] array && IsSorted(array) ? array : [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        int written = 0;
        foreach (string name in ordered)
        {
            if (!sco.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                || (name == "hashes" && IsEmptyObject(value)))
            {
                // Absent, null and empty hashes do not contribute.
                continue;
            }
            writer.WriteByte(written == 0 ? (byte)'{' : (byte)',');
            if (!writer.TryWriteString(name, out failure) || !TryWriteContribution(writer, name, value, out failure))
            {
                failure = failure.Under(CanonicalJsonWriter.MemberSegment(name));
                return false;
            }
            written++;
        }
        if (written == 0)
        {
            failure = null;
            return false;
        }
        writer.WriteByte((byte)'}');
        id = StixIdentifier.Create(type, Version5FromHashInput(buffer.WrittenSpan));
        failure = null;
        return true;
    }

    private static bool TryWriteContribution(
        CanonicalJsonWriter writer,
        string name,
        JsonElement value,
        [NotNullWhen(false)] out CanonicalFailure? failure)
    {
        writer.WriteByte((byte)':');
        if (name == "hashes" && value.ValueKind == JsonValueKind.Object && TryChooseHash(value, out var algorithm, out var hash))
        {
            // Only the preferred hash contributes: {"hashes":{"<algorithm>":"<value>"}}.
            writer.WriteByte((byte)'{');
            if (!writer.TryWriteString(algorithm, out failure))
            {
                failure = failure.Under(CanonicalJsonWriter.MemberSegment(algorithm));
                return false;
            }
            writer.WriteByte((byte)':');
            if (!writer.TryWriteValue(hash, 1, out failure))
            {
                failure = failure.Under(CanonicalJsonWriter.MemberSegment(algorithm));
                return false;
            }
            writer.WriteByte((byte)'}');
            return true;
        }
        return writer.TryWriteValue(value, 0, out failure);
    }

    private static bool TryChooseHash(JsonElement hashes, [NotNullWhen(true)] out string? algorithm, out JsonElement value)
    {
        foreach (string preferred in PreferredHashes)
        {
            if (hashes.TryGetProperty(preferred, out value))
            {
                algorithm = preferred;
                return true;
            }
        }
        algorithm = null;
        value = default;
        foreach (var property in hashes.EnumerateObject())
        {
            if (algorithm is null || string.CompareOrdinal(property.Name, algorithm) < 0)
            {
                algorithm = property.Name;
                value = property.Value;
            }
        }
        return algorithm is not null;
    }

    private static Guid Version5FromHashInput(ReadOnlySpan<byte> namespaceAndName)
    {
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // UUIDv5 is defined over SHA-1; it is an identifier, not a security control.
        SHA1.HashData(namespaceAndName, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static string TypeOf(JsonElement sco)
    {
        if (sco.ValueKind != JsonValueKind.Object
            || !sco.TryGetProperty("type"u8, out var typeElement)
            || typeElement.ValueKind != JsonValueKind.String)
        {
            throw new ArgumentException("an SCO must be a JSON object with a string 'type'", nameof(sco));
        }
        string type = typeElement.GetString() ?? string.Empty;
        return StixNames.IsValidTypeName(type)
            ? type
            : throw new ArgumentException($"'{type}' is not a valid STIX type name", nameof(sco));
    }

    private static bool IsEmptyObject(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        foreach (var _ in value.EnumerateObject())
        {
            return false;
        }
        return true;
    }

    private static bool IsSorted(string[] names)
    {
        for (int i = 1; i < names.Length; i++)
        {
            if (string.CompareOrdinal(names[i - 1], names[i]) >= 0)
            {
                return false;
            }
        }
        return true;
    }

    private static string[] Sorted(params string[] names)
    {
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }
}
