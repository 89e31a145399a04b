namespace ThreatShare.Stix.Patterns;

/// <summary>
/// A parsed STIX 2.1 pattern: the root of the immutable syntax tree. Two patterns are equal when their trees are
/// equal; <see cref="ToString"/> writes the canonical text, which parses back to an equal pattern.
/// </summary>
/// <param name="Expression">The observation expression the pattern consists of.</param>
public sealed record Pattern(ObservationExpression Expression)
{
    /// <summary>The observation expression (never null).</summary>
    public ObservationExpression Expression { get; init; } = Expression ?? throw new ArgumentNullException(nameof(Expression));

    /// <summary>Writes the pattern in canonical form.</summary>
    public override string ToString() => PatternPrinter.Print(this);

    /// <summary>
    /// The values this pattern looks for, for a lookup index: every positive (not negated) <c>=</c>, <c>IN</c> member,
    /// <c>ISSUBSET</c>, <c>LIKE</c> and <c>MATCHES</c> comparison with a string or integer value, without duplicates,
    /// in pattern order. Hash algorithm names are normalized to the vocabulary spelling (<c>sha256</c> becomes <c>SHA-256</c>).
    /// </summary>
    public IReadOnlyList<PatternObservable> ExtractObservables() => ObservableExtractor.Extract(this);
}

/// <summary>How two observation expressions are joined.</summary>
public enum ObservationOperator
{
    /// <summary><c>AND</c>: both observation expressions are matched (binds tightest).</summary>
    And,

    /// <summary><c>OR</c>: either observation expression is matched.</summary>
    Or,

    /// <summary><c>FOLLOWEDBY</c>: the left one is matched, then later the right one (binds loosest).</summary>
    FollowedBy,
}

/// <summary>How two comparison expressions inside brackets are joined.</summary>
public enum BooleanOperator
{
    /// <summary><c>AND</c> (binds tighter than <c>OR</c>).</summary>
    And,

    /// <summary><c>OR</c>.</summary>
    Or,
}

/// <summary>The operator of a <see cref="PropertyComparison"/>.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c> (also written <c>==</c>).</summary>
    Equal,

    /// <summary><c>!=</c> (also written <c>&lt;&gt;</c>).</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,

    /// <summary><c>LIKE</c>: SQL wildcard match (<c>%</c> any run of characters, <c>_</c> one character).</summary>
    Like,

    /// <summary><c>MATCHES</c>: regular expression match.</summary>
    Matches,

    /// <summary><c>ISSUBSET</c>: the observed address or network lies inside the given network.</summary>
    IsSubset,

    /// <summary><c>ISSUPERSET</c>: the observed network contains the given address or network.</summary>
    IsSuperset,
}

/// <summary>An observation expression: brackets, or expressions joined by an observation operator, or qualified.</summary>
public abstract record ObservationExpression
{
    /// <summary>Writes the expression in canonical pattern syntax.</summary>
    public sealed override string ToString() => PatternPrinter.Print(this);
}

/// <summary>One observation expression in brackets: <c>[ comparison ]</c>.</summary>
/// <param name="Comparison">The comparison expression inside the brackets.</param>
public sealed record SimpleObservation(ComparisonExpression Comparison) : ObservationExpression
{
    /// <summary>The comparison expression inside the brackets (never null).</summary>
    public ComparisonExpression Comparison { get; init; } = Comparison ?? throw new ArgumentNullException(nameof(Comparison));
}

/// <summary>
/// Two or more observation expressions joined by one operator, e.g. <c>[a] OR [b] OR [c]</c>. A chain written without
/// parentheses is one node; a parenthesized group is a node of its own.
/// </summary>
/// <param name="Operator">The operator.</param>
/// <param name="Operands">At least two operands, in order.</param>
public sealed record CompoundObservation(ObservationOperator Operator, ValueList<ObservationExpression> Operands) : ObservationExpression
{
    /// <summary>The operands (at least two).</summary>
    public ValueList<ObservationExpression> Operands { get; init; } = AstChecks.AtLeastTwo(Operands, nameof(Operands));
}

/// <summary>An observation expression followed by one or more qualifiers, e.g. <c>[a] REPEATS 5 TIMES WITHIN 10 SECONDS</c>.</summary>
/// <param name="Expression">The qualified expression.</param>
/// <param name="Qualifiers">The qualifiers in the order written (at least one).</param>
public sealed record QualifiedObservation(ObservationExpression Expression, ValueList<PatternQualifier> Qualifiers) : ObservationExpression
{
    /// <summary>The qualified expression (never null).</summary>
    public ObservationExpression Expression { get; init; } = Expression ?? throw new ArgumentNullException(nameof(Expression));

    /// <summary>The qualifiers (at least one).</summary>
    public ValueList<PatternQualifier> Qualifiers { get; init; } = AstChecks.AtLeastOne(Qualifiers, nameof(Qualifiers));
}

/// <summary>A qualifier restricting which observations may match an observation expression.</summary>
public abstract record PatternQualifier
{
    /// <summary>Writes the qualifier in pattern syntax.</summary>
    public sealed override string ToString() => PatternPrinter.Print(this);
}

/// <summary><c>WITHIN n SECONDS</c>: all matching observations lie within this many seconds.</summary>
/// <param name="Seconds">A positive number of seconds.</param>
public sealed record WithinQualifier(double Seconds) : PatternQualifier;

/// <summary><c>REPEATS n TIMES</c>: the expression is matched this many times.</summary>
/// <param name="Count">A positive count.</param>
public sealed record RepeatsQualifier(long Count) : PatternQualifier;

/// <summary><c>START t'..' STOP t'..'</c>: matching observations lie in this time window (start inclusive, stop exclusive).</summary>
/// <param name="Start">Start of the window.</param>
/// <param name="Stop">End of the window; must be later than <paramref name="Start"/>.</param>
public sealed record StartStopQualifier(StixTimestamp Start, StixTimestamp Stop) : PatternQualifier;

/// <summary>A comparison expression inside brackets.</summary>
public abstract record ComparisonExpression
{
    /// <summary>Writes the expression in canonical pattern syntax.</summary>
    public sealed override string ToString() => PatternPrinter.Print(this);
}

/// <summary>Two or more comparison expressions joined by one boolean operator.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Operands">At least two operands, in order.</param>
public sealed record CompoundComparison(BooleanOperator Operator, ValueList<ComparisonExpression> Operands) : ComparisonExpression
{
    /// <summary>The operands (at least two).</summary>
    public ValueList<ComparisonExpression> Operands { get; init; } = AstChecks.AtLeastTwo(Operands, nameof(Operands));
}

/// <summary>A property compared with one value: <c>path [NOT] op value</c>.</summary>
/// <param name="Path">The object path.</param>
/// <param name="Operator">The comparison operator.</param>
/// <param name="Negated">Whether <c>NOT</c> precedes the operator.</param>
/// <param name="Value">The value compared with.</param>
public sealed record PropertyComparison(ObjectPath Path, ComparisonOperator Operator, bool Negated, PatternLiteral Value) : ComparisonExpression
{
    /// <summary>The object path (never null).</summary>
    public ObjectPath Path { get; init; } = Path ?? throw new ArgumentNullException(nameof(Path));

    /// <summary>The value (never null).</summary>
    public PatternLiteral Value { get; init; } = Value ?? throw new ArgumentNullException(nameof(Value));
}

/// <summary>A set membership test: <c>path [NOT] IN (v1, v2, ...)</c>.</summary>
/// <param name="Path">The object path.</param>
/// <param name="Negated">Whether <c>NOT</c> precedes <c>IN</c>.</param>
/// <param name="Values">The members of the set (may be empty).</param>
public sealed record SetComparison(ObjectPath Path, bool Negated, ValueList<PatternLiteral> Values) : ComparisonExpression
{
    /// <summary>The object path (never null).</summary>
    public ObjectPath Path { get; init; } = Path ?? throw new ArgumentNullException(nameof(Path));

    /// <summary>The set members (never null).</summary>
    public ValueList<PatternLiteral> Values { get; init; } = Values ?? throw new ArgumentNullException(nameof(Values));
}

/// <summary><c>EXISTS path</c>: the property is present.</summary>
/// <param name="Path">The object path.</param>
public sealed record ExistsComparison(ObjectPath Path) : ComparisonExpression
{
    /// <summary>The object path (never null).</summary>
    public ObjectPath Path { get; init; } = Path ?? throw new ArgumentNullException(nameof(Path));
}

/// <summary>
/// An object path: an object type, a property, then further property names and list indexes, e.g.
/// <c>file:extensions.'windows-pebinary-ext'.sections[*].entropy</c>.
/// </summary>
/// <param name="ObjectType">The object type, e.g. <c>file</c>.</param>
/// <param name="Steps">The path steps; the first one is a <see cref="PropertyStep"/>.</param>
public sealed record ObjectPath(string ObjectType, ValueList<PathStep> Steps)
{
    /// <summary>The object type (never null).</summary>
    public string ObjectType { get; init; } = ObjectType ?? throw new ArgumentNullException(nameof(ObjectType));

    /// <summary>The steps; the first is a property name.</summary>
    public ValueList<PathStep> Steps { get; init; } = AstChecks.PathSteps(Steps);

    /// <summary>Writes the path in canonical pattern syntax.</summary>
    public override string ToString() => PatternPrinter.Print(this);

    /// <summary>The path without the object type and colon, e.g. <c>hashes.'SHA-256'</c>.</summary>
    public string PropertyPath => PatternPrinter.PrintSteps(this);
}

/// <summary>One step of an object path.</summary>
public abstract record PathStep;

/// <summary>A property (or dictionary key) step: <c>.name</c> or <c>.'quoted-name'</c>.</summary>
/// <param name="Name">The property name or dictionary key.</param>
public sealed record PropertyStep(string Name) : PathStep
{
    /// <summary>The name (never null).</summary>
    public string Name { get; init; } = Name ?? throw new ArgumentNullException(nameof(Name));
}

/// <summary>A list step: <c>[n]</c> or <c>[*]</c> (any element).</summary>
/// <param name="Index">The index, or null for <c>[*]</c>.</param>
public sealed record IndexStep(int? Index) : PathStep
{
    /// <summary>The <c>[*]</c> step.</summary>
    public static IndexStep Any { get; } = new((int?)null);

    /// <summary>True for <c>[*]</c>.</summary>
    public bool IsAny => Index is null;
}

/// <summary>A constant in a pattern.</summary>
public abstract record PatternLiteral
{
    /// <summary>Writes the literal in pattern syntax, e.g. <c>'abc'</c>, <c>t'2016-01-01T00:00:00Z'</c>.</summary>
    public sealed override string ToString() => PatternPrinter.Print(this);
}

/// <summary>A string: <c>'text'</c> (with <c>\'</c> and <c>\\</c> escapes).</summary>
/// <param name="Value">The decoded text.</param>
public sealed record StringLiteral(string Value) : PatternLiteral
{
    /// <summary>The text (never null).</summary>
    public string Value { get; init; } = Value ?? throw new ArgumentNullException(nameof(Value));
}

/// <summary>An integer.</summary>
/// <param name="Value">The value.</param>
public sealed record IntegerLiteral(long Value) : PatternLiteral;

/// <summary>A floating-point number (written with a decimal point, no exponent).</summary>
/// <param name="Value">The value (finite).</param>
public sealed record FloatLiteral(double Value) : PatternLiteral;

/// <summary><c>true</c> or <c>false</c>.</summary>
/// <param name="Value">The value.</param>
public sealed record BooleanLiteral(bool Value) : PatternLiteral;

/// <summary>A timestamp: <c>t'2016-01-01T00:00:00Z'</c>.</summary>
/// <param name="Value">The instant.</param>
public sealed record TimestampLiteral(StixTimestamp Value) : PatternLiteral;

/// <summary>Binary data: <c>b'base64'</c> (padded base64).</summary>
/// <param name="Base64">The base64 text as written.</param>
public sealed record BinaryLiteral(string Base64) : PatternLiteral
{
    /// <summary>The base64 text (never null).</summary>
    public string Base64 { get; init; } = Base64 ?? throw new ArgumentNullException(nameof(Base64));

    /// <summary>The decoded bytes.</summary>
    /// <exception cref="FormatException">The text is not valid base64 (only for literals built by hand).</exception>
    public byte[] GetBytes() => Convert.FromBase64String(Base64);
}

/// <summary>Binary data in hexadecimal: <c>h'0a1b'</c> (an even number of digits).</summary>
/// <param name="Hex">The hexadecimal digits as written.</param>
public sealed record HexLiteral(string Hex) : PatternLiteral
{
    /// <summary>The hexadecimal digits (never null).</summary>
    public string Hex { get; init; } = Hex ?? throw new ArgumentNullException(nameof(Hex));

    /// <summary>The decoded bytes.</summary>
    /// <exception cref="FormatException">The text is not valid hexadecimal (only for literals built by hand).</exception>
    public byte[] GetBytes() => Convert.FromHexString(Hex);
}

internal static class AstChecks
{
    public static ValueList<T> AtLeastTwo<T>(ValueList<T> list, string name)
    {
        ArgumentNullException.ThrowIfNull(list, name);
        return list.Count >= 2 ? list : throw new ArgumentException("a compound expression needs at least two operands", name);
    }

    public static ValueList<T> AtLeastOne<T>(ValueList<T> list, string name)
    {
        ArgumentNullException.ThrowIfNull(list, name);
        return list.Count >= 1 ? list : throw new ArgumentException("at least one item is required", name);
    }

    public static ValueList<PathStep> PathSteps(ValueList<PathStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps.Count >= 1 && steps[0] is PropertyStep
            ? steps
            : throw new ArgumentException("an object path starts with a property name", nameof(steps));
    }
}
