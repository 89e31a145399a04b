using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Lookup;

/// <summary>"Is this address bad?" over REST: every kind of value, ranges and parents, only current, visible, published indicators, and clear errors.</summary>
public abstract class LookupSuite : NodeSuite
{
    private static readonly Random Random = new();

    /// <summary>Values no other test uses: the suites share their node.</summary>
    private static string Octet() => Random.Next(1, 255).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Hex(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[Random.Next(16)]));

    private static string Domain() => "d" + Guid.NewGuid().ToString("N")[..12] + ".test";

    private async Task<(string Id, string Submission, string State)> PostAsync(string org, string channel, string tlp, string pattern, string[]? recipients = null,
        bool anonymous = false, Action<JsonObject>? change = null, string? id = null, string modified = "2026-11-01T10:00:00.000Z")
    {
        using var api = await ClientAsync(org);
        var indicator = Samples.Indicator(id, modified, pattern);
        change?.Invoke(indicator);
        var body = Samples.Submission(channel, tlp, Samples.Bundle(indicator), recipients ?? []);
        body["anonymous"] = anonymous;
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (result.GetProperty("objects")[0].GetString()!, result.GetProperty("id").GetString()!, result.GetProperty("state").GetString()!);
    }

    private async Task<JsonElement> LookupAsync(string org, string value, string? type = null)
    {
        using var api = await ClientAsync(org);
        using var response = await api.GetAsync($"/api/v1/lookup?value={Uri.EscapeDataString(value)}{(type is null ? "" : "&type=" + type)}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<string>> FoundAsync(string org, string value) =>
        [.. (await LookupAsync(org, value)).GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("indicator_id").GetString()!)];

    private static JsonElement OnlyMatch(JsonElement result, string indicator)
    {
        var matches = result.GetProperty("matches").EnumerateArray().Where(m => m.GetProperty("indicator_id").GetString() == indicator).ToList();
        Assert.Single(matches);
        return matches[0];
    }

    [Fact]
    public async Task EveryKindOfValue_IsFound_Exactly_InRanges_AndUnderParentDomains()
    {
        string a = Octet(), b = Octet(), domain = Domain();
        string md5 = Hex(32), sha1 = Hex(40), sha256 = Hex(64), sha512 = Hex(128);
        string pattern = $"[ipv4-addr:value = '45.155.{a}.{b}'] OR [ipv4-addr:value ISSUBSET '91.{a}.{b}.0/24'] OR [ipv6-addr:value = '2a01:4f8:{a}::1'] "
            + $"OR [ipv6-addr:value ISSUBSET '2a01:4f9:{a}::/48'] OR [domain-name:value = '{domain}'] OR [url:value = 'http://{domain}/Payload?X=1'] "
            + $"OR [file:hashes.MD5 = '{md5}'] OR [file:hashes.'SHA-1' = '{sha1}'] OR [file:hashes.'SHA-256' = '{sha256}'] OR [file:hashes.'SHA-512' = '{sha512}'] "
            + $"OR [email-addr:value = 'phish@{domain}']";
        var (id, _, state) = await PostAsync("bank-b", "sector:finance", "green", pattern, change: i => i["valid_until"] = "2099-01-01T00:00:00Z");
        Assert.Equal("published", state);

        var cases = new (string Value, string Type, string Match, string Matched)[]
        {
            ($"45.155.{a}.{b}", "ipv4", "exact", $"45.155.{a}.{b}"),
            ($"91.{a}.{b}.77", "ipv4", "range", $"91.{a}.{b}.0/24"),
            ($"91.{a}.{b}.128/25", "ipv4", "range", $"91.{a}.{b}.0/24"),
            ($"2A01:04F8:{a}:0:0:0:0:1", "ipv6", "exact", $"2a01:4f8:{a}::1"),
            ($"2a01:4f9:{a}:7::5", "ipv6", "range", $"2a01:4f9:{a}::/48"),
            (domain.ToUpperInvariant(), "domain", "exact", domain),
            ($"a.b.{domain}", "domain", "parent", domain),
            ($"HTTP://{domain.ToUpperInvariant()}/Payload?X=1", "url", "exact", $"http://{domain}/Payload?X=1"),
            (md5.ToUpperInvariant(), "md5", "exact", md5),
            (sha1, "sha1", "exact", sha1),
            (sha256, "sha256", "exact", sha256),
            (sha512.ToUpperInvariant(), "sha512", "exact", sha512),
            ($"Phish@{domain.ToUpperInvariant()}", "email", "exact", $"phish@{domain}"),
        };
        foreach (var (value, type, match, matched) in cases)
        {
            var result = await LookupAsync("bank-a", value);
            Assert.Equal(value, result.GetProperty("value").GetString());
            Assert.Equal(type, result.GetProperty("type").GetString());
            var found = OnlyMatch(result, id);
            Assert.Equal(match, found.GetProperty("match").GetString());
            Assert.Equal(matched, found.GetProperty("matched_value").GetString());
            Assert.Equal("sector:finance", found.GetProperty("channel").GetString());
            Assert.Equal("green", found.GetProperty("tlp").GetString());
            Assert.Equal(2099, found.GetProperty("valid_until").GetDateTimeOffset().Year);
            Assert.Equal(0, found.GetProperty("sightings").GetProperty("organizations").GetInt32());
        }
        // Misses: a neighbouring address, an address outside the range, the path's case, a hash one digit off.
        int other = (int.Parse(b, System.Globalization.CultureInfo.InvariantCulture) % 254) + 1;
        Assert.DoesNotContain(id, await FoundAsync("bank-a", $"45.155.{a}.{other}"));
        Assert.DoesNotContain(id, await FoundAsync("bank-a", $"91.{a}.{other}.1"));
        Assert.DoesNotContain(id, await FoundAsync("bank-a", $"http://{domain}/payload?X=1"));
        Assert.DoesNotContain(id, await FoundAsync("bank-a", sha1[..39] + (sha1[39] == '0' ? "1" : "0")));
        // The type can be given.
        Assert.Single((await LookupAsync("bank-a", $"sub.{domain}", "domain-name")).GetProperty("matches").EnumerateArray());

        // Sightings are counted.
        using var bankA = await ClientAsync("bank-a");
        using var sighted = await bankA.PostAsJsonAsync("/api/v1/sightings", new { sighting_of_ref = id, count = 4, first_seen = "2026-11-02T08:00:00Z", last_seen = "2026-11-03T08:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, sighted.StatusCode);
        var sightings = OnlyMatch(await LookupAsync("multi-f", $"45.155.{a}.{b}"), id).GetProperty("sightings");
        Assert.Equal(1, sightings.GetProperty("organizations").GetInt32());
        Assert.Equal(4, sightings.GetProperty("count").GetInt64());
        Assert.Equal(2, sightings.GetProperty("first_seen").GetDateTimeOffset().Day);
        Assert.Equal(3, sightings.GetProperty("last_seen").GetDateTimeOffset().Day);
    }

    [Fact]
    public async Task RevokedAndExpired_AreLeftOut_ButNotYetExpired_IsFound()
    {
        string domain = Domain();
        var (expired, _, _) = await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = 'expired.{domain}']",
            change: i => { i["valid_from"] = "2020-01-01T00:00:00Z"; i["valid_until"] = "2021-01-01T00:00:00Z"; });
        var (current, _, _) = await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = 'current.{domain}']",
            change: i => i["valid_until"] = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        var (revoked, _, _) = await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = 'revoked.{domain}']");
        Assert.Equal([revoked], await FoundAsync("bank-a", $"revoked.{domain}"));
        var (_, _, state) = await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = 'revoked.{domain}']", id: revoked,
            modified: "2026-11-02T10:00:00.000Z", change: i => i["revoked"] = true);
        Assert.Equal("published", state);

        Assert.Empty(await FoundAsync("bank-a", $"expired.{domain}"));
        Assert.Empty(await FoundAsync("bank-b", $"expired.{domain}"));
        Assert.Equal([current], await FoundAsync("bank-a", $"current.{domain}"));
        Assert.Empty(await FoundAsync("bank-a", $"revoked.{domain}"));
        Assert.Empty(await FoundAsync("bank-b", $"revoked.{domain}"));
        Assert.Empty(await FoundAsync("bank-a", $"x.revoked.{domain}"));
    }

    [Fact]
    public async Task RevokedByModerator_IsLeftOut_AndNewerVersion_ReplacesTheOldValue()
    {
        string domain = Domain();
        var (id, submission, _) = await PostAsync("bank-b", "sector:finance", "amber", $"[domain-name:value = 'old.{domain}']");
        Assert.Equal([id], await FoundAsync("bank-a", $"old.{domain}"));
        await PostAsync("bank-b", "sector:finance", "amber", $"[domain-name:value = 'new.{domain}']", id: id, modified: "2026-11-02T10:00:00.000Z");
        Assert.Empty(await FoundAsync("bank-a", $"old.{domain}"));
        Assert.Equal([id], await FoundAsync("bank-a", $"new.{domain}"));

        using var admin = Node.ClientWith(await Node.PersonTokenAsync("directorate-admin"));
        using var decided = await admin.PostAsJsonAsync($"/api/v1/submissions/{submission}/decisions", new { action = "revoke", message = "false positive" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Empty(await FoundAsync("bank-a", $"new.{domain}"));
    }

    [Fact]
    public async Task RedIndicator_IsFound_OnlyByItsRecipientsAndSubmitter()
    {
        string value = $"45.156.{Octet()}.{Octet()}";
        var (id, _, _) = await PostAsync("bank-b", "sector:finance", "red", $"[ipv4-addr:value = '{value}']", ["hospital-e"]);
        Assert.Equal([id], await FoundAsync("bank-b", value));
        Assert.Equal([id], await FoundAsync("hospital-e", value));
        Assert.Empty(await FoundAsync("bank-a", value));
        Assert.Empty(await FoundAsync("multi-f", value));
        Assert.Empty(await FoundAsync("power-d", value));
    }

    [Fact]
    public async Task PendingAndRejected_AreNeverFound_ApprovedIs()
    {
        string domain = Domain();
        var (pending, _, state) = await PostAsync("insurer-c", "sector:finance", "green", $"[domain-name:value = 'pending.{domain}']");
        Assert.Equal("pending", state);
        var (rejected, rejectedSubmission, _) = await PostAsync("insurer-c", "sector:finance", "green", $"[domain-name:value = 'rejected.{domain}']");
        var (approved, approvedSubmission, _) = await PostAsync("insurer-c", "sector:finance", "green", $"[domain-name:value = 'approved.{domain}']");
        using var admin = Node.ClientWith(await Node.PersonTokenAsync("directorate-admin"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/submissions/{rejectedSubmission}/decisions", new { action = "reject", message = "no" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/submissions/{approvedSubmission}/decisions", new { action = "approve" })).StatusCode);

        foreach (string org in new[] { "insurer-c", "bank-a", "bank-b" })
        {
            Assert.Empty(await FoundAsync(org, $"pending.{domain}"));
            Assert.Empty(await FoundAsync(org, $"rejected.{domain}"));
            Assert.Equal([approved], await FoundAsync(org, $"approved.{domain}"));
        }
        using var moderator = Node.ClientWith(await Node.PersonTokenAsync("finance-moderator"));
        var seen = await moderator.GetFromJsonAsync<JsonElement>($"/api/v1/lookup?value=pending.{domain}");
        Assert.Empty(seen.GetProperty("matches").EnumerateArray());
        Assert.NotEqual(pending, rejected);
    }

    [Fact]
    public async Task AnotherSectorsIndicator_IsNotFound()
    {
        string value = $"45.157.{Octet()}.{Octet()}";
        var (id, _, state) = await PostAsync("power-d", "sector:energy", "amber", $"[ipv4-addr:value = '{value}']");
        Assert.Equal("published", state);
        Assert.Equal([id], await FoundAsync("power-d", value));
        Assert.Equal([id], await FoundAsync("multi-f", value));
        Assert.Empty(await FoundAsync("bank-a", value));
        Assert.Empty(await FoundAsync("hospital-e", value));
    }

    [Fact]
    public async Task AnonymizedSource_IsNeverShown()
    {
        string value = $"45.158.{Octet()}.{Octet()}";
        var (id, _, state) = await PostAsync("bank-a", "sector:finance", "green", $"[ipv4-addr:value = '{value}']", anonymous: true);
        Assert.Equal("published", state);
        using var api = await ClientAsync("bank-b");
        string body = await api.GetStringAsync($"/api/v1/lookup?value={value}");
        Assert.Contains(id, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Node.Organization("bank-a").GetProperty("identity_id").GetString()!, body, StringComparison.Ordinal);
        Assert.DoesNotContain("bank-a", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_AnswersInInputOrder()
    {
        string domain = Domain();
        string a = Octet();
        var (first, _, _) = await PostAsync("bank-b", "sector:finance", "clear", $"[domain-name:value = '{domain}']");
        var (second, _, _) = await PostAsync("bank-b", "cross-sector", "green", $"[ipv4-addr:value ISSUBSET '93.{a}.0.0/16']");
        using var api = await ClientAsync("hospital-e");
        using var response = await api.PostAsJsonAsync("/api/v1/lookup", new
        {
            values = new object[] { "198.18.0.1", $"www.{domain}", new { value = $"93.{a}.7.7", type = "ipv4" }, "miss.invalid-tld.test", domain, $"93.{a}.7.7" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["198.18.0.1", $"www.{domain}", $"93.{a}.7.7", "miss.invalid-tld.test", domain, $"93.{a}.7.7"], results.Select(r => r.GetProperty("value").GetString()));
        List<string> Ids(int i) => [.. results[i].GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("indicator_id").GetString()!)];
        Assert.Empty(Ids(0));
        Assert.Equal([first], Ids(1));
        Assert.Equal([second], Ids(2));
        Assert.Empty(Ids(3));
        Assert.Equal([first], Ids(4));
        Assert.Equal([second], Ids(5));
        Assert.Equal("parent", results[1].GetProperty("matches")[0].GetProperty("match").GetString());
        Assert.Equal("range", results[5].GetProperty("matches")[0].GetProperty("match").GetString());
    }

    [Fact]
    public async Task BadLookups_AreRefused_WithPaths()
    {
        using var api = await ClientAsync("bank-a");
        async Task<List<string>> PathsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("urn:threatshare:problem:invalid-lookup", problem.GetProperty("type").GetString());
            return [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!)];
        }
        Assert.Equal(["$.value"], await PathsAsync(await api.GetAsync("/api/v1/lookup")));
        Assert.Equal(["$.value"], await PathsAsync(await api.GetAsync("/api/v1/lookup?value=not%20a%20value!")));
        Assert.Equal(["$.type"], await PathsAsync(await api.GetAsync("/api/v1/lookup?value=45.155.1.1&type=colour")));
        Assert.Equal(["$.value"], await PathsAsync(await api.GetAsync("/api/v1/lookup?value=evil.test&type=md5")));
        Assert.Equal(["$.value"], await PathsAsync(await api.GetAsync("/api/v1/lookup?value=999.1.1.1&type=ipv4")));

        Assert.Equal(["$.values[1]", "$.values[2]", "$.values[3]", "$.values[4].type", "$.values[5].shade"],
            await PathsAsync(await api.PostAsJsonAsync("/api/v1/lookup",
                new { values = new object[] { "45.155.1.1", 42, "???", new { value = "evil.test", type = "md5" }, new { value = "x.test", type = "colour" }, new { value = "x.test", shade = "grey" } } })));
        Assert.Equal(["$.values"], await PathsAsync(await api.PostAsJsonAsync("/api/v1/lookup", new { values = Enumerable.Range(0, 10_001).Select(i => $"45.155.{i / 256 % 256}.{i % 256}").ToArray() })));
        Assert.Equal(["$.values"], await PathsAsync(await api.PostAsJsonAsync("/api/v1/lookup", new { values = Array.Empty<string>() })));
        Assert.Equal(["$.values", "$.limit"], await PathsAsync(await api.PostAsJsonAsync("/api/v1/lookup", new { values = "45.155.1.1", limit = 3 })));

        using var tooMany = await api.PostAsJsonAsync("/api/v1/lookup", new { values = Enumerable.Repeat("45.155.1.1", 10_001).ToArray() });
        Assert.Contains("at most 10,000", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var full = await api.PostAsJsonAsync("/api/v1/lookup", new { values = Enumerable.Repeat("45.155.1.1", 10_000).ToArray() });
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteLookupTests(DemoServer server) : LookupSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresLookupTests(PostgresNodes postgres) : LookupSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("lookup");
}
