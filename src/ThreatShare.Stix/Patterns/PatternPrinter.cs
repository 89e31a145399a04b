using System.Globalization;
using System.Text;

namespace ThreatShare.Stix.Patterns;

/// <summary>
/// Writes pattern trees as canonical text: single spaces, <c>=</c> and <c>!=</c> spellings, keywords in upper case,
/// property names quoted only when needed, and parentheses only where precedence requires them (or where the tree
/// has a parenthesized group). The text parses back to an equal tree.
/// </summary>
public static class PatternPrinter
{
    /// <summary>Writes a pattern.</summary>
    public static string Print(Pattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Print(pattern.Expression);
    }

    /// <summary>Writes an observation expression.</summary>
    public static string Print(ObservationExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var sb = new StringBuilder(64);
        Write(sb, expression);
        return sb.ToString();
    }

    /// <summary>Writes a comparison expression (without brackets).</summary>
    public static string Print(ComparisonExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var sb = new StringBuilder(64);
        Write(sb, expression);
        return sb.ToString();
    }

    /// <summary>Writes a qualifier.</summary>
    public static string Print(PatternQualifier qualifier)
    {
        ArgumentNullException.ThrowIfNull(qualifier);
        var sb = new StringBuilder(32);
        Write(sb, qualifier);
        return sb.ToString();
    }

    /// <summary>Writes an object path.</summary>
    public static string Print(ObjectPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sb = new StringBuilder(32);
        Write(sb, path);
        return sb.ToString();
    }

    /// <summary>Writes a literal.</summary>
    public static string Print(PatternLiteral literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        var sb = new StringBuilder(16);
        Write(sb, literal);
        return sb.ToString();
    }

    internal static string PrintSteps(ObjectPath path)
    {
        if (path.Steps.Count == 1 && path.Steps[0] is PropertyStep only && IsBareName(only.Name))
        {
            return only.Name;
        }
        var sb = new StringBuilder(16);
        WriteSteps(sb, path.Steps, 0);
        return sb.ToString();
    }

    private static int Precedence(ObservationOperator op) => op switch
    {
        ObservationOperator.FollowedBy => 0,
        ObservationOperator.Or => 1,
        _ => 2,
    };

    private static string Keyword(ObservationOperator op) => op switch
    {
        ObservationOperator.FollowedBy => " FOLLOWEDBY ",
        ObservationOperator.Or => " OR ",
        _ => " AND ",
    };

    private static void Write(StringBuilder sb, ObservationExpression expression)
    {
        switch (expression)
        {
            case SimpleObservation simple:
                sb.Append('[');
                Write(sb, simple.Comparison);
                sb.Append(']');
                break;
            case CompoundObservation compound:
                for (int i = 0; i < compound.Operands.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(Keyword(compound.Operator));
                    }
                    var operand = compound.Operands[i];
                    bool parens = operand is CompoundObservation inner && Precedence(inner.Operator) <= Precedence(compound.Operator);
                    WriteGrouped(sb, operand, parens);
                }
                break;
            case QualifiedObservation qualified:
                // Repeating a qualifier type is valid only on a parenthesized group, so keep the parentheses then.
                bool repeatsType = qualified.Qualifiers.GroupBy(q => q.GetType()).Any(g => g.Count() > 1);
                WriteGrouped(sb, qualified.Expression, qualified.Expression is not SimpleObservation || repeatsType);
                foreach (var qualifier in qualified.Qualifiers)
                {
                    sb.Append(' ');
                    Write(sb, qualifier);
                }
                break;
            default:
                throw new ArgumentException("unknown observation expression type", nameof(expression));
        }
    }

    private static void WriteGrouped(StringBuilder sb, ObservationExpression expression, bool parens)
    {
        if (parens)
        {
            sb.Append('(');
        }
        Write(sb, expression);
        if (parens)
        {
            sb.Append(')');
        }
    }

    private static void Write(StringBuilder sb, PatternQualifier qualifier)
    {
        switch (qualifier)
        {
            case WithinQualifier within:
                sb.Append("WITHIN ");
                if (double.IsInteger(within.Seconds) && Math.Abs(within.Seconds) < 1e15)
                {
                    sb.Append(((long)within.Seconds).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(FormatFloat(within.Seconds));
                }
                sb.Append(" SECONDS");
                break;
            case RepeatsQualifier repeats:
                sb.Append("REPEATS ").Append(repeats.Count.ToString(CultureInfo.InvariantCulture)).Append(" TIMES");
                break;
            case StartStopQualifier startStop:
                sb.Append("START t'").Append(startStop.Start.ToString()).Append("' STOP t'").Append(startStop.Stop.ToString()).Append('\'');
                break;
            default:
                throw new ArgumentException("unknown qualifier type", nameof(qualifier));
        }
    }

    private static void Write(StringBuilder sb, ComparisonExpression expression)
    {
        switch (expression)
        {
            case CompoundComparison compound:
                for (int i = 0; i < compound.Operands.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(compound.Operator == BooleanOperator.And ? " AND " : " OR ");
                    }
                    var operand = compound.Operands[i];
                    // AND binds tighter than OR: an inner group needs parentheses unless it binds tighter than this one.
                    bool parens = operand is CompoundComparison inner && !(inner.Operator == BooleanOperator.And && compound.Operator == BooleanOperator.Or);
                    if (parens)
                    {
                        sb.Append('(');
                    }
                    Write(sb, operand);
                    if (parens)
                    {
                        sb.Append(')');
                    }
                }
                break;
            case PropertyComparison comparison:
                Write(sb, comparison.Path);
                sb.Append(comparison.Negated ? " NOT " : " ").Append(comparison.Operator switch
                {
                    ComparisonOperator.Equal => "=",
                    ComparisonOperator.NotEqual => "!=",
                    ComparisonOperator.LessThan => "<",
                    ComparisonOperator.LessThanOrEqual => "<=",
                    ComparisonOperator.GreaterThan => ">",
                    ComparisonOperator.GreaterThanOrEqual => ">=",
                    ComparisonOperator.Like => "LIKE",
                    ComparisonOperator.Matches => "MATCHES",
                    ComparisonOperator.IsSubset => "ISSUBSET",
                    ComparisonOperator.IsSuperset => "ISSUPERSET",
                    _ => throw new ArgumentException("unknown comparison operator", nameof(expression)),
                }).Append(' ');
                Write(sb, comparison.Value);
                break;
            case SetComparison set:
                Write(sb, set.Path);
                sb.Append(set.Negated ? " NOT IN (" : " IN (");
                for (int i = 0; i < set.Values.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }
                    Write(sb, set.Values[i]);
                }
                sb.Append(')');
                break;
            case ExistsComparison exists:
                sb.Append("EXISTS ");
                Write(sb, exists.Path);
                break;
            default:
                throw new ArgumentException("unknown comparison expression type", nameof(expression));
        }
    }

    private static void Write(StringBuilder sb, ObjectPath path)
    {
        sb.Append(path.ObjectType).Append(':');
        WriteSteps(sb, path.Steps, 0);
    }

    private static void WriteSteps(StringBuilder sb, ValueList<PathStep> steps, int from)
    {
        for (int i = from; i < steps.Count; i++)
        {
            switch (steps[i])
            {
                case PropertyStep property:
                    if (i > 0)
                    {
                        sb.Append('.');
                    }
                    if (IsBareName(property.Name))
                    {
                        sb.Append(property.Name);
                    }
                    else
                    {
                        WriteQuoted(sb, property.Name);
                    }
                    break;
                case IndexStep index:
                    sb.Append('[');
                    if (index.Index is int n)
                    {
                        sb.Append(n.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append('*');
                    }
                    sb.Append(']');
                    break;
                default:
                    throw new ArgumentException("unknown path step type", nameof(steps));
            }
        }
    }

    private static bool IsBareName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return !PatternVocabulary.IsReserved(name);
    }

    private static void WriteQuoted(StringBuilder sb, string text)
    {
        sb.Append('\'');
        foreach (char c in text)
        {
            if (c is '\'' or '\\')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        sb.Append('\'');
    }

    private static void Write(StringBuilder sb, PatternLiteral literal)
    {
        switch (literal)
        {
            case StringLiteral s:
                WriteQuoted(sb, s.Value);
                break;
            case IntegerLiteral i:
                sb.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FloatLiteral f:
                sb.Append(FormatFloat(f.Value));
                break;
            case BooleanLiteral b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case TimestampLiteral t:
                sb.Append("t'").Append(t.Value.ToString()).Append('\'');
                break;
            case BinaryLiteral b:
                sb.Append("b'").Append(b.Base64).Append('\'');
                break;
            case HexLiteral h:
                sb.Append("h'").Append(h.Hex).Append('\'');
                break;
            default:
                throw new ArgumentException("unknown literal type", nameof(literal));
        }
    }

    /// <summary>Decimal notation with a point and no exponent (the grammar has none), shortest round-trip digits.</summary>
    internal static string FormatFloat(double value)
    {
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            bool negative = r[0] == '-';
            string mantissa = r[(negative ? 1 : 0)..e];
            int exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
            string digits = mantissa.Replace(".", "", StringComparison.Ordinal);
            int point = (dot < 0 ? mantissa.Length : dot) + exponent;
            if (point <= 0)
            {
                r = string.Concat("0.", new string('0', -point), digits);
            }
            else if (point >= digits.Length)
            {
                r = digits + new string('0', point - digits.Length);
            }
            else
            {
                r = string.Concat(digits.AsSpan(0, point), ".", digits.AsSpan(point));
            }
            if (negative)
            {
                r = "-" + r;
            }
        }
        return r.Contains('.', StringComparison.Ordinal) ? r : r + ".0";
    }
}
