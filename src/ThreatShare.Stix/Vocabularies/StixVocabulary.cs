using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ThreatShare.Stix.Vocabularies;

/// <summary>
/// One STIX 2.1 vocabulary: its specification name, whether it is open (other values allowed) or an
/// enumeration (closed), and its values as an ordinal, case-sensitive set.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "The spec calls these vocabularies; 'StixVocabularySet' would read worse.")]
public sealed class StixVocabulary : IReadOnlySet<string>
{
    private readonly FrozenSet<string> _values;
    private readonly string[] _ordered;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;

    internal StixVocabulary(string name, bool isOpen, string[] values)
    {
        Name = name;
        IsOpen = isOpen;
        _ordered = values;
        _values = values.ToFrozenSet(StringComparer.Ordinal);
        _spanLookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The name used by the specification, e.g. <c>indicator-type-ov</c>.</summary>
    public string Name { get; }

    /// <summary><see langword="true"/> for an open vocabulary (<c>-ov</c>), <see langword="false"/> for an enumeration (<c>-enum</c>).</summary>
    public bool IsOpen { get; }

    /// <summary>The values in specification order.</summary>
    public IReadOnlyList<string> Values => _ordered;

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <summary>Whether <paramref name="item"/> is one of the values (ordinal, case-sensitive).</summary>
    public bool Contains(string item) => item is not null && _values.Contains(item);

    /// <summary>Whether <paramref name="item"/> is one of the values (ordinal, case-sensitive), without allocating a string.</summary>
    public bool Contains(ReadOnlySpan<char> item) => _spanLookup.Contains(item);

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_ordered).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool IsProperSubsetOf(IEnumerable<string> other) => _values.IsProperSubsetOf(other);

    /// <inheritdoc />
    public bool IsProperSupersetOf(IEnumerable<string> other) => _values.IsProperSupersetOf(other);

    /// <inheritdoc />
    public bool IsSubsetOf(IEnumerable<string> other) => _values.IsSubsetOf(other);

    /// <inheritdoc />
    public bool IsSupersetOf(IEnumerable<string> other) => _values.IsSupersetOf(other);

    /// <inheritdoc />
    public bool Overlaps(IEnumerable<string> other) => _values.Overlaps(other);

    /// <inheritdoc />
    public bool SetEquals(IEnumerable<string> other) => _values.SetEquals(other);

    /// <inheritdoc />
    public override string ToString() => Name;
}
