using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Identity;

/// <summary>Rotation of the OpenID Connect keys by a directorate admin, on one node and across nodes sharing a store.</summary>
public sealed class KeyRotationTests(DemoServer server) : IClassFixture<DemoServer>
{
    private readonly ServerNode _node = server.Node;

    [Fact]
    public async Task Rotation_PublishesNewKeysAtOnce_ButKeepsSigningWithTheOldUntilTheyPropagated()
    {
        string before = await _node.ClientTokenAsync("bank-a");
        using var admin = _node.ClientWith(await _node.PersonTokenAsync("directorate-admin"));
        var oldKeys = await KeysAsync(admin);
        Assert.All(oldKeys, k => Assert.Equal("in-service", k.State));

        using var rotated = await admin.PostAsync("/api/v1/keys/rotate", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var keys = await KeysAsync(admin);
        var fresh = keys.Where(k => k.State == "propagating").ToList();
        Assert.Equal(["encryption", "signing"], fresh.Select(k => k.Use).Order());
        Assert.All(oldKeys, old => Assert.Equal("retiring", keys.Single(k => k.Kid == old.Kid).State));
        Assert.DoesNotContain(keys, k => k.Json.TryGetProperty("private_key_pem", out _));

        // Other nodes may validate with the new signing key before anything is signed with it.
        var jwks = await _node.Http.GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        var published = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToHashSet();
        Assert.Contains(fresh.Single(k => k.Use == "signing").Kid, published);
        Assert.Contains(oldKeys.Single(k => k.Use == "signing").Kid, published);

        // Until the new keys are in service, tokens are still signed with the old key, and old tokens stay valid.
        string after = await _node.ClientTokenAsync("bank-a");
        Assert.Equal(oldKeys.Single(k => k.Use == "signing").Kid, SigningKid(after));
        foreach (string token in (string[])[before, after])
        {
            using var api = _node.ClientWith(token);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        }
    }

    [Theory]
    [InlineData("bank-a-analyst")]
    [InlineData("bank-a-org-admin")]
    [InlineData("finance-moderator")]
    public async Task OnlyDirectorateAdmins_SeeOrRotateKeys(string userName)
    {
        using var person = _node.ClientWith(await _node.PersonTokenAsync(userName));
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/v1/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostAsync("/api/v1/keys/rotate", null)).StatusCode);
        using var directorateClient = _node.ClientWith(await _node.ClientTokenAsync("directorate"));
        Assert.Equal(HttpStatusCode.Forbidden, (await directorateClient.PostAsync("/api/v1/keys/rotate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _node.Http.PostAsync("/api/v1/keys/rotate", null)).StatusCode);
    }

    internal sealed record Key(string Kid, string Use, string State, JsonElement Json);

    internal static async Task<List<Key>> KeysAsync(HttpClient admin) => Keys(await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys"));

    internal static List<Key> Keys(JsonElement list) =>
        [.. list.GetProperty("keys").EnumerateArray()
            .Select(k => new Key(k.GetProperty("kid").GetString()!, k.GetProperty("use").GetString()!, k.GetProperty("state").GetString()!, k.Clone()))];

    /// <summary>The <c>kid</c> in the header of a signed (JWS) access token: the key that signed it.</summary>
    internal static string SigningKid(string token)
    {
        string[] parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        string header = parts[0].Replace('-', '+').Replace('_', '/');
        header = header.PadRight(header.Length + ((4 - (header.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        return json.RootElement.GetProperty("kid").GetString()!;
    }
}

/// <summary>Two nodes on one PostgreSQL store: a rotation on one reaches the other, and tokens stay valid on both.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class KeyRotationAcrossNodesTests(PostgresNodes postgres)
{
    [Fact]
    public async Task NewKeys_RotatedOnOneNode_AreUsedAndAcceptedByEveryNode()
    {
        var settings = new Dictionary<string, string?>(await postgres.SettingsAsync("keys"))
        {
            ["ThreatShare:Keys:Propagation"] = "00:00:05",
            ["ThreatShare:Keys:CheckInterval"] = "00:00:00.500",
            // Nodes behind one address: tokens of one are tokens of the other.
            ["ThreatShare:PublicUrl"] = "http://threatshare.test/",
        };
        await using var a = await ServerNode.StartAsync(settings);
        // The second node's demo seed renews the demo secrets in the shared store: use its credentials.
        await using var b = await ServerNode.StartAsync(settings);
        string before = await b.ClientTokenAsync("bank-a");

        using var admin = a.ClientWith(await b.PersonTokenAsync("directorate-admin"));
        using var rotated = await admin.PostAsync("/api/v1/keys/rotate", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        // The rotation's answer lists the keys as they stood at once, whatever the load on this machine.
        var keys = KeyRotationTests.Keys(await rotated.Content.ReadFromJsonAsync<JsonElement>());
        string newSigning = keys.Single(k => k.Use == "signing" && k.State == "propagating").Kid;
        
        // The other node publishes the new signing key within its check interval, before anyone signs with it.
        await Eventually(async () => (await b.Http.GetFromJsonAsync<JsonElement>("/.well-known/jwks")).GetProperty("keys")
            .EnumerateArray().Any(k => k.GetProperty("kid").GetString() == newSigning));

        // Once propagated, the rotating node signs with the new key; the other node accepts such tokens, and the old ones.
        string? after = null;
        await Eventually(async () => KeyRotationTests.SigningKid(after = await ServerNode.ClientTokenAsync(a.BaseAddress, b.Credentials, "bank-a")) == newSigning);
        foreach (var node in (ServerNode[])[a, b])
        {
            foreach (string token in (string[])[before, after!])
            {
                using var api = node.ClientWith(token);
                Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
            }
        }
        await Eventually(async () => KeyRotationTests.SigningKid(await b.ClientTokenAsync("bank-a")) == newSigning);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true within 60 s");
            await Task.Delay(200);
        }
    }
}
