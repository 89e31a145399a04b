using System.Text.Json;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>
/// What an <c>invalid/*.json</c> case must produce, read from its <c>*.expect.json</c> sidecar:
/// <c>{"path": "$.valid_until" | ["$.a", "$['a']"], "contains": "valid_from", "rule": "why it is invalid"}</c>.
/// </summary>
internal sealed record InvalidCaseExpectation(IReadOnlyList<string> Paths, string? Contains, string Rule)
{
    public static InvalidCaseExpectation For(string caseFile)
    {
        string sidecar = Path.Combine(CorpusFiles.InvalidDirectory, Path.ChangeExtension(caseFile, null) + ".expect.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(sidecar));
        var root = doc.RootElement;
        var path = root.GetProperty("path");
        IReadOnlyList<string> paths = path.ValueKind == JsonValueKind.Array
            ? [.. path.EnumerateArray().Select(p => p.GetString() ?? string.Empty)]
            : [path.GetString() ?? string.Empty];
        string? contains = root.TryGetProperty("contains", out var c) ? c.GetString() : null;
        string rule = root.TryGetProperty("rule", out var r) ? r.GetString() ?? string.Empty : string.Empty;
        return new InvalidCaseExpectation(paths, contains, rule);
    }

    /// <summary>
    /// An issue matches when it is at one of the expected paths, or, for a missing or misnamed member, at its parent path
    /// with a message that names the member (validators differ in where they report a missing property).
    /// </summary>
    public bool IsMatchedBy(StixIssue issue)
    {
        if (Contains is not null && !issue.Message.Contains(Contains, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        foreach (var p in Paths)
        {
            if (string.Equals(issue.Path, p, StringComparison.Ordinal))
            {
                return true;
            }
            var (parent, member) = SplitLast(p);
            if (member is not null && string.Equals(issue.Path, parent, StringComparison.Ordinal) &&
                issue.Message.Contains(member, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    public override string ToString() => $"{string.Join(" or ", Paths)}{(Contains is null ? "" : $" containing '{Contains}'")} ({Rule})";

    private static (string Parent, string? Member) SplitLast(string path)
    {
        if (path.EndsWith("']", StringComparison.Ordinal))
        {
            int open = path.LastIndexOf("['", StringComparison.Ordinal);
            return open > 0 ? (path[..open], path[(open + 2)..^2]) : (path, null);
        }
        int dot = path.LastIndexOf('.');
        int bracket = path.LastIndexOf('[');
        return dot > bracket && dot > 0 ? (path[..dot], path[(dot + 1)..]) : (path, null);
    }
}
