using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Exports;

/// <summary>Exports over REST: the filters, conditional requests, audit records, and clear errors for bad requests and tokens.</summary>
public abstract class ExportSuite : NodeSuite
{
    private static string Domain() => "x" + Guid.NewGuid().ToString("N")[..12] + ".export.test";

    private async Task<string> PostAsync(string org, string channel, string tlp, string pattern, Action<JsonObject>? change = null, string? id = null,
        string modified = "2026-11-01T10:00:00.000Z")
    {
        using var api = await ClientAsync(org);
        var indicator = Samples.Indicator(id, modified, pattern);
        change?.Invoke(indicator);
        string[] recipients = tlp == "red" ? ["hospital-e"] : [];
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission(channel, tlp, Samples.Bundle(indicator), recipients));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("published", result.GetProperty("state").GetString());
        return result.GetProperty("objects")[0].GetString()!;
    }

    /// <summary>The indicator ids of a CSV export whose value holds <paramref name="marker"/> (the tests share their node).</summary>
    private static async Task<List<string>> IdsAsync(HttpClient api, string query, string marker)
    {
        using var response = await api.GetAsync("/api/v1/exports/csv" + query);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return [.. body.Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Where(f => f[0].Contains(marker, StringComparison.Ordinal)).Select(f => f[2]).Distinct().Order(StringComparer.Ordinal)];
    }

    private static List<string> Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Filters_Select_ByChannel_Type_Level_Time_Confidence_Sightings_RevokedAndExpired()
    {
        string d = Domain();
        string finance = await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = 'a.{d}']", i => i["confidence"] = 90);
        string cross = await PostAsync("bank-b", "cross-sector", "clear", $"[domain-name:value = 'b.{d}'] OR [ipv4-addr:value = '45.171.9.9']", i => i["confidence"] = 40);
        string amber = await PostAsync("bank-b", "sector:finance", "amber", $"[url:value = 'http://c.{d}/x']");
        string expired = await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = 'e.{d}']", i => i["valid_until"] = "2026-11-02T00:00:00Z");
        string revoked = await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = 'r.{d}']");
        await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = 'r.{d}']", i => i["revoked"] = true, id: revoked, modified: "2026-11-02T10:00:00.000Z");
        using (var bankA = await ClientAsync("bank-a"))
        using (var multiF = await ClientAsync("multi-f"))
        {
            foreach (var sighter in new[] { bankA, multiF })
            {
                using var sighted = await sighter.PostAsJsonAsync("/api/v1/sightings", new { sighting_of_ref = finance, count = 1, first_seen = "2026-11-02T08:00:00Z", last_seen = "2026-11-02T09:00:00Z" });
                Assert.Equal(HttpStatusCode.Created, sighted.StatusCode);
            }
        }

        using var api = await ClientAsync("bank-a");
        Assert.Equal(Sorted(finance, cross, amber), await IdsAsync(api, "", d));
        Assert.Equal(Sorted(finance, amber), await IdsAsync(api, "?channel=sector:finance", d));
        Assert.Equal(Sorted(finance, cross, amber), await IdsAsync(api, "?channel=sector:finance,cross-sector", d));
        Assert.Equal(Sorted(cross), await IdsAsync(api, "?type=ipv4", "45.171.9.9"));
        Assert.Equal(Sorted(amber), await IdsAsync(api, "?type=url", d + "/x"));
        Assert.Equal(Sorted(finance, cross), await IdsAsync(api, "?tlp=green", d));
        Assert.Equal(Sorted(cross), await IdsAsync(api, "?tlp=clear", d));
        Assert.Equal(Sorted(finance), await IdsAsync(api, "?min_confidence=50", d));
        Assert.Equal(Sorted(finance, cross), await IdsAsync(api, "?min_confidence=40", d));
        Assert.Equal(Sorted(finance), await IdsAsync(api, "?min_sightings=2", d));
        Assert.Equal(Sorted(finance, cross, amber, revoked), await IdsAsync(api, "?include_revoked=true", d));
        Assert.Equal(Sorted(finance, cross, amber, expired), await IdsAsync(api, "?include_expired=true", d));
        Assert.Empty(await IdsAsync(api, "?added_after=2099-01-01T00:00:00Z", d));
        Assert.Equal(Sorted(finance, cross, amber), await IdsAsync(api, "?added_after=2000-01-01T00:00:00Z", d));

        // The sighting organizations and confidence are in the CSV row.
        string csv = await api.GetStringAsync("/api/v1/exports/csv?channel=sector:finance&type=domain");
        var row = csv.Split("\r\n").Single(l => l.StartsWith($"a.{d},", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["domain", finance, "sector:finance", "green", "90", "2026-11-02T08:00:00.000Z", "2026-11-02T09:00:00.000Z", "2"], row[1..]);

        // Block lists filter the same way.
        string domains = await api.GetStringAsync("/api/v1/exports/domains?min_confidence=50");
        Assert.Contains($"a.{d}\n", domains, StringComparison.Ordinal);
        Assert.DoesNotContain($"b.{d}", domains, StringComparison.Ordinal);
        Assert.DoesNotContain($"r.{d}", await api.GetStringAsync("/api/v1/exports/domains"), StringComparison.Ordinal);
        Assert.Contains($"r.{d}\n", await api.GetStringAsync("/api/v1/exports/domains?include_revoked=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_AreAnswered_WithProblemDetails_ByParameter()
    {
        using var api = await ClientAsync("bank-a");
        async Task<List<string>> ProblemAsync(string url)
        {
            using var response = await api.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("urn:threatshare:problem:invalid-export", problem.GetProperty("type").GetString());
            return [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString() + ": " + e.GetProperty("message").GetString())];
        }

        var unknown = await ProblemAsync("/api/v1/exports/pdf");
        Assert.Equal("$.format", Assert.Single(unknown).Split(':')[0]);
        Assert.Contains("stix, csv, suricata, rpz, ipv4", unknown[0], StringComparison.Ordinal);
        var errors = await ProblemAsync("/api/v1/exports/csv?tlp=purple&min_confidence=101&min_sightings=-1&added_after=yesterday&include_revoked=maybe"
            + "&include_expired=1&channel=sector:Finance&type=ip&colour=red");
        Assert.Equal(["$.added_after", "$.channel", "$.colour", "$.include_expired", "$.include_revoked", "$.min_confidence", "$.min_sightings", "$.tlp", "$.type"],
            errors.Select(e => e.Split(':')[0]).Order(StringComparer.Ordinal));
        Assert.Single(await ProblemAsync("/api/v1/exports/csv?tlp=green&tlp=amber"));
        Assert.Contains(await ProblemAsync("/api/v1/exports/csv?tlp=amber+strict"), e => e.Contains("%2B", StringComparison.Ordinal));
        using var plus = await api.GetAsync("/api/v1/exports/csv?tlp=amber%2Bstrict");
        Assert.Equal(HttpStatusCode.OK, plus.StatusCode);
    }

    [Fact]
    public async Task MissingBadRevokedOrUnscopedTokens_AreRefused_WithProblemDetails()
    {
        static async Task<JsonElement> RefusedAsync(HttpClient api, HttpStatusCode status)
        {
            using var response = await api.GetAsync("/api/v1/exports/ipv4");
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var none = await RefusedAsync(Node.Http, HttpStatusCode.Unauthorized);
        Assert.Equal("urn:threatshare:problem:unauthenticated", none.GetProperty("type").GetString());
        using (var forged = Node.ClientWith("not-a-token"))
        {
            var bad = await RefusedAsync(forged, HttpStatusCode.Unauthorized);
            Assert.Equal("urn:threatshare:problem:invalid-token", bad.GetProperty("type").GetString());
            Assert.Contains("refused", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var admin = await PersonAsync("bank-a-org-admin");
        var (feedToken, feedId) = await ClientTokenAsync(admin, "bank-a", ["feeds"]);
        using (var feed = Node.ClientWith(feedToken))
        {
            using var ok = await feed.GetAsync("/api/v1/exports/ipv4");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            using var disabled = await admin.PatchAsJsonAsync($"/api/v1/clients/{feedId}", new { disabled = true });
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
            var revoked = await RefusedAsync(feed, HttpStatusCode.Unauthorized);
            Assert.Equal("urn:threatshare:problem:invalid-token", revoked.GetProperty("type").GetString());
            Assert.Contains("disabled", revoked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var (alertsToken, _) = await ClientTokenAsync(admin, "bank-a", ["alerts"]);
        using var alertsOnly = Node.ClientWith(alertsToken);
        var forbidden = await RefusedAsync(alertsOnly, HttpStatusCode.Forbidden);
        Assert.Contains("'feeds'", forbidden.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnchangedExport_Answers304_AndAPublicationChangesTheTag()
    {
        using var admin = await PersonAsync("bank-b-org-admin");
        var (token, _) = await ClientTokenAsync(admin, "bank-b", ["feeds"]);
        using var feed = Node.ClientWith(token);
        using var first = await feed.GetAsync("/api/v1/exports/ipv4", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.TransferEncodingChunked, "an export is streamed, not buffered");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(tag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/ipv4");
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await feed.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, notModified.Headers.ETag);

        // Another format or filter is another tag.
        using var other = await feed.GetAsync("/api/v1/exports/ipv4?tlp=clear");
        Assert.NotEqual(tag, other.Headers.ETag);

        string address = $"45.172.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}";
        await PostAsync("bank-a", "cross-sector", "clear", $"[ipv4-addr:value = '{address}']");
        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/ipv4");
        after.Headers.IfNoneMatch.Add(tag);
        using var changed = await feed.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Contains(address + "\n", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryExport_IsAudited_WithFormatFiltersAndCounts()
    {
        string d = Domain();
        await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = '{d}'] OR [domain-name:value = 'www.google.com']");
        using var api = await ClientAsync("bank-a");
        string zone = await api.GetStringAsync("/api/v1/exports/rpz?channel=sector:finance&type=domain");
        Assert.Contains($"\n{d} CNAME .\n*.{d} CNAME .\n", zone, StringComparison.Ordinal);
        Assert.DoesNotContain("google", zone, StringComparison.Ordinal);

        using var auditor = await PersonAsync("directorate-admin");
        var records = (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=1000&action=export&target=rpz")).GetProperty("records").EnumerateArray()
            .Where(r => r.GetProperty("organization").GetString() == "bank-a").ToList();
        var details = records[^1].GetProperty("details");
        Assert.Equal("success", records[^1].GetProperty("outcome").GetString());
        Assert.Equal("rpz", details.GetProperty("format").GetString());
        Assert.Equal("own-tool", details.GetProperty("audience").GetString());
        Assert.Equal("sector:finance", details.GetProperty("filters").GetProperty("channel").GetString());
        Assert.Equal("domain", details.GetProperty("filters").GetProperty("type").GetString());
        long domains = details.GetProperty("indicators").GetInt64();
        Assert.Equal(zone.Split('\n').Count(l => l.StartsWith('*')), domains);
        Assert.Equal(domains * 2, details.GetProperty("entries").GetInt64());
        Assert.True(details.GetProperty("warning_listed").GetInt64() >= 1);

        using var bad = await api.GetAsync("/api/v1/exports/rpz?tlp=purple");
        var refused = (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=1000&action=export&target=rpz&outcome=failure")).GetProperty("records");
        Assert.Contains(refused.EnumerateArray(), r => r.GetProperty("details").GetProperty("status").GetInt32() == 400);
    }

    [Fact]
    public async Task AwkwardValues_AreEscaped_AndReadBackExactly_ByTheRealTools()
    {
        string d = Domain();
        string url = $"http://{d}/a;b\"c|d/é?q=1&r=%22";
        string id = await PostAsync("bank-b", "sector:finance", "green",
            $"[url:value = '{url}'] OR [domain-name:value = '_dmarc.{d}'] OR [ipv6-addr:value ISSUBSET '2a0e:97c0:2::/48']");
        using var api = await ClientAsync("bank-a");

        var rules = await FormatTools.ParseRulesAsync(await api.GetStringAsync("/api/v1/exports/suricata?channel=sector:finance"));
        var mine = rules.Where(r => r.Metadata.Contains($"threatshare_indicator {id}")).ToList();
        Assert.Equal(["dns", "http", "http", "ip", "tls"], mine.Select(r => r.Proto).Order(StringComparer.Ordinal));
        Assert.Equal("2a0e:97c0:2::/48", mine.Single(r => r.Proto == "ip").Destination);
        var urlRule = mine.Single(r => r.Options.Any(o => o.Name == "http.uri.raw"));
        var contents = urlRule.Options.Where(o => o.Name == "content").Select(o => o.Value!).ToList();
        Assert.Equal([$"\"{d}\"", "\"/a|3B|b|22|c|7C|d/|C3 A9|?q=1&r=%22\""], contents);
        Assert.Equal(Math.Max(1, mine.Max(r => r.Rev)), mine.Min(r => r.Rev));

        var zone = await FormatTools.CheckZoneAsync(await api.GetStringAsync("/api/v1/exports/rpz?channel=sector:finance"), "rpz.example");
        Assert.Contains(zone, r => r.Owner == $"_dmarc.{d}.rpz.example." && r.Type == "CNAME" && r.Data == ".");
        Assert.Contains(zone, r => r.Owner == $"*._dmarc.{d}.rpz.example.");

        // A new version keeps the rule's sid and raises its rev.
        await PostAsync("bank-b", "sector:finance", "green", $"[domain-name:value = '_dmarc.{d}']", id: id, modified: "2026-11-02T10:00:00.000Z");
        var next = (await FormatTools.ParseRulesAsync(await api.GetStringAsync("/api/v1/exports/suricata?channel=sector:finance")))
            .Where(r => r.Metadata.Contains($"threatshare_indicator {id}")).ToList();
        Assert.Equal(["dns", "http", "tls"], next.Select(r => r.Proto).Order(StringComparer.Ordinal));
        Assert.Equal(mine.Where(r => r.Msg.Contains("_dmarc", StringComparison.Ordinal)).Select(r => r.Sid).Order(), next.Select(r => r.Sid).Order());
        Assert.All(next, r => Assert.Equal(2, r.Rev));
    }

    /// <summary>Creates an API client of <paramref name="org"/> with <paramref name="scopes"/> and returns a token of it and its id.</summary>
    private async Task<(string Token, string ClientId)> ClientTokenAsync(HttpClient admin, string org, string[] scopes)
    {
        using var created = await admin.PostAsJsonAsync($"/api/v1/organizations/{org}/clients", new { name = "export test", scopes });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        string id = client.GetProperty("client_id").GetString()!;
        using var token = await Node.RequestClientTokenAsync(id, client.GetProperty("client_secret").GetString()!);
        token.EnsureSuccessStatusCode();
        return ((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!, id);
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteExportTests(DemoServer server) : ExportSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresExportTests(PostgresNodes postgres) : ExportSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("exports-api");
}
