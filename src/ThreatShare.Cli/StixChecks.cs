using ThreatShare.Stix;
using ThreatShare.Stix.Patterns;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Cli;

/// <summary>The answer for one pattern: valid, or the first error and where it is (1-based line and column).</summary>
internal sealed record PatternVerdict(bool IsValid, string? Error = null, int Line = 0, int Column = 0)
{
    public static PatternVerdict Valid { get; } = new(true);

    public static PatternVerdict Invalid(string error, int line, int column) => new(false, error, line, column);
}

/// <summary>The answer for one STIX document: its errors (invalid when there is at least one) and warnings.</summary>
internal sealed record DocumentVerdict(IReadOnlyList<StixIssue> Errors, IReadOnlyList<StixIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    public static DocumentVerdict Invalid(string path, string message) =>
        new([new StixIssue(StixIssueSeverity.Error, path, message)], []);
}

/// <summary>
/// What the verbs need from the STIX library. The verbs see only this seam, so their streaming and output contract
/// can be tested with a fake, independent of the parser's and validator's own messages.
/// </summary>
internal interface IStixChecks
{
    PatternVerdict CheckPattern(string pattern);

    DocumentVerdict ValidateDocument(ReadOnlySpan<byte> utf8Json);
}

/// <summary>The real checks: <see cref="StixPatternParser"/> and <see cref="StixValidator"/>.</summary>
internal sealed class StixLibraryChecks : IStixChecks
{
    private readonly StixLimits _limits;
    private readonly StixValidator _validator;

    public StixLibraryChecks(StixLimits limits)
    {
        _limits = limits;
        _validator = new StixValidator(limits);
    }

    public PatternVerdict CheckPattern(string pattern)
    {
        var result = StixPatternParser.Parse(pattern, _limits);
        if (result.IsValid)
        {
            return PatternVerdict.Valid;
        }

        if (result.Errors.Count == 0)
        {
            return PatternVerdict.Invalid("invalid pattern", 1, 1);
        }

        var first = result.Errors[0];
        return PatternVerdict.Invalid(first.Message, first.Line, first.Column);
    }

    public DocumentVerdict ValidateDocument(ReadOnlySpan<byte> utf8Json)
    {
        var result = _validator.Validate(utf8Json);
        return new DocumentVerdict(result.Errors, result.Warnings);
    }
}
