using System.Text;
using System.Text.Json.Nodes;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Stix.Tests.Validation;

internal static class ValidationAssert
{
    private static readonly StixValidator Validator = new();

    public static StixValidationResult Validate(string json) => Validator.Validate(Encoding.UTF8.GetBytes(json));

    public static StixValidationResult Validate(JsonNode node) => Validate(node.ToJsonString());

    /// <summary>Parses a sample, applies a change, validates.</summary>
    public static StixValidationResult ValidateWith(string json, Action<JsonObject> change)
    {
        var node = ParseObject(json);
        change(node);
        return Validate(node);
    }

    public static JsonObject ParseObject(string json) =>
        JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("the sample is not a JSON object");

    public static void Valid(StixValidationResult result) =>
        Assert.True(result.IsValid, "expected valid, got: " + string.Join(" | ", result.Errors));

    public static StixIssue HasError(StixValidationResult result, string path, string? fragment = null)
    {
        var issue = result.Errors.FirstOrDefault(e => e.Path == path && (fragment is null || e.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase)));
        Assert.True(issue is not null, $"expected an error at {path}{(fragment is null ? "" : " mentioning '" + fragment + "'")}, got: " +
            string.Join(" | ", result.All));
        return issue;
    }

    public static StixIssue HasWarning(StixValidationResult result, string path, string? fragment = null)
    {
        var issue = result.Warnings.FirstOrDefault(e => e.Path == path && (fragment is null || e.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase)));
        Assert.True(issue is not null, $"expected a warning at {path}{(fragment is null ? "" : " mentioning '" + fragment + "'")}, got: " +
            string.Join(" | ", result.All));
        return issue;
    }

    public static void NoIssueAt(StixValidationResult result, string path) =>
        Assert.DoesNotContain(result.All, i => i.Path == path);
}
