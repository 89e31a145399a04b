namespace ThreatShare.Stix;

/// <summary>How serious a validation finding is.</summary>
public enum StixIssueSeverity
{
    /// <summary>The specification says MUST: the input is not valid STIX 2.1.</summary>
    Error,

    /// <summary>The specification says SHOULD, or a value lies outside an open vocabulary: valid, but worth a look.</summary>
    Warning,
}

/// <summary>One validation finding, located by a JSON path such as <c>$.objects[3].valid_until</c>.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Path">JSONPath of the offending value (<c>$</c> is the document).</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record StixIssue(StixIssueSeverity Severity, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToUpperInvariant()} {Path}: {Message}";
}
