using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Alerts;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Features.Audit;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Problems;

namespace ThreatShare.Server.Features.Alerts;

/// <summary>Registration of the live channels, and <c>GET /api/v1/alerts</c>: the same alerts as the hub, over REST.</summary>
internal static class AlertEndpoints
{
    public const int MaxLimit = 1000;

    public static IServiceCollection AddAlerts(this IServiceCollection services, string? redis)
    {
        var signalR = services.AddSignalR();
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Several nodes: every node's connections get every node's alerts through Redis.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("threatshare"));
        }
        services.AddScoped<AlertRenderer>();
        services.AddSingleton<LiveMembership>();
        services.AddSingleton<MembershipBus>();
        services.AddHostedService(sp => sp.GetRequiredService<MembershipBus>());
        services.AddOptions<AlertDispatchOptions>().BindConfiguration("ThreatShare:Alerts")
            .Validate(o => o.SweepAfter > TimeSpan.Zero && o.SweepEvery > TimeSpan.Zero, "ThreatShare:Alerts:SweepAfter and SweepEvery must be positive")
            .Validate(o => o.MaxUnsentBytes > 0 && o.SlowConsumerAfter > TimeSpan.Zero && o.SlowConsumerGrace > TimeSpan.Zero,
                "ThreatShare:Alerts:MaxUnsentBytes, SlowConsumerAfter and SlowConsumerGrace must be positive")
            .ValidateOnStart();
        services.AddSingleton<AlertDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        return services;
    }

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        // MapHub with one step more: the bounded outbound buffer (SlowConsumers) sits between the hub and the transport.
        var hub = app.MapConnections(AlertHub.Path, new HttpConnectionDispatcherOptions(), connection => connection.UseOutboundLimit().UseHub<AlertHub>());
        hub.Add(endpoint =>
        {
            foreach (object attribute in typeof(AlertHub).GetCustomAttributes(inherit: true))
            {
                endpoint.Metadata.Add(attribute);
            }
            endpoint.Metadata.Add(new HubMetadata(typeof(AlertHub)));
        });
        app.MapGet("/api/v1/alerts", ListAsync).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>WebSockets and server-sent events cannot send headers: the hub also takes the bearer token as <c>access_token</c>.</summary>
    public static IApplicationBuilder UseHubAccessTokens(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Request.Path.StartsWithSegments(AlertHub.Path) && http.Request.Headers.Authorization.Count == 0
            && http.Request.Query.TryGetValue("access_token", out var token) && token.Count == 1)
        {
            http.Request.Headers.Authorization = "Bearer " + token[0];
        }
        return next(http);
    });

    private static async Task<IResult> ListAsync(HttpContext http, CallerContext callers, ThreatShareDb db, AlertRenderer renderer, AuditLog audit,
        string? stream, long? after, int? limit, CancellationToken ct)
    {
        var caller = await callers.GetAsync(http.User, ct);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        if (!caller.MayUse(ApiScopes.Alerts))
        {
            return Problems.Problems.Forbidden("this client was not granted the 'alerts' scope");
        }
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(stream))
        {
            errors.Add(new FieldError("$.stream", "required: a stream you read, e.g. channel:sector:finance"));
        }
        if (after is < 0)
        {
            errors.Add(new FieldError("$.after", "must be 0 or more"));
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new FieldError("$.limit", $"must be 1 to {MaxLimit}"));
        }
        if (errors.Count > 0)
        {
            return Problems.Problems.Of(StatusCodes.Status400BadRequest, "invalid-query", "Invalid query", "the query is not valid", errors);
        }
        if (!AlertStreams.MayRead(caller.Reader, caller.Organization.Slug, stream!))
        {
            return Problems.Problems.Forbidden($"'{stream}' is not a stream you read");
        }
        long from = after ?? 0;
        var page = await db.Alerts.AsNoTracking().Where(a => a.Stream == stream && a.Sequence > from)
            .OrderBy(a => a.Sequence).Take(limit ?? 100).ToListAsync(ct);
        string key = Core.Storage.Sequencer.AlertStreamKey(stream!);
        long last = await db.ChannelSequences.AsNoTracking().Where(c => c.Channel == key).Select(c => c.Last).FirstOrDefaultAsync(ct);
        await audit.RecordAsync("alerts", RedReads.RedObjects(page), ct);
        return Results.Json(new { alerts = await renderer.RenderAsync(page, ct), last_sequence = last });
    }
}
