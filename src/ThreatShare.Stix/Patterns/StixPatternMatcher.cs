using System.Text.Json;
using System.Text.RegularExpressions;

namespace ThreatShare.Stix.Patterns;

/// <summary>The answer of <see cref="StixPatternMatcher"/>.</summary>
public enum PatternMatchOutcome
{
    /// <summary>The observation matches.</summary>
    Matched,

    /// <summary>The observation does not match.</summary>
    NotMatched,

    /// <summary>The matcher cannot decide; <see cref="PatternMatchResult.Reason"/> says why.</summary>
    NotEvaluable,
}

/// <summary>The result of matching a pattern against one observation.</summary>
/// <param name="Outcome">Matched, not matched or not evaluable.</param>
/// <param name="Reason">Why the pattern could not be evaluated (null otherwise).</param>
public sealed record PatternMatchResult(PatternMatchOutcome Outcome, string? Reason = null)
{
    /// <summary>True when <see cref="Outcome"/> is <see cref="PatternMatchOutcome.Matched"/>.</summary>
    public bool IsMatch => Outcome == PatternMatchOutcome.Matched;
}

/// <summary>
/// Evaluates observation expressions against one observation: a set of SCOs given as JSON objects. Object paths
/// follow <c>*_ref</c> and <c>*_refs</c> values to other objects of the set by <c>id</c>. Comparisons joined by
/// <c>AND</c> that name the same object type must hold for the same object; comparisons of different types each need
/// some object of their type. A negated comparison (<c>NOT =</c>, <c>NOT IN</c>, ...) holds for an object whose path
/// has values, none of which satisfies the comparison.
/// </summary>
/// <remarks>
/// Against one untimed observation, patterns made of several observation expressions joined by <c>AND</c> or
/// <c>FOLLOWEDBY</c>, or with qualifiers (<c>WITHIN</c>, <c>REPEATS</c>, <c>START</c>/<c>STOP</c>), answer
/// <see cref="PatternMatchOutcome.NotEvaluable"/>; <c>OR</c> between observation expressions is evaluated. Give
/// timed observations (<see cref="PatternObservation"/>) to evaluate those too.
/// </remarks>
public sealed partial class StixPatternMatcher
{
    private const int MaxPathValues = 100_000;

    private readonly StixLimits _limits;

    /// <summary>Creates a matcher; <c>MATCHES</c> expressions get the <see cref="StixLimits.RegexTimeout"/> budget.</summary>
    public StixPatternMatcher(StixLimits? limits = null) => _limits = limits ?? StixLimits.Default;

    /// <summary>Matches a whole pattern against one observation (see the remarks on the class for what is evaluable).</summary>
    public PatternMatchResult Match(Pattern pattern, IEnumerable<JsonElement> objects)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(objects);
        var context = new Context(objects, _limits);
        return Evaluate(pattern.Expression, context);
    }

    /// <summary>Matches one bracketed observation expression against one observation.</summary>
    public PatternMatchResult Match(SimpleObservation observation, IEnumerable<JsonElement> objects)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(objects);
        return Evaluate(observation, new Context(objects, _limits));
    }

    private static PatternMatchResult Evaluate(ObservationExpression expression, Context context)
    {
        switch (expression)
        {
            case SimpleObservation simple:
            {
                context.Reason = null;
                bool matched = context.Evaluate(simple.Comparison) is not null;
                return matched ? new PatternMatchResult(PatternMatchOutcome.Matched)
                    : context.Reason is { } reason ? new PatternMatchResult(PatternMatchOutcome.NotEvaluable, reason)
                    : new PatternMatchResult(PatternMatchOutcome.NotMatched);
            }
            case CompoundObservation { Operator: ObservationOperator.Or } or:
            {
                PatternMatchResult? undecided = null;
                foreach (var operand in or.Operands)
                {
                    var result = Evaluate(operand, context);
                    if (result.IsMatch)
                    {
                        return result;
                    }
                    if (result.Outcome == PatternMatchOutcome.NotEvaluable)
                    {
                        undecided ??= result;
                    }
                }
                return undecided ?? new PatternMatchResult(PatternMatchOutcome.NotMatched);
            }
            case CompoundObservation compound:
                return new PatternMatchResult(PatternMatchOutcome.NotEvaluable,
                    $"{(compound.Operator == ObservationOperator.And ? "AND" : "FOLLOWEDBY")} between observation expressions needs several observations; the matcher evaluates one observation");
            default:
                return new PatternMatchResult(PatternMatchOutcome.NotEvaluable,
                    "qualifiers (WITHIN, REPEATS, START/STOP) need timed observations; the matcher evaluates one observation");
        }
    }

    private sealed class Context
    {
        private readonly List<JsonElement> _objects = [];
        private readonly Dictionary<string, JsonElement> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Regex> _regexes = new(StringComparer.Ordinal);
        private readonly StixLimits _limits;

        public Context(IEnumerable<JsonElement> objects, StixLimits limits)
        {
            _limits = limits;
            foreach (var o in objects)
            {
                if (o.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                _objects.Add(o);
                if (o.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { } idText)
                {
                    _byId.TryAdd(idText, o);
                }
            }
        }

        public string? Reason { get; set; }

        /// <summary>Object indexes per type that satisfy the expression, or null when it is false.</summary>
        public Dictionary<string, HashSet<int>>? Evaluate(ComparisonExpression expression)
        {
            switch (expression)
            {
                case CompoundComparison { Operator: BooleanOperator.And } and:
                {
                    Dictionary<string, HashSet<int>>? result = null;
                    foreach (var operand in and.Operands)
                    {
                        var r = Evaluate(operand);
                        if (r is null)
                        {
                            return null;
                        }
                        if (result is null)
                        {
                            result = r;
                            continue;
                        }
                        foreach (var (type, set) in r)
                        {
                            if (result.TryGetValue(type, out var existing))
                            {
                                existing.IntersectWith(set);
                                if (existing.Count == 0)
                                {
                                    return null;
                                }
                            }
                            else
                            {
                                result[type] = set;
                            }
                        }
                    }
                    return result;
                }
                case CompoundComparison or:
                {
                    Dictionary<string, HashSet<int>>? result = null;
                    foreach (var operand in or.Operands)
                    {
                        var r = Evaluate(operand);
                        if (r is null)
                        {
                            continue;
                        }
                        if (result is null)
                        {
                            result = r;
                            continue;
                        }
                        foreach (var (type, set) in r)
                        {
                            if (result.TryGetValue(type, out var existing))
                            {
                                existing.UnionWith(set);
                            }
                            else
                            {
                                result[type] = set;
                            }
                        }
                    }
                    return result;
                }
                default:
                    return EvaluateTest(expression);
            }
        }

        private Dictionary<string, HashSet<int>>? EvaluateTest(ComparisonExpression test)
        {
            var path = test switch
            {
                PropertyComparison p => p.Path,
                SetComparison s => s.Path,
                ExistsComparison e => e.Path,
                _ => throw new ArgumentException("unknown comparison type", nameof(test)),
            };
            HashSet<int>? matches = null;
            for (int i = 0; i < _objects.Count; i++)
            {
                var o = _objects[i];
                if (!o.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals(path.ObjectType))
                {
                    continue;
                }
                var values = Resolve(o, path);
                bool holds = test switch
                {
                    ExistsComparison => values.Count > 0,
                    PropertyComparison p => Holds(values, p.Negated, v => Compare(v, p.Operator, p.Value)),
                    SetComparison s => Holds(values, s.Negated, v => s.Values.Any(member => Equal(v, member))),
                    _ => false,
                };
                if (holds)
                {
                    (matches ??= []).Add(i);
                }
            }
            return matches is null ? null : new Dictionary<string, HashSet<int>>(StringComparer.Ordinal) { [path.ObjectType] = matches };
        }

        private static bool Holds(List<JsonElement> values, bool negated, Func<JsonElement, bool> test)
        {
            bool any = false;
            foreach (var v in values)
            {
                if (test(v))
                {
                    any = true;
                    break;
                }
            }
            return negated ? values.Count > 0 && !any : any;
        }

        private List<JsonElement> Resolve(JsonElement root, ObjectPath path)
        {
            var current = new List<JsonElement> { root };
            var next = new List<JsonElement>();
            foreach (var step in path.Steps)
            {
                next.Clear();
                foreach (var value in current)
                {
                    if (step is PropertyStep property)
                    {
                        var target = value;
                        // A string reached by a further step is a reference (*_ref, or an element of *_refs).
                        if (target.ValueKind == JsonValueKind.String && !_byId.TryGetValue(target.GetString() ?? string.Empty, out target))
                        {
                            continue;
                        }
                        if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(property.Name, out var child))
                        {
                            next.Add(child);
                        }
                    }
                    else if (step is IndexStep index && value.ValueKind == JsonValueKind.Array)
                    {
                        if (index.Index is int n)
                        {
                            if (n >= 0 && n < value.GetArrayLength())
                            {
                                next.Add(value[n]);
                            }
                        }
                        else
                        {
                            next.AddRange(value.EnumerateArray());
                        }
                    }
                }
                if (next.Count > MaxPathValues)
                {
                    Reason = $"the path {path} reaches more than {MaxPathValues} values";
                    return [];
                }
                (current, next) = (next, current);
            }
            return current;
        }

        private bool Compare(JsonElement v, ComparisonOperator op, PatternLiteral literal)
        {
            switch (op)
            {
                case ComparisonOperator.Equal:
                    return Equal(v, literal);
                case ComparisonOperator.NotEqual:
                    return Order(v, literal) is int c ? c != 0 : !Equal(v, literal) && Comparable(v, literal);
                case ComparisonOperator.LessThan:
                    return Order(v, literal) is < 0;
                case ComparisonOperator.LessThanOrEqual:
                    return Order(v, literal) is <= 0;
                case ComparisonOperator.GreaterThan:
                    return Order(v, literal) is > 0;
                case ComparisonOperator.GreaterThanOrEqual:
                    return Order(v, literal) is >= 0;
                case ComparisonOperator.Like:
                    return v.ValueKind == JsonValueKind.String && literal is StringLiteral like && LikeMatcher.IsMatch(v.GetString() ?? string.Empty, like.Value);
                case ComparisonOperator.Matches:
                    return v.ValueKind == JsonValueKind.String && literal is StringLiteral regex && RegexMatch(v.GetString() ?? string.Empty, regex.Value);
                case ComparisonOperator.IsSubset:
                    return v.ValueKind == JsonValueKind.String && literal is StringLiteral net
                        && IpPrefix.TryParse(v.GetString() ?? string.Empty, out var observed) && IpPrefix.TryParse(net.Value, out var block)
                        && observed.IsSubsetOf(block);
                case ComparisonOperator.IsSuperset:
                    return v.ValueKind == JsonValueKind.String && literal is StringLiteral inner
                        && IpPrefix.TryParse(v.GetString() ?? string.Empty, out var observedBlock) && IpPrefix.TryParse(inner.Value, out var member)
                        && member.IsSubsetOf(observedBlock);
                default:
                    return false;
            }
        }

        private bool RegexMatch(string input, string pattern)
        {
            try
            {
                if (!_regexes.TryGetValue(pattern, out var regex))
                {
                    regex = RegexSupport.Create(pattern, _limits.RegexTimeout);
                    _regexes[pattern] = regex;
                }
                return regex.IsMatch(input);
            }
            catch (RegexMatchTimeoutException)
            {
                Reason = $"MATCHES '{pattern}' ran longer than {_limits.RegexTimeout.TotalMilliseconds} ms";
                return false;
            }
            catch (ArgumentException e)
            {
                Reason = $"MATCHES '{pattern}' is not a valid regular expression: {e.Message}";
                return false;
            }
        }

        private static bool Comparable(JsonElement v, PatternLiteral literal) => literal switch
        {
            BooleanLiteral => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => false,
        };

        private static bool Equal(JsonElement v, PatternLiteral literal) => literal switch
        {
            BooleanLiteral b => v.ValueKind == (b.Value ? JsonValueKind.True : JsonValueKind.False),
            _ => Order(v, literal) == 0,
        };

        /// <summary>Compares a JSON value with a literal; null when they are of kinds that do not compare.</summary>
        private static int? Order(JsonElement v, PatternLiteral literal)
        {
            switch (literal)
            {
                case StringLiteral s when v.ValueKind == JsonValueKind.String:
                    return Math.Sign(string.CompareOrdinal(v.GetString(), s.Value));
                case IntegerLiteral i when v.ValueKind == JsonValueKind.Number:
                    return v.TryGetInt64(out long l) ? l.CompareTo(i.Value) : Math.Sign(v.GetDouble().CompareTo((double)i.Value));
                case FloatLiteral f when v.ValueKind == JsonValueKind.Number:
                    return Math.Sign(v.GetDouble().CompareTo(f.Value));
                case TimestampLiteral t when v.ValueKind == JsonValueKind.String:
                    return StixTimestamp.TryParse(v.GetString(), out var ts) ? Math.Sign(ts.CompareTo(t.Value)) : null;
                case BinaryLiteral b when v.ValueKind == JsonValueKind.String:
                    return TryBase64(v.GetString(), out var bytes) && TryBase64(b.Base64, out var other) ? Math.Sign(bytes.AsSpan().SequenceCompareTo(other)) : null;
                case HexLiteral h when v.ValueKind == JsonValueKind.String:
                    return TryHex(v.GetString(), out var hex) && TryHex(h.Hex, out var otherHex) ? Math.Sign(hex.AsSpan().SequenceCompareTo(otherHex)) : null;
                default:
                    return null;
            }
        }

        private static bool TryBase64(string? s, out byte[] bytes)
        {
            bytes = [];
            if (s is null)
            {
                return false;
            }
            var buffer = new byte[(s.Length * 3 / 4) + 3];
            if (!Convert.TryFromBase64String(s, buffer, out int written))
            {
                return false;
            }
            bytes = buffer[..written];
            return true;
        }

        private static bool TryHex(string? s, out byte[] bytes)
        {
            bytes = [];
            if (s is null || s.Length % 2 != 0)
            {
                return false;
            }
            foreach (char c in s)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }
            bytes = Convert.FromHexString(s);
            return true;
        }
    }
}

/// <summary>SQL <c>LIKE</c>: <c>%</c> matches any run of characters, <c>_</c> exactly one; everything else literally (ordinal).</summary>
internal static class LikeMatcher
{
    public static bool IsMatch(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        // Iterative wildcard match with one backtrack point: O(text * pattern) at worst, no recursion.
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '_' || (pattern[p] != '%' && pattern[p] == text[t])))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '%')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '%')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
