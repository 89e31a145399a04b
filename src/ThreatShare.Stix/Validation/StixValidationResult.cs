namespace ThreatShare.Stix.Validation;

/// <summary>
/// The outcome of validating one STIX document: every error (the specification's MUST) and every
/// warning (its SHOULD, or an open-vocabulary value outside the list), each with its JSON path.
/// </summary>
public sealed class StixValidationResult
{
    internal StixValidationResult(IReadOnlyList<StixIssue> errors, IReadOnlyList<StixIssue> warnings)
    {
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>Violations of a MUST of STIX 2.1, in document order.</summary>
    public IReadOnlyList<StixIssue> Errors { get; }

    /// <summary>Violations of a SHOULD, deprecated forms and open-vocabulary values outside the list, in document order.</summary>
    public IReadOnlyList<StixIssue> Warnings { get; }

    /// <summary><see langword="true"/> when there is no error (warnings do not make a document invalid).</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Errors then warnings, in document order within each.</summary>
    public IEnumerable<StixIssue> All => Errors.Concat(Warnings);

    /// <inheritdoc />
    public override string ToString() => IsValid
        ? $"valid ({Warnings.Count} warning(s))"
        : $"invalid: {Errors.Count} error(s), {Warnings.Count} warning(s)";
}
