using System.Text.Json;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Features.Audit;

/// <summary>
/// Work that must wait until the request's audited transaction has committed: telling live
/// connections or other nodes about a change they will read from the store. Outside such a
/// transaction it runs at once.
/// </summary>
internal sealed class AfterCommit(ThreatShareDb db)
{
    private readonly List<Func<CancellationToken, Task>> _pending = [];

    public async Task RunOrDeferAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            await work(ct);
        }
        else
        {
            _pending.Add(work);
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var work in _pending)
        {
            await work(ct);
        }
        _pending.Clear();
    }
}

/// <summary>
/// Audits a mutating endpoint: the handler runs in one transaction with its audit record, so a
/// change is never stored without its record nor recorded without being stored. Refusals are
/// recorded too (<c>denied</c> for 401/403, <c>failure</c> for other errors); they change nothing.
/// </summary>
internal static class Audited
{
    private const string DetailsKey = "threatshare.audit.details";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Records <paramref name="action"/> for every call, with the target <paramref name="target"/> finds in the call.</summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="action">The audit action.</param>
    /// <param name="target">Finds the target in the call (route values, body).</param>
    /// <param name="request">What of the request to keep in the record's details (never secrets).</param>
    public static TBuilder AuditAs<TBuilder>(this TBuilder builder, string action, Func<EndpointFilterInvocationContext, string?> target,
        Func<EndpointFilterInvocationContext, object?>? request = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var services = http.RequestServices;
            var db = services.GetRequiredService<ThreatShareDb>();
            var audit = services.GetRequiredService<AuditLog>();
            object? result;
            await using (var tx = await db.Database.BeginTransactionAsync(http.RequestAborted))
            {
                try
                {
                    result = await next(context);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The change rolls back; that it was tried is still recorded.
                    await tx.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    await audit.AppendAsync(action, target(context), AuditOutcome.Failure, JsonSerializer.Serialize(new { status = 500, error = e.GetType().Name }, Json), CancellationToken.None);
                    throw;
                }
                int status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
                string outcome = status < 400 ? AuditOutcome.Success : status is 401 or 403 ? AuditOutcome.Denied : AuditOutcome.Failure;
                var details = new Dictionary<string, object?> { ["status"] = status };
                if (request?.Invoke(context) is { } asked)
                {
                    details["request"] = asked;
                }
                if (http.Items[DetailsKey] is Dictionary<string, object?> more)
                {
                    foreach (var (key, value) in more)
                    {
                        details[key] = value;
                    }
                }
                // Nothing the handler tracked but did not save goes in with the record.
                db.ChangeTracker.Clear();
                await audit.AppendAsync(action, target(context), outcome, JsonSerializer.Serialize(details, Json), http.RequestAborted);
                await tx.CommitAsync(http.RequestAborted);
            }
            await services.GetRequiredService<AfterCommit>().RunAsync(http.RequestAborted);
            return result;
        });

    /// <summary>Adds <paramref name="value"/> to the details of the request's audit record.</summary>
    public static void Describe(HttpContext http, string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[DetailsKey] is not Dictionary<string, object?> details)
        {
            http.Items[DetailsKey] = details = new Dictionary<string, object?>(StringComparer.Ordinal);
        }
        details[key] = value;
    }

    /// <summary>The handler's argument of type <typeparamref name="T"/> (a request body), if any.</summary>
    public static T? Argument<T>(this EndpointFilterInvocationContext context)
        where T : class => context.Arguments.OfType<T>().FirstOrDefault();

    /// <summary>The route value <paramref name="name"/> as a target.</summary>
    public static Func<EndpointFilterInvocationContext, string?> Route(string name) =>
        context => context.HttpContext.GetRouteValue(name)?.ToString();
}

/// <summary>Reads of TLP:RED objects: every read path that returns one records which.</summary>
internal static class RedReads
{
    private const int MaxIds = 100;

    /// <summary>The TLP:RED objects that <paramref name="alerts"/> carry, each once.</summary>
    public static List<string> RedObjects(IEnumerable<Alert> alerts) =>
        [.. alerts.Where(a => a.Tlp == Core.Trust.Tlp.Red && a.ObjectId is not null).Select(a => a.ObjectId!).Distinct(StringComparer.Ordinal)];

    /// <summary>Records the read of <paramref name="ids"/> (TLP:RED objects just returned) through <paramref name="path"/>; nothing when there are none.</summary>
    public static Task RecordAsync(this AuditLog audit, string path, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count == 0
            ? Task.CompletedTask
            : audit.AppendAsync(AuditActions.ReadRed, ids.Count == 1 ? ids.First() : null, AuditOutcome.Success,
                new { path, count = ids.Count, objects = ids.Take(MaxIds) }, ct);
    }
}
