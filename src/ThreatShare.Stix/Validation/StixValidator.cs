#pragma warning disable CS1591 // placeholder, see below
using System.Text.Json;

namespace ThreatShare.Stix.Validation;

// PLACEHOLDER API SHAPE, replaced by the real validator in this same change set.
public sealed class StixValidationResult
{
    public IReadOnlyList<StixIssue> Errors { get; init; } = [];
    public IReadOnlyList<StixIssue> Warnings { get; init; } = [];
    public bool IsValid => Errors.Count == 0;
}

public sealed class StixValidator
{
    public StixValidator(StixLimits? limits = null) { }
    public StixValidationResult Validate(JsonElement document) => throw new NotImplementedException();
    public StixValidationResult Validate(ReadOnlySpan<byte> utf8Json) => throw new NotImplementedException();
}
