using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using ThreatShare.Core.Alerts;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Features.Identity;

namespace ThreatShare.Server.Features.Alerts;

/// <summary>
/// Which streams each live connection of this node reads, decided by the server from the caller's
/// identity. When something about an organization changes (its sectors, its tier, a user or client
/// of it disabled), its connections are decided again at once: groups it may no longer read are
/// left, new ones joined, and a caller that no longer exists or is disabled is disconnected.
/// </summary>
internal sealed partial class LiveMembership(IServiceScopeFactory scopes, IHubContext<AlertHub> hub, ILogger<LiveMembership> log)
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);

    /// <summary>One connection: its context (for its user and to abort it), its organization, its streams.</summary>
    private sealed record LiveConnection(HubCallerContext Context, Guid OrganizationId)
    {
        public IReadOnlySet<string> Streams { get; set; } = new HashSet<string>();
    }

    /// <summary>Decides the streams of a new connection and joins their groups; false when the caller may read no alerts.</summary>
    public async Task<bool> JoinAsync(HubCallerContext context, CancellationToken ct)
    {
        var streams = await DecideAsync(context, ct);
        if (streams is null)
        {
            return false;
        }
        var connection = new LiveConnection(context, streams.Value.Organization);
        _connections[context.ConnectionId] = connection;
        await ApplyAsync(connection, streams.Value.Streams, ct);
        return true;
    }

    public void Leave(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>The streams a connection reads now.</summary>
    public IReadOnlySet<string> StreamsOf(string connectionId) =>
        _connections.TryGetValue(connectionId, out var connection) ? connection.Streams : new HashSet<string>();

    /// <summary>
    /// Closes every live connection of this node. After a Redis outage, alerts other nodes pushed in
    /// the meantime never reached this node: its clients reconnect, rejoin their groups and resume
    /// from the store, so nothing stays missing until the next alert of a stream reveals the gap.
    /// </summary>
    public void DisconnectAll()
    {
        foreach (var connection in _connections.Values.ToList())
        {
            connection.Context.Abort();
            Leave(connection.Context.ConnectionId);
        }
    }

    /// <summary>Decides again every connection of <paramref name="organizationId"/> on this node.</summary>
    public async Task OrganizationChangedAsync(Guid organizationId, CancellationToken ct)
    {
        foreach (var connection in _connections.Values.Where(c => c.OrganizationId == organizationId).ToList())
        {
            var streams = await DecideAsync(connection.Context, ct);
            if (streams is null || streams.Value.Organization != organizationId)
            {
                LogDisconnected(log, connection.Context.ConnectionId);
                await ApplyAsync(connection, new HashSet<string>(), ct);
                connection.Context.Abort();
                Leave(connection.Context.ConnectionId);
                continue;
            }
            await ApplyAsync(connection, streams.Value.Streams, ct);
        }
    }

    private async Task<(Guid Organization, IReadOnlySet<string> Streams)?> DecideAsync(HubCallerContext context, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var caller = context.User is null ? null : await scope.ServiceProvider.GetRequiredService<CallerContext>().GetAsync(context.User, ct);
        if (caller is null || !caller.MayUse(ApiScopes.Alerts))
        {
            return null;
        }
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        var sectors = await db.Sectors.AsNoTracking().Select(s => s.Slug).ToListAsync(ct);
        return (caller.Organization.Id, AlertStreams.Of(caller.Reader, caller.Organization.Slug, sectors).ToHashSet(StringComparer.Ordinal));
    }

    private async Task ApplyAsync(LiveConnection connection, IReadOnlySet<string> streams, CancellationToken ct)
    {
        string id = connection.Context.ConnectionId;
        // Leave first: a stream the caller may no longer read stops at once.
        foreach (string gone in connection.Streams.Where(s => !streams.Contains(s)))
        {
            await hub.Groups.RemoveFromGroupAsync(id, gone, ct);
        }
        connection.Streams = streams;
        foreach (string added in streams)
        {
            await hub.Groups.AddToGroupAsync(id, added, ct);
        }
    }

    [LoggerMessage(1203, LogLevel.Information, "Live connection {ConnectionId} disconnected: its caller may no longer read alerts")]
    private static partial void LogDisconnected(ILogger log, string connectionId);
}

/// <summary>
/// Carries "organization changed" to every node: in-process without Redis, through a Redis channel
/// with it, so each node decides its own connections again.
/// </summary>
internal sealed partial class MembershipBus(LiveMembership membership, IConfiguration configuration, ILogger<MembershipBus> log) : IHostedService, IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("threatshare:membership");
    private ConnectionMultiplexer? _redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string? redis = configuration["ThreatShare:Redis"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            return;
        }
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        _redis = await ConnectionMultiplexer.ConnectAsync(options);
        _redis.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                LogRedisLost(log, e.Exception);
            }
        };
        _redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                _ = BackplaneRestoredAsync();
            }
        };
        await _redis.GetSubscriber().SubscribeAsync(Channel, (channel, message) =>
        {
            if (Guid.TryParse(message.ToString(), out var organization))
            {
                _ = ChangedHereAsync(organization);
            }
        });
    }

    /// <summary>Tells every node that <paramref name="organizationId"/> changed.</summary>
    public async Task OrganizationChangedAsync(Guid organizationId, CancellationToken ct)
    {
        if (_redis is null)
        {
            await membership.OrganizationChangedAsync(organizationId, ct);
            return;
        }
        // Every node, this one included, hears it on the channel.
        await _redis.GetSubscriber().PublishAsync(Channel, organizationId.ToString());
    }

    private async Task ChangedHereAsync(Guid organization)
    {
        try
        {
            await membership.OrganizationChangedAsync(organization, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogFailed(log, e, organization);
        }
    }

    /// <summary>
    /// Redis is back: what other nodes pushed while it was away never arrived here, and membership
    /// changes may have been missed. Once the SignalR backplane has had time to reconnect too, every
    /// local connection is closed so that its client reconnects and resumes from the store.
    /// </summary>
    private async Task BackplaneRestoredAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        LogRedisRestored(log);
        membership.DisconnectAll();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [LoggerMessage(1210, LogLevel.Warning, "Lost the connection to Redis: alerts of other nodes do not reach this node's subscribers until it is back")]
    private static partial void LogRedisLost(ILogger log, Exception? e);

    [LoggerMessage(1211, LogLevel.Warning, "Redis is back: closing this node's live connections so that their clients resume what they missed")]
    private static partial void LogRedisRestored(ILogger log);

    [LoggerMessage(1204, LogLevel.Error, "Could not apply a membership change of organization {Organization} to live connections")]
    private static partial void LogFailed(ILogger log, Exception e, Guid organization);
}
