using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Alerts;

/// <summary>Two server nodes on one PostgreSQL store: with Redis, an alert published on one reaches subscribers of the other.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class ScaleOutTests(PostgresNodes postgres)
{
    private async Task<(ServerNode A, ServerNode B)> TwoNodesAsync(string database, string? redis)
    {
        var settings = new Dictionary<string, string?>(await postgres.SettingsAsync(database))
        {
            // Nodes behind one address: a token of one is a token of the other.
            ["ThreatShare:PublicUrl"] = "http://threatshare.test/",
            ["ThreatShare:Redis"] = redis,
        };
        var a = await ServerNode.StartAsync(settings);
        // The second node's demo seed renews the demo secrets in the shared store: its credentials are the valid ones.
        var b = await ServerNode.StartAsync(settings);
        return (a, b);
    }

    private static async Task<string> PostAsync(ServerNode node, string token)
    {
        var indicator = Samples.Indicator();
        using var api = node.ClientWith(token);
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(indicator)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return indicator["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task WithRedis_AnAlertPublishedOnOneNode_ReachesSubscribersOfTheOther()
    {
        await using var redis = await RedisServer.StartAsync();
        var (a, b) = await TwoNodesAsync("scaleout", redis.Configuration);
        await using (a)
        await using (b)
        {
            await using var subscriber = await Subscriber.ConnectAsync(b, await b.ClientTokenAsync("bank-a"));
            string id = await PostAsync(a, await b.ClientTokenAsync("bank-b"));
            var alert = await subscriber.NextAsync(x => x.GetProperty("objectId").GetString() == id);
            Assert.Equal("channel:sector:finance", alert.GetProperty("stream").GetString());

            // A membership change made on one node reaches the connections of the other: bank-a's client disabled on A, its connection on B closes.
            using var admin = a.ClientWith(await b.PersonTokenAsync("directorate-admin"));
            string clientId = b.Organization("bank-a").GetProperty("client_id").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/v1/clients/{clientId}", new { disabled = true })).StatusCode);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (subscriber.Connection.State != HubConnectionState.Disconnected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            Assert.Equal(HubConnectionState.Disconnected, subscriber.Connection.State);
        }
    }

    [Fact]
    public async Task WithoutRedis_TheOtherNodesSubscribers_GetTheAlertFromTheStore_ByResuming()
    {
        var (a, b) = await TwoNodesAsync("noredis", redis: null);
        await using (a)
        await using (b)
        {
            string token = await b.ClientTokenAsync("bank-a");
            await using var subscriber = await Subscriber.ConnectAsync(b, token);
            string id = await PostAsync(a, await b.ClientTokenAsync("bank-b"));
            using var rest = b.ClientWith(token);
            var page = await rest.GetFromJsonAsync<JsonElement>("/api/v1/alerts?stream=channel:sector:finance&after=0&limit=1000");
            long sequence = page.GetProperty("alerts").EnumerateArray().Single(x => x.GetProperty("objectId").GetString() == id).GetProperty("sequence").GetInt64();
            await subscriber.Connection.InvokeAsync("Resume", "channel:sector:finance", sequence - 1);
            Assert.Equal(sequence, (await subscriber.NextAsync(x => x.GetProperty("objectId").GetString() == id)).GetProperty("sequence").GetInt64());
        }
    }
}
