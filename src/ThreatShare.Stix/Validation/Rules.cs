using System.Collections.Frozen;
using ThreatShare.Stix.Vocabularies;

namespace ThreatShare.Stix.Validation;

/// <summary>What kind of thing an object descriptor describes.</summary>
internal enum ObjectCategory
{
    /// <summary>STIX Domain Object.</summary>
    Sdo,

    /// <summary>STIX Relationship Object.</summary>
    Sro,

    /// <summary>STIX Cyber-observable Object.</summary>
    Sco,

    /// <summary>STIX Meta Object (marking definition, language content, extension definition).</summary>
    Meta,

    /// <summary>The bundle envelope.</summary>
    Bundle,

    /// <summary>A nested type (external reference, kill chain phase, extension body, ...).</summary>
    Part,
}

/// <summary>The kind of value a property holds.</summary>
internal enum PropertyKind
{
    Any,
    String,
    Timestamp,
    Identifier,
    Id,
    Integer,
    Number,
    Boolean,
    Vocabulary,
    Dictionary,
    Hashes,
    Object,
    Binary,
    Hex,
    LanguageTag,
    SpecVersion,
    Extensions,
    StixObject,
    Url,

    /// <summary>Reserved by the specification: the property must not be present.</summary>
    Reserved,
}

/// <summary>The object types a reference property may point to.</summary>
internal sealed class RefTarget
{
    public RefTarget(string description, IEnumerable<string> types, bool allowCustomTypes)
    {
        Description = description;
        Types = types.ToFrozenSet(StringComparer.Ordinal);
        AllowCustomTypes = allowCustomTypes;
    }

    /// <summary>Human wording of the allowed targets, e.g. "identity or location".</summary>
    public string Description { get; }

    public FrozenSet<string> Types { get; }

    /// <summary>Whether a type unknown to STIX 2.1 (custom or extension-defined) is accepted too.</summary>
    public bool AllowCustomTypes { get; }
}

/// <summary>One property of an object type: its value kind and constraints. Built once, shared.</summary>
internal sealed record PropertyRule(string Name, PropertyKind Kind)
{
    public bool IsList { get; init; }

    public bool Required { get; init; }

    public RefTarget? Target { get; init; }

    public StixVocabulary? Vocabulary { get; init; }

    public long MinInteger { get; init; } = long.MinValue;

    public long MaxInteger { get; init; } = long.MaxValue;

    public double MinNumber { get; init; } = double.MinValue;

    public double MaxNumber { get; init; } = double.MaxValue;

    /// <summary>Smallest number of fractional-second digits a timestamp must have (created/modified: 3).</summary>
    public int MinPrecision { get; init; }

    public ObjectDescriptor? Nested { get; init; }

    /// <summary>Set when the property is deprecated: using it is a warning with this text.</summary>
    public string? Deprecated { get; init; }
}

/// <summary>A rule spanning several properties of one object.</summary>
internal delegate void ObjectCheck(in ObjectView obj, ValidationContext ctx);

/// <summary>How names outside a descriptor's property list are treated.</summary>
internal enum UnknownPropertyPolicy
{
    /// <summary>Custom properties: name rule is an error, a name without <c>x_</c> a warning.</summary>
    Custom,

    /// <summary>Nested types: an unknown property is a warning.</summary>
    Warn,

    /// <summary>Anything goes (extension bodies defined elsewhere).</summary>
    Ignore,
}

/// <summary>The rules of one object type (or nested type), as data: property rules plus cross-property checks.</summary>
internal sealed class ObjectDescriptor
{
    private readonly FrozenDictionary<string, int> _index;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIndex;

    public ObjectDescriptor(string name, ObjectCategory category, PropertyRule[] rules, ObjectCheck[] checks, UnknownPropertyPolicy unknown)
    {
        if (rules.Length > 64)
        {
            throw new ArgumentException("at most 64 properties per descriptor", nameof(rules));
        }
        Name = name;
        Category = category;
        Rules = rules;
        Checks = checks;
        Unknown = unknown;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        ulong required = 0;
        for (int i = 0; i < rules.Length; i++)
        {
            // Later rules replace earlier ones of the same name (a type narrowing a common property).
            if (index.TryGetValue(rules[i].Name, out int previous))
            {
                required &= ~(1UL << previous);
            }
            index[rules[i].Name] = i;
            if (rules[i].Required)
            {
                required |= 1UL << i;
            }
        }
        _index = index.ToFrozenDictionary(StringComparer.Ordinal);
        _spanIndex = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        RequiredMask = required;
    }

    public string Name { get; }

    public ObjectCategory Category { get; }

    public PropertyRule[] Rules { get; }

    public ObjectCheck[] Checks { get; }

    public UnknownPropertyPolicy Unknown { get; }

    public ulong RequiredMask { get; }

    /// <summary>Predefined extensions allowed on this (SCO) type, by extension name.</summary>
    public FrozenDictionary<string, ObjectDescriptor>? PredefinedExtensions { get; init; }

    public bool TryFind(ReadOnlySpan<char> name, out int index) => _spanIndex.TryGetValue(name, out index);
}
