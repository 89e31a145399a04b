using System.Text.Json;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>
/// Semantic JSON equality for round-trip checks: object members compare unordered, numbers by value, strings exactly
/// (so a timestamp must come back byte for byte), arrays in order. Duplicate member names make objects unequal.
/// </summary>
internal static class JsonDeepEquality
{
    public static bool AreEqual(JsonElement expected, JsonElement actual) => FirstDifference(expected, actual) is null;

    /// <summary>The JSONPath of the first difference with a short reason, or <see langword="null"/> when equal.</summary>
    public static string? FirstDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (!SameKind(expected.ValueKind, actual.ValueKind))
        {
            return $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}";
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var e = Members(expected);
                var a = Members(actual);
                if (e is null || a is null)
                {
                    return $"{path}: duplicate member name";
                }
                foreach (var (name, value) in e)
                {
                    if (!a.TryGetValue(name, out var other))
                    {
                        return $"{path}.{name}: missing";
                    }
                    if (FirstDifference(value, other, $"{path}.{name}") is { } d)
                    {
                        return d;
                    }
                }
                var extra = a.Keys.FirstOrDefault(k => !e.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra}: unexpected member";
            case JsonValueKind.Array:
                int n = expected.GetArrayLength();
                if (n != actual.GetArrayLength())
                {
                    return $"{path}: expected {n} items, got {actual.GetArrayLength()}";
                }
                for (int i = 0; i < n; i++)
                {
                    if (FirstDifference(expected[i], actual[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }
                return null;
            case JsonValueKind.String:
                return string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal)
                    ? null
                    : $"{path}: expected \"{expected.GetString()}\", got \"{actual.GetString()}\"";
            case JsonValueKind.Number:
                return NumbersEqual(expected, actual) ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
            default:
                return null; // true/false/null: the kinds already matched
        }
    }

    private static bool SameKind(JsonValueKind x, JsonValueKind y) => x == y;

    private static Dictionary<string, JsonElement>? Members(JsonElement obj)
    {
        var d = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (!d.TryAdd(p.Name, p.Value))
            {
                return null;
            }
        }
        return d;
    }

    private static bool NumbersEqual(JsonElement x, JsonElement y)
    {
        if (string.Equals(x.GetRawText(), y.GetRawText(), StringComparison.Ordinal))
        {
            return true;
        }
        // 1 and 1.0 and 1e0 are the same number; decimal keeps 28 digits, double covers the rest.
        if (x.TryGetDecimal(out var dx) && y.TryGetDecimal(out var dy))
        {
            return dx == dy;
        }
        return x.TryGetDouble(out var fx) && y.TryGetDouble(out var fy) && fx.Equals(fy);
    }
}
