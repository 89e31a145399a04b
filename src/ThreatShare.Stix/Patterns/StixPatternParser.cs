namespace ThreatShare.Stix.Patterns;

/// <summary>A problem found in a pattern, located by 1-based line and column (UTF-16 code units).</summary>
/// <param name="Message">What is wrong, in plain words.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record PatternDiagnostic(string Message, int Line, int Column)
{
    /// <summary>Writes <c>line:column: message</c>.</summary>
    public override string ToString() => $"{Line}:{Column}: {Message}";
}

/// <summary>The outcome of <see cref="StixPatternParser.Parse"/>.</summary>
public sealed class PatternParseResult
{
    /// <summary>
    /// The syntax tree; null when the text is not syntactically a pattern. It is present when only semantic errors
    /// were found (a hash of the wrong length, START not before STOP, ...), so check <see cref="IsValid"/>.
    /// </summary>
    public Pattern? Pattern { get; init; }

    /// <summary>Errors: the pattern is not a valid STIX 2.1 pattern.</summary>
    public IReadOnlyList<PatternDiagnostic> Errors { get; init; } = [];

    /// <summary>Warnings: valid, but worth a look (custom object types and properties, vocabulary spelling, ...).</summary>
    public IReadOnlyList<PatternDiagnostic> Warnings { get; init; } = [];

    /// <summary>True when there is no error.</summary>
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Parses and validates STIX 2.1 patterns (<c>pattern_type</c> <c>stix</c>).</summary>
public static class StixPatternParser
{
    /// <summary>
    /// Parses a pattern and checks it against the STIX 2.1 rules. Never throws for any text: hostile input (too long,
    /// too deeply nested, control characters, lone surrogates) gives errors.
    /// </summary>
    /// <param name="pattern">The pattern text.</param>
    /// <param name="limits">Bounds on the input; <see cref="StixLimits.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static PatternParseResult Parse(string pattern, StixLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new PatternParserCore(pattern, limits ?? StixLimits.Default).Run();
    }
}
