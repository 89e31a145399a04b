#pragma warning disable CS1591 // placeholder, see below
namespace ThreatShare.Stix.Patterns;

// PLACEHOLDER API SHAPE, replaced by the real parser in this same change set.
public sealed class Pattern
{
}

public sealed record PatternDiagnostic(string Message, int Line, int Column);

public sealed class PatternParseResult
{
    public Pattern? Pattern { get; init; }
    public IReadOnlyList<PatternDiagnostic> Errors { get; init; } = [];
    public IReadOnlyList<PatternDiagnostic> Warnings { get; init; } = [];
    public bool IsValid => Errors.Count == 0;
}

public static class StixPatternParser
{
    public static PatternParseResult Parse(string pattern, StixLimits? limits = null) => throw new NotImplementedException();
}
