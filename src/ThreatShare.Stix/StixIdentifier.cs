using System.Diagnostics.CodeAnalysis;

namespace ThreatShare.Stix;

/// <summary>
/// A STIX identifier <c>type--UUID</c>, where the UUID is an RFC 4122 UUID (versions 1 to 5, variant
/// <c>10xx</c>) written in its hyphenated form. The nil UUID is not a valid identifier.
/// </summary>
public readonly record struct StixIdentifier
{
    private StixIdentifier(string value, int separator)
    {
        Value = value;
        _separator = separator;
    }

    private readonly int _separator;

    /// <summary>The identifier text, e.g. <c>indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f</c>.</summary>
    public string Value { get; }

    /// <summary>The object type part, e.g. <c>indicator</c>.</summary>
    public string Type => Value[.._separator];

    /// <summary>The UUID part.</summary>
    public Guid Uuid => Guid.ParseExact(Value.AsSpan(_separator + 2), "D");

    /// <summary>The UUID version (1..5).</summary>
    public int UuidVersion => HexValue(Value[_separator + 2 + 14]);

    /// <summary>Creates an identifier from a type and a UUID.</summary>
    /// <exception cref="ArgumentException">The type is not a valid STIX type name or the UUID is not RFC 4122.</exception>
    public static StixIdentifier Create(string type, Guid uuid)
    {
        ArgumentNullException.ThrowIfNull(type);
        return TryParse(type + "--" + uuid.ToString("D"), out var id, out var error)
            ? id
            : throw new ArgumentException(error, nameof(uuid));
    }

    /// <summary>Creates a new identifier of the given type with a random (version 4) UUID.</summary>
    public static StixIdentifier NewId(string type) => Create(type, Guid.NewGuid());

    /// <summary>Parses an identifier; throws <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static StixIdentifier Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var id, out var error) ? id : throw new FormatException(error);
    }

    /// <summary>Parses an identifier.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out StixIdentifier id) => TryParse(text, out id, out _);

    /// <summary>Parses an identifier; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out StixIdentifier id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (text is null)
        {
            error = "identifier is missing";
            return false;
        }
        // The UUID is the last 36 characters, preceded by "--".
        int sep = text.Length - 38;
        if (sep <= 0 || text[sep] != '-' || text[sep + 1] != '-')
        {
            error = "identifier must have the form 'type--UUID'";
            return false;
        }
        var type = text.AsSpan(0, sep);
        if (!StixNames.IsValidTypeName(type))
        {
            error = "identifier type part is not a valid STIX type name";
            return false;
        }
        var uuid = text.AsSpan(sep + 2);
        if (!IsHyphenatedUuid(uuid))
        {
            error = "identifier UUID part must be a hyphenated UUID (8-4-4-4-12 hexadecimal digits)";
            return false;
        }
        int version = HexValue(uuid[14]);
        int variant = HexValue(uuid[19]);
        if (version is < 1 or > 5)
        {
            error = uuid.SequenceEqual("00000000-0000-0000-0000-000000000000")
                ? "the nil UUID is not a valid identifier"
                : "identifier UUID must be an RFC 4122 UUID (version 1 to 5)";
            return false;
        }
        if ((variant & 0b1100) != 0b1000)
        {
            error = "identifier UUID must have the RFC 4122 variant (8, 9, a or b in the variant position)";
            return false;
        }
        id = new StixIdentifier(text, sep);
        error = null;
        return true;
    }

    /// <summary>The identifier text.</summary>
    public override string ToString() => Value ?? string.Empty;

    private static bool IsHyphenatedUuid(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            bool hyphen = i is 8 or 13 or 18 or 23;
            if (hyphen ? s[i] != '-' : !char.IsAsciiHexDigit(s[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
