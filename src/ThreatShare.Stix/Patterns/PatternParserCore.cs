using System.Globalization;
using System.Runtime.CompilerServices;

namespace ThreatShare.Stix.Patterns;

internal enum TokenKind
{
    End,
    Error,
    LBracket,
    RBracket,
    LParen,
    RParen,
    Colon,
    Dot,
    Comma,
    Asterisk,
    Eq,
    Neq,
    Lt,
    Le,
    Gt,
    Ge,
    Identifier,
    String,
    Integer,
    Float,
    Boolean,
    Timestamp,
    Binary,
    Hex,
    And,
    Or,
    Not,
    FollowedBy,
    Like,
    Matches,
    IsSubset,
    IsSuperset,
    Exists,
    In,
    Start,
    Stop,
    Seconds,
    Within,
    Repeats,
    Times,
    Last,
}

/// <summary>
/// Hand-written lexer and recursive-descent parser for the STIX 2.1 pattern grammar, with the semantic checks done
/// while parsing (the tokens' positions are at hand). Recursion happens only at brackets and parentheses, and the
/// nesting is checked before recursing, so no input can exhaust the stack.
/// </summary>
internal sealed partial class PatternParserCore
{
    private const int MaxDiagnostics = 100;

    private readonly string _text;
    private readonly StixLimits _limits;
    private readonly int _maxDepth;
    private List<PatternDiagnostic>? _errors;
    private List<PatternDiagnostic>? _warnings;
    private int _depth;
    private bool _failed;
    private int _lineCacheOffset;
    private int _lineCacheLine = 1;
    private int _lineCacheStart;

    // Current token.
    private int _pos;
    private TokenKind _kind;
    private int _start;
    private int _end;
    private bool _hasHyphen;
    private long _int;
    private double _float;
    private string? _string;
    private StixTimestamp _timestamp;
    private string? _lexError;

    public PatternParserCore(string text, StixLimits limits)
    {
        _text = text;
        _limits = limits;
        _maxDepth = Math.Max(1, limits.MaxPatternDepth);
    }

    public PatternParseResult Run()
    {
        Pattern? pattern = null;
        if (_text.Length > _limits.MaxPatternLength)
        {
            AddError(0, string.Create(CultureInfo.InvariantCulture, $"pattern is {_text.Length} characters long; the limit is {_limits.MaxPatternLength}"));
        }
        else
        {
            pattern = ParsePattern();
            if (_failed)
            {
                pattern = null;
            }
        }
        return new PatternParseResult
        {
            Pattern = pattern,
            Errors = _errors ?? (IReadOnlyList<PatternDiagnostic>)[],
            Warnings = _warnings ?? (IReadOnlyList<PatternDiagnostic>)[],
        };
    }

    // ------------------------------------------------------------------ parser

    private Pattern? ParsePattern()
    {
        Next();
        if (_kind == TokenKind.End)
        {
            Fail(_start, _text.Length == 0 ? "pattern is empty" : "pattern has no content (only whitespace or comments)");
            return null;
        }
        if (_kind is not (TokenKind.LBracket or TokenKind.LParen or TokenKind.Error))
        {
            Fail(_start, $"a pattern starts with '[' (an observation expression, optionally after '('), found {Describe()}");
            return null;
        }
        var expression = ParseObservationChain(0);
        if (expression is null)
        {
            return null;
        }
        if (_kind != TokenKind.End)
        {
            Fail(_start, _kind switch
            {
                TokenKind.RBracket => "']' has no matching '['",
                TokenKind.RParen => "')' has no matching '('",
                TokenKind.LBracket or TokenKind.LParen => $"expected AND, OR or FOLLOWEDBY between observation expressions, found {Describe()}",
                _ => $"expected AND, OR, FOLLOWEDBY or a qualifier after the observation expression, found {Describe()}",
            });
            return null;
        }
        return new Pattern(expression);
    }

    // level 0: FOLLOWEDBY (loosest), 1: OR, 2: AND
    private ObservationExpression? ParseObservationChain(int level)
    {
        var first = level == 2 ? ParseQualifiedObservation() : ParseObservationChain(level + 1);
        if (first is null)
        {
            return null;
        }
        var op = level switch { 0 => TokenKind.FollowedBy, 1 => TokenKind.Or, _ => TokenKind.And };
        if (_kind != op)
        {
            return first;
        }
        var operands = new List<ObservationExpression>(2) { first };
        while (_kind == op)
        {
            Next();
            var next = level == 2 ? ParseQualifiedObservation() : ParseObservationChain(level + 1);
            if (next is null)
            {
                return null;
            }
            operands.Add(next);
        }
        var obsOp = level switch { 0 => ObservationOperator.FollowedBy, 1 => ObservationOperator.Or, _ => ObservationOperator.And };
        return new CompoundObservation(obsOp, ValueList<ObservationExpression>.Own([.. operands]));
    }

    private ObservationExpression? ParseQualifiedObservation()
    {
        // Like the OASIS reference validator, a qualifier type may be repeated only on a parenthesized group
        // ("([a] WITHIN 5 SECONDS) WITHIN 10 SECONDS", or "([a]) WITHIN 5 SECONDS WITHIN 10 SECONDS"), never
        // directly on brackets.
        bool grouped = _kind == TokenKind.LParen;
        var primary = ParseObservationPrimary();
        if (primary is null || _kind is not (TokenKind.Within or TokenKind.Repeats or TokenKind.Start))
        {
            return primary;
        }
        var qualifiers = new List<PatternQualifier>(1);
        while (_kind is TokenKind.Within or TokenKind.Repeats or TokenKind.Start)
        {
            int at = _start;
            var qualifier = ParseQualifier();
            if (qualifier is null)
            {
                return null;
            }
            foreach (var existing in qualifiers)
            {
                if (!grouped && existing.GetType() == qualifier.GetType())
                {
                    AddError(at, $"the observation expression already has a {QualifierName(qualifier)} qualifier; each qualifier may be applied once (group with parentheses to apply it again)");
                }
            }
            qualifiers.Add(qualifier);
        }
        return new QualifiedObservation(primary, ValueList<PatternQualifier>.Own([.. qualifiers]));
    }

    private static string QualifierName(PatternQualifier q) => q switch
    {
        WithinQualifier => "WITHIN",
        RepeatsQualifier => "REPEATS",
        _ => "START/STOP",
    };

    private PatternQualifier? ParseQualifier()
    {
        switch (_kind)
        {
            case TokenKind.Within:
            {
                Next();
                int at = _start;
                double seconds;
                if (_kind == TokenKind.Integer)
                {
                    seconds = _int;
                }
                else if (_kind == TokenKind.Float)
                {
                    seconds = _float;
                }
                else
                {
                    Fail(_start, $"WITHIN needs a positive number of seconds, found {Describe()}");
                    return null;
                }
                if (!(seconds > 0))
                {
                    AddError(at, $"WITHIN needs a positive number of seconds, found {Slice(_start, _end)}");
                }
                Next();
                if (_kind != TokenKind.Seconds)
                {
                    Fail(_start, $"expected SECONDS after the WITHIN duration, found {Describe()}");
                    return null;
                }
                Next();
                return new WithinQualifier(seconds);
            }
            case TokenKind.Repeats:
            {
                Next();
                if (_kind != TokenKind.Integer)
                {
                    Fail(_start, $"REPEATS needs a positive integer, found {Describe()}");
                    return null;
                }
                long count = _int;
                if (count <= 0)
                {
                    AddError(_start, $"REPEATS needs a positive integer, found {Slice(_start, _end)}");
                }
                Next();
                if (_kind != TokenKind.Times)
                {
                    Fail(_start, $"expected TIMES after the REPEATS count, found {Describe()}");
                    return null;
                }
                Next();
                return new RepeatsQualifier(count);
            }
            default:
            {
                Next();
                int startAt = _start;
                if (_kind != TokenKind.Timestamp)
                {
                    Fail(_start, TimestampExpected("START"));
                    return null;
                }
                var start = _timestamp;
                Next();
                if (_kind != TokenKind.Stop)
                {
                    Fail(_start, $"expected STOP after the START timestamp, found {Describe()}");
                    return null;
                }
                Next();
                if (_kind != TokenKind.Timestamp)
                {
                    Fail(_start, TimestampExpected("STOP"));
                    return null;
                }
                var stop = _timestamp;
                if (stop <= start)
                {
                    AddError(startAt, $"START ({start}) must be earlier than STOP ({stop})");
                }
                Next();
                return new StartStopQualifier(start, stop);
            }
        }
    }

    private string TimestampExpected(string keyword) => _kind == TokenKind.String
        ? $"{keyword} needs a timestamp literal such as t'2016-01-01T00:00:00Z', found a plain string (write t'...')"
        : $"{keyword} needs a timestamp literal such as t'2016-01-01T00:00:00Z', found {Describe()}";

    private ObservationExpression? ParseObservationPrimary()
    {
        if (_kind == TokenKind.LBracket)
        {
            int open = _start;
            if (!Enter(open))
            {
                return null;
            }
            Next();
            if (_kind == TokenKind.RBracket)
            {
                Fail(_start, "an observation expression cannot be empty: expected a comparison such as ipv4-addr:value = '198.51.100.1'");
                return null;
            }
            var comparison = ParseComparisonChain(BooleanOperator.Or);
            if (comparison is null)
            {
                return null;
            }
            if (_kind != TokenKind.RBracket)
            {
                Fail(_start, $"expected ']' to close the observation expression opened at {Where(open)}, found {Describe()}");
                return null;
            }
            _depth--;
            Next();
            return new SimpleObservation(comparison);
        }
        if (_kind == TokenKind.LParen)
        {
            int open = _start;
            if (!Enter(open))
            {
                return null;
            }
            Next();
            var inner = ParseObservationChain(0);
            if (inner is null)
            {
                return null;
            }
            if (_kind != TokenKind.RParen)
            {
                Fail(_start, $"expected ')' to close the group opened at {Where(open)}, found {Describe()}");
                return null;
            }
            _depth--;
            Next();
            return inner;
        }
        Fail(_start, _kind is TokenKind.Identifier or TokenKind.Exists or TokenKind.Not
            ? $"expected '[' to open an observation expression before the comparison, found {Describe()}"
            : $"expected an observation expression ('[' or '('), found {Describe()}");
        return null;
    }

    private ComparisonExpression? ParseComparisonChain(BooleanOperator level)
    {
        int firstAt = _start;
        var first = level == BooleanOperator.And ? ParseComparisonPrimary() : ParseComparisonChain(BooleanOperator.And);
        if (first is null)
        {
            return null;
        }
        var op = level == BooleanOperator.And ? TokenKind.And : TokenKind.Or;
        if (_kind != op)
        {
            return first;
        }
        var operands = new List<ComparisonExpression>(2) { first };
        var starts = new List<int>(2) { firstAt };
        while (_kind == op)
        {
            Next();
            starts.Add(_start);
            var next = level == BooleanOperator.And ? ParseComparisonPrimary() : ParseComparisonChain(BooleanOperator.And);
            if (next is null)
            {
                return null;
            }
            operands.Add(next);
        }
        if (level == BooleanOperator.And)
        {
            CheckSameObjectType(operands, starts);
        }
        return new CompoundComparison(level, ValueList<ComparisonExpression>.Own([.. operands]));
    }

    private void CheckSameObjectType(List<ComparisonExpression> operands, List<int> starts)
    {
        string? type = null;
        for (int i = 0; i < operands.Count; i++)
        {
            var operand = operands[i];
            string? t = operand switch
            {
                PropertyComparison p => p.Path.ObjectType,
                SetComparison s => s.Path.ObjectType,
                ExistsComparison e => e.Path.ObjectType,
                _ => null,
            };
            if (t is null)
            {
                continue;
            }
            if (type is null)
            {
                type = t;
            }
            else if (!string.Equals(type, t, StringComparison.Ordinal))
            {
                AddWarning(starts[i], $"comparisons joined by AND name different object types ('{type}' and '{t}'); they must hold for one and the same object, so this can never match");
                return;
            }
        }
    }

    private ComparisonExpression? ParseComparisonPrimary()
    {
        switch (_kind)
        {
            case TokenKind.LParen:
            {
                int open = _start;
                if (!Enter(open))
                {
                    return null;
                }
                Next();
                var inner = ParseComparisonChain(BooleanOperator.Or);
                if (inner is null)
                {
                    return null;
                }
                if (_kind != TokenKind.RParen)
                {
                    Fail(_start, $"expected ')' to close the group opened at {Where(open)}, found {Describe()}");
                    return null;
                }
                _depth--;
                Next();
                return inner;
            }
            case TokenKind.Exists:
            {
                Next();
                var path = ParseObjectPath();
                return path is null ? null : new ExistsComparison(path);
            }
            case TokenKind.Not:
            {
                int at = _start;
                Next();
                Fail(at, _kind == TokenKind.Exists
                    ? "NOT cannot precede EXISTS: the STIX 2.1 grammar allows NOT only between an object path and its comparison operator"
                    : "NOT goes between the object path and the operator, e.g. file:name NOT = 'x'");
                return null;
            }
            case TokenKind.Identifier:
                return ParseComparison();
            case TokenKind.LBracket:
                Fail(_start, "'[' cannot appear inside an observation expression: close it with ']' first");
                return null;
            default:
                Fail(_start, $"expected a comparison (object path such as file:name, EXISTS, or '('), found {Describe()}");
                return null;
        }
    }

    private ComparisonExpression? ParseComparison()
    {
        var path = ParseObjectPath();
        if (path is null)
        {
            return null;
        }
        bool negated = false;
        if (_kind == TokenKind.Not)
        {
            negated = true;
            Next();
        }
        int opAt = _start;
        ComparisonOperator op;
        switch (_kind)
        {
            case TokenKind.Eq: op = ComparisonOperator.Equal; break;
            case TokenKind.Neq: op = ComparisonOperator.NotEqual; break;
            case TokenKind.Lt: op = ComparisonOperator.LessThan; break;
            case TokenKind.Le: op = ComparisonOperator.LessThanOrEqual; break;
            case TokenKind.Gt: op = ComparisonOperator.GreaterThan; break;
            case TokenKind.Ge: op = ComparisonOperator.GreaterThanOrEqual; break;
            case TokenKind.Like: op = ComparisonOperator.Like; break;
            case TokenKind.Matches: op = ComparisonOperator.Matches; break;
            case TokenKind.IsSubset: op = ComparisonOperator.IsSubset; break;
            case TokenKind.IsSuperset: op = ComparisonOperator.IsSuperset; break;
            case TokenKind.In:
                return ParseSet(path, negated);
            case TokenKind.Exists:
                Fail(_start, "EXISTS goes before the object path, e.g. EXISTS file:name");
                return null;
            default:
                Fail(_start, $"expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET) after {path}, found {Describe()}");
                return null;
        }
        Next();
        int valueAt = _start;
        var value = ParseLiteral();
        if (value is null)
        {
            return null;
        }
        switch (op)
        {
            case ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual or ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual:
                if (value is BooleanLiteral)
                {
                    AddError(valueAt, $"'{Slice(opAt, opAt + (op is ComparisonOperator.LessThan or ComparisonOperator.GreaterThan ? 1 : 2))}' needs an orderable value (number, string, timestamp, binary), found a boolean");
                }
                break;
            case ComparisonOperator.Like or ComparisonOperator.Matches or ComparisonOperator.IsSubset or ComparisonOperator.IsSuperset:
                if (value is not StringLiteral s)
                {
                    AddError(valueAt, $"{OperatorKeyword(op)} needs a string value, found {LiteralKind(value)}");
                }
                else if (op == ComparisonOperator.Matches)
                {
                    if (!RegexSupport.TryValidate(s.Value, out string? regexError))
                    {
                        AddError(valueAt, $"MATCHES needs a valid regular expression: {regexError}");
                    }
                }
                else if (op is ComparisonOperator.IsSubset or ComparisonOperator.IsSuperset)
                {
                    if (!IpPrefix.TryParse(s.Value, out _))
                    {
                        AddError(valueAt, $"{OperatorKeyword(op)} needs an IPv4 or IPv6 address or CIDR block such as '198.51.100.0/24', found '{Truncate(s.Value)}'");
                    }
                    else if (path.ObjectType is not ("ipv4-addr" or "ipv6-addr") && !FollowsReference(path))
                    {
                        AddWarning(opAt, $"{OperatorKeyword(op)} compares IP networks, but '{path.ObjectType}' is not ipv4-addr or ipv6-addr");
                    }
                }
                break;
        }
        if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            CheckHash(path, value, valueAt);
        }
        if (value is StringLiteral && op is not (ComparisonOperator.Like or ComparisonOperator.Matches) && path.Steps.Count == 1
            && PatternVocabulary.ExpectedLiteral(path.ObjectType, ((PropertyStep)path.Steps[0]).Name) is { } expected)
        {
            AddWarning(valueAt, $"'{((PropertyStep)path.Steps[0]).Name}' is {expected}, not a string");
        }
        return new PropertyComparison(path, op, negated, value);
    }

    private SetComparison? ParseSet(ObjectPath path, bool negated)
    {
        Next();
        if (_kind != TokenKind.LParen)
        {
            Fail(_start, $"IN needs a parenthesized list of values such as ('a', 'b'), found {Describe()}");
            return null;
        }
        int open = _start;
        Next();
        var values = new List<PatternLiteral>();
        if (_kind != TokenKind.RParen)
        {
            while (true)
            {
                int valueAt = _start;
                var value = ParseLiteral();
                if (value is null)
                {
                    return null;
                }
                CheckHash(path, value, valueAt);
                values.Add(value);
                if (_kind == TokenKind.Comma)
                {
                    Next();
                    continue;
                }
                if (_kind == TokenKind.RParen)
                {
                    break;
                }
                Fail(_start, $"expected ',' or ')' to close the IN list opened at {Where(open)}, found {Describe()}");
                return null;
            }
        }
        Next();
        return new SetComparison(path, negated, ValueList<PatternLiteral>.Own([.. values]));
    }

    private PatternLiteral? ParseLiteral()
    {
        PatternLiteral? literal = _kind switch
        {
            TokenKind.String => new StringLiteral(_string ?? string.Empty),
            TokenKind.Integer => new IntegerLiteral(_int),
            TokenKind.Float => new FloatLiteral(_float),
            TokenKind.Boolean => new BooleanLiteral(_int != 0),
            TokenKind.Timestamp => new TimestampLiteral(_timestamp),
            TokenKind.Binary => new BinaryLiteral(_string ?? string.Empty),
            TokenKind.Hex => new HexLiteral(_string ?? string.Empty),
            _ => null,
        };
        if (literal is null)
        {
            Fail(_start, _kind == TokenKind.Identifier
                ? $"expected a value (string in single quotes, number, true/false, t'...', b'...', h'...'), found {Describe()}; strings are written in single quotes"
                : $"expected a value (string in single quotes, number, true/false, t'...', b'...', h'...'), found {Describe()}");
            return null;
        }
        Next();
        return literal;
    }

    private ObjectPath? ParseObjectPath()
    {
        if (_kind != TokenKind.Identifier)
        {
            Fail(_start, $"expected an object type such as file or ipv4-addr, found {Describe()}");
            return null;
        }
        int typeAt = _start;
        var typeSpan = _text.AsSpan(_start, _end - _start);
        string type = PatternVocabulary.InternType(typeSpan, out bool knownType);
        if (!StixNames.IsValidTypeName(typeSpan))
        {
            AddError(typeAt, $"'{Truncate(type)}' is not a valid object type name (3 to 250 characters of a-z, 0-9 and '-', no '--')");
        }
        else if (!knownType)
        {
            AddWarning(typeAt, $"'{Truncate(type)}' is not an object type defined by STIX 2.1 (custom objects are allowed)");
        }
        Next();
        if (_kind != TokenKind.Colon)
        {
            Fail(_start, $"expected ':' after the object type '{Truncate(type)}', found {Describe()}");
            return null;
        }
        Next();
        int propertyAt = _start;
        var first = ParsePropertyName(type, true);
        if (first is null)
        {
            return null;
        }
        if (knownType && !PatternVocabulary.IsKnownProperty(type, first))
        {
            AddWarning(propertyAt, $"'{Truncate(first)}' is not a property of '{type}' in STIX 2.1 (custom properties are allowed)");
        }
        if (_kind is not (TokenKind.Dot or TokenKind.LBracket) && PatternVocabulary.SharedSingleStep(first) is { } shared)
        {
            // The common case, type:property, shares an immutable one-step list instead of allocating one.
            return new ObjectPath(type, shared);
        }
        var steps = new List<PathStep>(2) { new PropertyStep(first) };
        while (true)
        {
            if (_kind == TokenKind.Dot)
            {
                Next();
                var name = ParsePropertyName(type, false);
                if (name is null)
                {
                    return null;
                }
                steps.Add(new PropertyStep(name));
            }
            else if (_kind == TokenKind.LBracket)
            {
                int open = _start;
                Next();
                IndexStep step;
                if (_kind == TokenKind.Asterisk)
                {
                    step = IndexStep.Any;
                }
                else if (_kind == TokenKind.Integer)
                {
                    if (_int is < int.MinValue or > int.MaxValue)
                    {
                        AddError(_start, "list index is out of range");
                    }
                    else if (_int < 0)
                    {
                        AddWarning(_start, "a negative list index never selects an element");
                    }
                    step = new IndexStep((int)Math.Clamp(_int, int.MinValue, int.MaxValue));
                }
                else
                {
                    Fail(_start, $"expected a list index (an integer or '*') after '[', found {Describe()}");
                    return null;
                }
                Next();
                if (_kind != TokenKind.RBracket)
                {
                    Fail(_start, $"expected ']' to close the list index opened at {Where(open)}, found {Describe()}");
                    return null;
                }
                Next();
                steps.Add(step);
            }
            else
            {
                break;
            }
        }
        if (steps.Count >= 2 && steps[^1] is PropertyStep algorithm && steps[^2] is PropertyStep { Name: "hashes" })
        {
            string? canonical = HashAlgorithms.Normalize(algorithm.Name);
            if (canonical is null)
            {
                AddWarning(typeAt, $"hash algorithm '{Truncate(algorithm.Name)}' is not in the STIX 2.1 hash-algorithm vocabulary (MD5, SHA-1, SHA-256, SHA-512, SHA3-256, SHA3-512, SSDEEP, TLSH)");
            }
            else if (!string.Equals(canonical, algorithm.Name, StringComparison.Ordinal))
            {
                AddWarning(typeAt, $"hash algorithm '{Truncate(algorithm.Name)}' should be written '{canonical}' as in the STIX 2.1 vocabulary");
            }
        }
        return new ObjectPath(type, ValueList<PathStep>.Own([.. steps]));
    }

    private string? ParsePropertyName(string type, bool first)
    {
        if (_kind == TokenKind.String)
        {
            string name = _string ?? string.Empty;
            Next();
            return name;
        }
        if (_kind == TokenKind.Identifier)
        {
            if (_hasHyphen)
            {
                var text = Slice(_start, _end);
                Fail(_start, $"property name '{text}' contains '-': quote it, as in {type}:{(first ? "" : "...")}'{text}'");
                return null;
            }
            string name = PatternVocabulary.InternProperty(_text.AsSpan(_start, _end - _start));
            Next();
            return name;
        }
        Fail(_start, first
            ? $"expected a property name after '{type}:', found {Describe()}"
            : $"expected a property name after '.', found {Describe()}");
        return null;
    }

    private void CheckHash(ObjectPath path, PatternLiteral value, int valueAt)
    {
        var steps = path.Steps;
        if (steps.Count < 2 || steps[^1] is not PropertyStep algorithm || steps[^2] is not PropertyStep { Name: "hashes" })
        {
            return;
        }
        string? canonical = HashAlgorithms.Normalize(algorithm.Name);
        if (value is not StringLiteral s)
        {
            AddError(valueAt, $"a hash value is a string, found {LiteralKind(value)}");
            return;
        }
        if (canonical is null)
        {
            return;
        }
        int expected = HashAlgorithms.HexLength(canonical);
        if (expected == 0)
        {
            return;
        }
        string v = s.Value;
        if (v.Length != expected)
        {
            AddError(valueAt, string.Create(CultureInfo.InvariantCulture, $"{canonical} hash must be {expected} hexadecimal digits, found {v.Length}"));
        }
        else if (!IsHex(v))
        {
            AddError(valueAt, $"{canonical} hash must be {expected} hexadecimal digits, found a non-hexadecimal character in '{Truncate(v)}'");
        }
    }

    // A path through *_ref or *_refs reaches another object, whose type the path does not name.
    private static bool FollowsReference(ObjectPath path)
    {
        foreach (var step in path.Steps)
        {
            if (step is PropertyStep p && (p.Name.EndsWith("_ref", StringComparison.Ordinal) || p.Name.EndsWith("_refs", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsHex(string s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static string OperatorKeyword(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Like => "LIKE",
        ComparisonOperator.Matches => "MATCHES",
        ComparisonOperator.IsSubset => "ISSUBSET",
        _ => "ISSUPERSET",
    };

    private static string LiteralKind(PatternLiteral value) => value switch
    {
        StringLiteral => "a string",
        IntegerLiteral => "an integer",
        FloatLiteral => "a number",
        BooleanLiteral => "a boolean",
        TimestampLiteral => "a timestamp",
        BinaryLiteral => "a binary value",
        _ => "a hex value",
    };

    private bool Enter(int at)
    {
        if (++_depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Fail(at, string.Create(CultureInfo.InvariantCulture, $"pattern nests brackets and parentheses more than {_maxDepth} levels deep"));
            return false;
        }
        return true;
    }

    private void Fail(int offset, string message)
    {
        if (!_failed)
        {
            _failed = true;
            // A lexical error explains the bad token better than what the parser expected there.
            if (_kind == TokenKind.Error && _lexError is not null)
            {
                AddError(_start, _lexError);
            }
            else
            {
                AddError(offset, message);
            }
        }
    }

    // ------------------------------------------------------------------ diagnostics

    private void AddError(int offset, string message) => Add(ref _errors, offset, message);

    private void AddWarning(int offset, string message) => Add(ref _warnings, offset, message);

    private void Add(ref List<PatternDiagnostic>? list, int offset, string message)
    {
        list ??= [];
        if (list.Count < MaxDiagnostics)
        {
            var (line, column) = LineColumn(offset);
            list.Add(new PatternDiagnostic(message, line, column));
        }
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        // Diagnostics mostly come in text order: continue counting from the previous answer when possible, so many
        // diagnostics on a long pattern do not rescan it from the start each time.
        int end = Math.Min(offset, _text.Length);
        int from = 0, line = 1, lineStart = 0;
        if (_lineCacheOffset <= end)
        {
            (from, line, lineStart) = (_lineCacheOffset, _lineCacheLine, _lineCacheStart);
        }
        int newline = _text.AsSpan(from, end - from).IndexOf('\n');
        while (newline >= 0)
        {
            int at = from + newline;
            line++;
            lineStart = at + 1;
            from = at + 1;
            newline = _text.AsSpan(from, end - from).IndexOf('\n');
        }
        (_lineCacheOffset, _lineCacheLine, _lineCacheStart) = (end, line, lineStart);
        return (line, offset - lineStart + 1);
    }

    private string Where(int offset)
    {
        var (line, column) = LineColumn(offset);
        return string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
    }

    private string Slice(int start, int end) => Truncate(_text.Substring(start, end - start));

    private static string Truncate(string s) => s.Length <= 80 ? s : string.Concat(s.AsSpan(0, 77), "...");

    private string Describe() => _kind switch
    {
        TokenKind.End => "the end of the pattern",
        TokenKind.Error => "an invalid token",
        TokenKind.String => $"the string {Slice(_start, _end)}",
        TokenKind.Identifier when PatternVocabulary.IsKeywordIgnoringCase(_text.AsSpan(_start, _end - _start)) =>
            $"'{Slice(_start, _end)}' (keywords are case-sensitive: write {_text.Substring(_start, _end - _start).ToUpperInvariant()})",
        _ => $"'{Slice(_start, _end)}'",
    };
}
