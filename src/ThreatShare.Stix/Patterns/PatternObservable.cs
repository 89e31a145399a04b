using System.Globalization;

namespace ThreatShare.Stix.Patterns;

/// <summary>How a <see cref="PatternObservable"/> value is to be matched.</summary>
public enum PatternObservableKind
{
    /// <summary>The exact value (<c>=</c> or an <c>IN</c> member; also a single-address CIDR such as <c>/32</c>).</summary>
    Exact,

    /// <summary>A CIDR block of addresses (<c>ISSUBSET</c>, or an address value with a prefix).</summary>
    Cidr,

    /// <summary>A SQL <c>LIKE</c> wildcard pattern (<c>%</c>, <c>_</c>).</summary>
    Like,

    /// <summary>A regular expression (<c>MATCHES</c>).</summary>
    Regex,
}

/// <summary>A value a pattern looks for, for a lookup index.</summary>
/// <param name="ObjectType">The SCO type, e.g. <c>ipv4-addr</c>.</param>
/// <param name="Path">The property path without the type, e.g. <c>value</c> or <c>hashes.'SHA-256'</c> (hash names normalized).</param>
/// <param name="Value">The value as text (a CIDR keeps its prefix; <c>/32</c> and <c>/128</c> are dropped).</param>
/// <param name="Kind">How the value is matched.</param>
public sealed record PatternObservable(string ObjectType, string Path, string Value, PatternObservableKind Kind);

internal static class ObservableExtractor
{
    private sealed class Results : List<PatternObservable>
    {
        public HashSet<PatternObservable>? Seen { get; set; }
    }

    public static IReadOnlyList<PatternObservable> Extract(Pattern pattern)
    {
        var result = new Results();
        Visit(pattern.Expression, result);
        return result;
    }

    private static void Visit(ObservationExpression expression, Results result)
    {
        switch (expression)
        {
            case SimpleObservation simple:
                Visit(simple.Comparison, result);
                break;
            case CompoundObservation compound:
                foreach (var operand in compound.Operands)
                {
                    Visit(operand, result);
                }
                break;
            case QualifiedObservation qualified:
                Visit(qualified.Expression, result);
                break;
        }
    }

    private static void Visit(ComparisonExpression expression, Results result)
    {
        switch (expression)
        {
            case CompoundComparison compound:
                foreach (var operand in compound.Operands)
                {
                    Visit(operand, result);
                }
                break;
            case PropertyComparison { Negated: false } comparison:
                var kind = comparison.Operator switch
                {
                    ComparisonOperator.Equal => PatternObservableKind.Exact,
                    ComparisonOperator.IsSubset => PatternObservableKind.Cidr,
                    ComparisonOperator.Like => PatternObservableKind.Like,
                    ComparisonOperator.Matches => PatternObservableKind.Regex,
                    _ => (PatternObservableKind?)null,
                };
                if (kind is { } k)
                {
                    Add(comparison.Path, comparison.Value, k, result);
                }
                break;
            case SetComparison { Negated: false } set:
                foreach (var value in set.Values)
                {
                    Add(set.Path, value, PatternObservableKind.Exact, result);
                }
                break;
        }
    }

    private static void Add(ObjectPath path, PatternLiteral literal, PatternObservableKind kind, Results result)
    {
        string? value = literal switch
        {
            StringLiteral s => s.Value,
            IntegerLiteral i => i.Value.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (value is null)
        {
            return;
        }
        if (kind is PatternObservableKind.Exact or PatternObservableKind.Cidr && path.ObjectType is "ipv4-addr" or "ipv6-addr" && IpPrefix.TryParse(value, out var prefix))
        {
            // A full-length prefix is one address; anything shorter is a block.
            if (prefix.IsSingleAddress)
            {
                int slash = value.IndexOf('/', StringComparison.Ordinal);
                value = slash < 0 ? value : value[..slash];
                kind = PatternObservableKind.Exact;
            }
            else
            {
                kind = PatternObservableKind.Cidr;
            }
        }
        var observable = new PatternObservable(path.ObjectType, NormalizedPath(path), value, kind);
        // Most patterns name a handful of values, where a linear duplicate check beats hashing; long IN lists
        // switch to a set so hostile patterns stay linear.
        if (result.Count < 16)
        {
            if (!result.Contains(observable))
            {
                result.Add(observable);
            }
            return;
        }
        var seen = result.Seen ??= [.. result];
        if (seen.Add(observable))
        {
            result.Add(observable);
        }
    }

    private static string NormalizedPath(ObjectPath path)
    {
        var steps = path.Steps;
        if (steps.Count >= 2 && steps[^1] is PropertyStep algorithm && steps[^2] is PropertyStep { Name: "hashes" }
            && HashAlgorithms.Normalize(algorithm.Name) is { } canonical && !string.Equals(canonical, algorithm.Name, StringComparison.Ordinal))
        {
            var copy = steps.ToArray();
            copy[^1] = new PropertyStep(canonical);
            return new ObjectPath(path.ObjectType, ValueList<PathStep>.Own(copy)).PropertyPath;
        }
        return path.PropertyPath;
    }
}
