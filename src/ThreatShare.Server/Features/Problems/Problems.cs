namespace ThreatShare.Server.Features.Problems;

/// <summary>One problem of a request: where (a JSON path into the request) and what.</summary>
/// <param name="Path">JSON path, e.g. <c>$.bundle.objects[2].pattern</c>.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record FieldError(string Path, string Message);

/// <summary>
/// Problem details with a stable <c>type</c> URI per kind of failure and the <c>errors</c> listed
/// by path. Clients switch on <c>type</c>; people read <c>detail</c> and <c>errors</c>.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:threatshare:problem:";

    public static IResult Of(int status, string code, string title, string detail, IReadOnlyList<FieldError>? errors = null) =>
        Results.Problem(
            statusCode: status,
            type: TypePrefix + code,
            title: title,
            detail: detail,
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { path = e.Path, message = e.Message }).ToList() });

    public static IResult NotFound() => Of(StatusCodes.Status404NotFound, "not-found", "Not found", "There is no such resource, or you may not see it.");

    public static IResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", detail);
}
