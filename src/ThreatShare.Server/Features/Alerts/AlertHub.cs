using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Features.Alerts;

/// <summary>
/// The live channels at <c>/hubs/alerts</c>. The server alone decides which streams a connection
/// gets, from the caller's identity; the client cannot join a group. The server calls <c>alert</c>
/// with one message per alert; the client calls <c>Resume(stream, afterSequence)</c> to be sent what
/// it missed of a stream it reads, in order, and <c>Streams()</c> to learn which streams it reads.
/// </summary>
[Authorize]
internal sealed class AlertHub(LiveMembership membership, ThreatShareDb db, AlertRenderer renderer) : Hub
{
    public const string Path = "/hubs/alerts";
    public const string AlertMethod = "alert";
    private const int ResumePage = 500;

    public override async Task OnConnectedAsync()
    {
        if (!await membership.JoinAsync(Context, Context.ConnectionAborted))
        {
            // A disabled caller, or a client without the 'alerts' scope, gets no stream.
            Context.Abort();
            return;
        }
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        membership.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The streams this connection reads, as the server decided them (sorted).</summary>
    public IReadOnlyList<string> Streams() => [.. membership.StreamsOf(Context.ConnectionId).Order(StringComparer.Ordinal)];

    /// <summary>Sends every alert of <paramref name="stream"/> after <paramref name="afterSequence"/>, in order, to this connection.</summary>
    public async Task Resume(string stream, long afterSequence)
    {
        if (!membership.StreamsOf(Context.ConnectionId).Contains(stream))
        {
            throw new HubException($"'{stream}' is not a stream this connection reads");
        }
        long after = Math.Max(afterSequence, 0);
        while (true)
        {
            var page = await db.Alerts.AsNoTracking().Where(a => a.Stream == stream && a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(ResumePage).ToListAsync(Context.ConnectionAborted);
            foreach (var message in await renderer.RenderAsync(page, Context.ConnectionAborted))
            {
                await Clients.Caller.SendAsync(AlertMethod, message, Context.ConnectionAborted);
            }
            if (page.Count < ResumePage)
            {
                return;
            }
            after = page[^1].Sequence;
        }
    }
}

/// <summary>
/// Sends alerts to their streams' groups once the transaction that wrote them has committed. The
/// store stays the source of truth: an alert this node could not send is still there for
/// <c>Resume</c> and <c>GET /api/v1/alerts</c>.
/// </summary>
internal sealed partial class AlertDispatcher(IServiceScopeFactory scopes, IHubContext<AlertHub> hub, ILogger<AlertDispatcher> log) : BackgroundService
{
    private readonly Channel<IReadOnlyList<Alert>> _queue = Channel.CreateBounded<IReadOnlyList<Alert>>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues committed alerts for sending.</summary>
    public void Dispatch(IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count > 0 && !_queue.Writer.TryWrite(alerts))
        {
            LogQueueFull(log, alerts.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var renderer = scope.ServiceProvider.GetRequiredService<AlertRenderer>();
                foreach (JsonObject message in await renderer.RenderAsync(batch, stoppingToken))
                {
                    await hub.Clients.Group(message["stream"]!.GetValue<string>()).SendAsync(AlertHub.AlertMethod, message, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendFailed(log, e, batch.Count);
            }
        }
    }

    [LoggerMessage(1201, LogLevel.Warning, "Alert dispatch queue full: {Count} alerts not pushed now; subscribers get them by resuming from the store")]
    private static partial void LogQueueFull(ILogger log, int count);

    [LoggerMessage(1202, LogLevel.Error, "Could not push {Count} alerts; subscribers get them by resuming from the store")]
    private static partial void LogSendFailed(ILogger log, Exception e, int count);
}
