namespace ThreatShare.Stix;

/// <summary>
/// Bounds on untrusted input. Every reader, validator and parser of this library honours them, so a
/// hostile document or pattern costs bounded time and memory and never exhausts the stack.
/// </summary>
public sealed record StixLimits
{
    /// <summary>The defaults: generous for real-world intelligence, small enough to refuse abuse.</summary>
    public static StixLimits Default { get; } = new();

    /// <summary>Largest JSON document accepted, in bytes (default 10 MiB).</summary>
    public int MaxDocumentBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Deepest JSON nesting of objects and arrays accepted (default 64).</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Longest JSON string value accepted, in characters (default 1 Mi).</summary>
    public int MaxStringLength { get; init; } = 1024 * 1024;

    /// <summary>Most objects accepted in one bundle (default 100,000).</summary>
    public int MaxBundleObjects { get; init; } = 100_000;

    /// <summary>Longest pattern accepted, in characters (default 64 Ki).</summary>
    public int MaxPatternLength { get; init; } = 64 * 1024;

    /// <summary>Deepest nesting of parentheses and brackets in a pattern (default 64).</summary>
    public int MaxPatternDepth { get; init; } = 64;

    /// <summary>Time budget of one <c>MATCHES</c> regular expression evaluation (default 100 ms).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);
}
