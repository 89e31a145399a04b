using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Features.Audit;

namespace ThreatShare.Server.Features.Alerts;

/// <summary>When the sweep pushes alerts that were left unpushed (section <c>ThreatShare:Alerts</c>).</summary>
internal sealed class AlertDispatchOptions
{
    /// <summary>An alert still unpushed this long after its publication is pushed by the sweep of whichever node sees it first.</summary>
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each node sweeps.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A hub connection whose socket has not taken what was sent for this long is closed as a slow consumer when its next alert comes.</summary>
    public TimeSpan SlowConsumerAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes that may wait unsent for one hub connection before it is closed as a slow consumer (the bound on its memory).</summary>
    public long MaxUnsentBytes { get; set; } = 16 << 20;

    /// <summary>How long a slow consumer has to read what was buffered and its close message before its connection is aborted.</summary>
    public TimeSpan SlowConsumerGrace { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Pushes alerts to their streams' groups once the transaction that wrote them has committed, then
/// marks them pushed. The store stays the source of truth: an alert that was not pushed (the node
/// stopped after the commit, the queue was full, a push failed) is found by the sweep that every node
/// runs and pushed late; subscribers also get it by resuming. Delivery is at least once.
/// </summary>
internal sealed partial class AlertDispatcher(IServiceScopeFactory scopes, IHubContext<AlertHub> hub, TimeProvider time,
    IOptions<AlertDispatchOptions> options, ILogger<AlertDispatcher> log) : BackgroundService
{
    private const int SweepBatch = 500;

    private readonly Channel<IReadOnlyList<Alert>> _queue = Channel.CreateBounded<IReadOnlyList<Alert>>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues committed alerts for pushing.</summary>
    public void Dispatch(IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count > 0 && !_queue.Writer.TryWrite(alerts))
        {
            LogQueueFull(log, alerts.Count);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(DrainAsync(stoppingToken), SweepAsync(stoppingToken));

    private async Task DrainAsync(CancellationToken ct)
    {
        await foreach (var batch in _queue.Reader.ReadAllAsync(ct))
        {
            try
            {
                await PushAsync(batch, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendFailed(log, e, batch.Count);
            }
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery, time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                List<Alert> late;
                do
                {
                    var before = time.GetUtcNow().UtcDateTime - options.Value.SweepAfter;
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
                        late = await db.Alerts.AsNoTracking().Where(a => !a.Dispatched && a.At < before)
                            .OrderBy(a => a.At).ThenBy(a => a.Stream).ThenBy(a => a.Sequence).Take(SweepBatch).ToListAsync(ct);
                    }
                    if (late.Count > 0)
                    {
                        LogSweeping(log, late.Count);
                        await PushAsync(late, ct);
                    }
                }
                while (late.Count == SweepBatch);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(log, e);
            }
        }
    }

    /// <summary>Renders and pushes <paramref name="batch"/> in order, then marks it pushed.</summary>
    private async Task PushAsync(IReadOnlyList<Alert> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<AlertRenderer>();
        foreach (JsonObject message in await renderer.RenderAsync(batch, ct))
        {
            await hub.Clients.Group(message["stream"]!.GetValue<string>()).SendAsync(AlertHub.AlertMethod, message, ct);
        }
        // Marked after the push: a node that stops in between leaves them for a sweep (a duplicate, never a loss).
        // The push of TLP:RED alerts is audited with the mark, so a sweep that pushes them again records that too.
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var stream in batch.GroupBy(a => a.Stream, StringComparer.Ordinal))
        {
            long first = stream.Min(a => a.Sequence), last = stream.Max(a => a.Sequence);
            await db.Alerts.Where(a => a.Stream == stream.Key && a.Sequence >= first && a.Sequence <= last && !a.Dispatched)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Dispatched, true), ct);
            var red = RedReads.RedObjects(stream);
            if (red.Count > 0)
            {
                await audit.AppendAsync(AuditActions.PushRed, red.Count == 1 ? red[0] : null, AuditOutcome.Success,
                    new { stream = stream.Key, count = red.Count, objects = red.Take(100) }, ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    [LoggerMessage(1201, LogLevel.Warning, "Alert dispatch queue full: {Count} alerts not pushed now; the sweep pushes them later and subscribers can resume from the store")]
    private static partial void LogQueueFull(ILogger log, int count);

    [LoggerMessage(1202, LogLevel.Error, "Could not push {Count} alerts; the sweep retries them and subscribers can resume from the store")]
    private static partial void LogSendFailed(ILogger log, Exception e, int count);

    [LoggerMessage(1206, LogLevel.Information, "Pushing {Count} alerts left unpushed (a node stopped after committing them, or a push failed)")]
    private static partial void LogSweeping(ILogger log, int count);

    [LoggerMessage(1205, LogLevel.Error, "The sweep for unpushed alerts failed; it runs again shortly")]
    private static partial void LogSweepFailed(ILogger log, Exception e);
}
