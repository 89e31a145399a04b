using System.Text.Json;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>Locates the conformance corpus copied next to the test assembly (see the test project's <c>Data\**</c> item).</summary>
internal static class CorpusFiles
{
    public static string DataDirectory { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "Data"));

    public static string ValidDirectory => Path.Combine(DataDirectory, "valid");

    public static string InvalidDirectory => Path.Combine(DataDirectory, "invalid");

    public static string PatternsDirectory => Path.Combine(DataDirectory, "patterns");

    /// <summary>File names (not paths) of every valid corpus object, sorted so test cases are stable.</summary>
    public static IReadOnlyList<string> ValidNames { get; } = ListJson(ValidDirectory, excludeExpectations: false);

    /// <summary>File names of every invalid corpus case (the <c>*.expect.json</c> sidecars are not cases).</summary>
    public static IReadOnlyList<string> InvalidNames { get; } = ListJson(InvalidDirectory, excludeExpectations: true);

    public static TheoryData<string> ValidFiles() => ToTheoryData(ValidNames);

    public static TheoryData<string> InvalidFiles() => ToTheoryData(InvalidNames);

    public static byte[] ReadValid(string name) => File.ReadAllBytes(Path.Combine(ValidDirectory, name));

    public static byte[] ReadInvalid(string name) => File.ReadAllBytes(Path.Combine(InvalidDirectory, name));

    public static JsonDocument ParseValid(string name) => JsonDocument.Parse(ReadValid(name));

    /// <summary>Lines of a pattern list: blank lines and lines starting with <c>#</c> are comments.</summary>
    public static IReadOnlyList<string> PatternLines(string fileName) =>
        [.. File.ReadAllLines(Path.Combine(PatternsDirectory, fileName))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static string[] ListJson(string directory, bool excludeExpectations) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*.json")
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(n => !excludeExpectations || !n.EndsWith(".expect.json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)]
            : [];

    private static TheoryData<string> ToTheoryData(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var n in names)
        {
            data.Add(n);
        }
        return data;
    }
}
