using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Features.Audit;
using ThreatShare.Server.Features.Identity;

namespace ThreatShare.Server.Features.Alerts;

/// <summary>
/// The live channels at <c>/hubs/alerts</c>. The server alone decides which streams a connection
/// gets, from the caller's identity; the client cannot join a group. The server calls <c>alert</c>
/// with one message per alert; the client calls <c>Resume(stream, afterSequence)</c> to be sent what
/// it missed of a stream it reads, in order, and <c>Streams()</c> to learn which streams it reads.
/// </summary>
[Authorize]
internal sealed class AlertHub(LiveMembership membership, ThreatShareDb db, AlertRenderer renderer, CallerContext callers, AuditLog audit, AuditActor actor) : Hub
{
    public const string Path = "/hubs/alerts";
    public const string AlertMethod = "alert";
    private const int ResumePage = 500;
    private bool _actorKnown;

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
        // A membership change during a long replay takes the stream away between pages.
        while (membership.StreamsOf(Context.ConnectionId).Contains(stream))
        {
            var page = await db.Alerts.AsNoTracking().Where(a => a.Stream == stream && a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(ResumePage).ToListAsync(Context.ConnectionAborted);
            foreach (var message in await renderer.RenderAsync(page, Context.ConnectionAborted))
            {
                await Clients.Caller.SendAsync(AlertMethod, message, Context.ConnectionAborted);
            }
            await RecordRedReadsAsync(page);
            if (page.Count < ResumePage)
            {
                return;
            }
            after = page[^1].Sequence;
        }
    }

    /// <summary>TLP:RED objects sent by <c>Resume</c> are reads by this connection's caller, audited as REST reads are.</summary>
    private async Task RecordRedReadsAsync(List<Alert> page)
    {
        var red = RedReads.RedObjects(page);
        if (red.Count == 0)
        {
            return;
        }
        // A hub call has its own scope: the actor is filled from the connection (CallerContext names the caller), once per call.
        if (!_actorKnown)
        {
            actor.SetSource(Context.GetHttpContext()?.Connection.RemoteIpAddress);
            if (Context.User is { } user)
            {
                await callers.GetAsync(user, Context.ConnectionAborted);
            }
            _actorKnown = true;
        }
        await audit.RecordAsync("hub:resume", red, Context.ConnectionAborted);
    }
}
