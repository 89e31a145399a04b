using System.Net;
using System.Net.Http.Json;
using ThreatShare.Client;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Client;

/// <summary>Two server nodes on one PostgreSQL store behind one address: the node a watch is connected to stops.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class FailoverTests(PostgresNodes postgres)
{
    private const string Finance = "channel:sector:finance";

    private static async Task<string> PublishAsync(ServerNode node, string token)
    {
        var indicator = Samples.Indicator();
        using var api = node.ClientWith(token);
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(indicator)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return indicator["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task WhenTheNodeStops_TheWatchReconnectsToAnother_AndMissesNothing()
    {
        var settings = new Dictionary<string, string?>(await postgres.SettingsAsync("client-failover"))
        {
            ["ThreatShare:PublicUrl"] = "http://threatshare.test/", // one address: a token of one node is a token of the other
        };
        var a = await ServerNode.StartAsync(settings);
        bool aStopped = false;
        // The second node's demo seed renews the demo secrets in the shared store: its credentials are the valid ones.
        await using var b = await ServerNode.StartAsync(settings);
        try
        {
            await using var balancer = new TcpProxy(a.BaseAddress);
            var org = b.Organization("bank-a");
            using var client = new ThreatShareClient(new ThreatShareClientOptions
            {
                BaseAddress = balancer.Address,
                ClientId = org.GetProperty("client_id").GetString(),
                ClientSecret = org.GetProperty("client_secret").GetString(),
            });
            await using var watch = Watching.Start(client, new AlertWatchOptions
            {
                Streams = [Finance],
                RetryDelays = [TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250)],
                MaxConnectAttempts = null,
            });
            await watch.ConnectedAsync();
            string poster = await b.ClientTokenAsync("bank-b");
            string before = await PublishAsync(a, poster);
            var seen = await watch.NextAboutAsync(before);

            // Node A stops; the balancer sends new connections to B. What is published meanwhile is in the store.
            balancer.Retarget(b.BaseAddress);
            await a.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            aStopped = true;
            string meanwhile = await PublishAsync(b, poster);
            Assert.Equal([Finance], await watch.ConnectedAsync());
            string after = await PublishAsync(b, poster);

            var alerts = new[] { await watch.NextAsync(), await watch.NextAsync() };
            Assert.Equal([meanwhile, after], alerts.Select(x => x.ObjectId));
            Assert.Equal([seen.Sequence + 1, seen.Sequence + 2], alerts.Select(x => x.Sequence));
        }
        finally
        {
            if (!aStopped)
            {
                await a.DisposeAsync();
            }
        }
    }
}
