using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Submissions;
using ThreatShare.IntegrationTests.Fixtures;
using ThreatShare.IntegrationTests.Submissions;
using ThreatShare.Stix;

namespace ThreatShare.IntegrationTests.Taxii;

/// <summary>
/// TAXII 2.1 over real HTTP against Kestrel, one requirement of the specification (or of the issue's
/// contract) per test: discovery, API root, collections, objects, manifest, versions, status, delete
/// and errors, with bearer tokens from the product's token endpoint and with HTTP Basic.
/// </summary>
public abstract class TaxiiConformanceSuite : NodeSuite
{
    private const string Root = TaxiiClient.Root;

    private string Identity(string org) => Node.Organization(org).GetProperty("identity_id").GetString()!;

    private async Task<(int Submissions, int Objects)> CountsAsync()
    {
        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        return (await db.Submissions.CountAsync(), await db.Objects.CountAsync());
    }

    private static JsonObject Malware(string? id = null) => new()
    {
        ["type"] = "malware",
        ["spec_version"] = "2.1",
        ["id"] = id ?? "malware--" + Guid.NewGuid(),
        ["created"] = "2026-11-01T10:00:00.000Z",
        ["modified"] = "2026-11-01T10:00:00.000Z",
        ["name"] = "Loader",
        ["is_family"] = false,
    };

    private static string Objects(string collection) => $"{Root}collections/{collection}/objects/";

    [Fact]
    public async Task Discovery_NamesTheApiRoot_AsDefault_ForBearerAndBasic()
    {
        foreach (var client in new[] { await TaxiiClient.BearerAsync(Node, "bank-a"), TaxiiClient.Basic(Node, "bank-a") })
        {
            using (client)
            {
                var discovery = await client.GetAsync("/taxii2/");
                discovery.AssertOk();
                Assert.False(string.IsNullOrEmpty(discovery.Json.GetProperty("title").GetString()));
                string root = discovery.Json.GetProperty("default").GetString()!;
                Assert.EndsWith(Root, root, StringComparison.Ordinal);
                Assert.Contains(root, discovery.Json.GetProperty("api_roots").EnumerateArray().Select(r => r.GetString()));
                // The default API root answers where discovery says it is.
                var apiRoot = await client.GetAsync(new Uri(root).AbsolutePath);
                apiRoot.AssertOk();
            }
        }
    }

    [Fact]
    public async Task ApiRoot_Says21_AndMaxContentLength_IsTheRealBodyLimit()
    {
        using var client = await TaxiiClient.BearerAsync(Node, "bank-a");
        var root = await client.GetAsync(Root);
        root.AssertOk();
        Assert.False(string.IsNullOrEmpty(root.Json.GetProperty("title").GetString()));
        Assert.Equal([TaxiiClient.MediaType], root.Json.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        long max = root.Json.GetProperty("max_content_length").GetInt64();
        Assert.Equal(Node.Services.GetRequiredService<IOptions<SubmissionOptions>>().Value.MaxBytes, max);

        string finance = await client.CollectionIdAsync("sector:finance");
        var before = await CountsAsync();
        // One byte over the limit, announced: refused before the body is read.
        using (var over = new HttpRequestMessage(HttpMethod.Post, Objects(finance)) { Content = new ByteArrayContent(new byte[max + 1]) })
        {
            over.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiClient.MediaType);
            (await client.SendAsync(over)).AssertError(HttpStatusCode.RequestEntityTooLarge);
        }
        // Over the limit without a length (chunked): the web server stops reading at the limit; still a TAXII error.
        var padding = new string(' ', (int)max);
        using (var chunked = new HttpRequestMessage(HttpMethod.Post, Objects(finance)) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"objects\":[" + padding + "]}"))) })
        {
            chunked.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiClient.MediaType);
            chunked.Headers.TransferEncodingChunked = true;
            (await client.SendAsync(chunked)).AssertError(HttpStatusCode.RequestEntityTooLarge);
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Collections_AreTheChannels_TheCallerReadsOrWrites_WithTruthfulFlags_AndStableIds()
    {
        using var bankA = await TaxiiClient.BearerAsync(Node, "bank-a");
        using var insurer = await TaxiiClient.BearerAsync(Node, "insurer-c");
        using var power = TaxiiClient.Basic(Node, "power-d");
        var list = await bankA.GetAsync(Root + "collections/");
        list.AssertOk();
        var collections = list.Json.GetProperty("collections").EnumerateArray().ToDictionary(c => c.GetProperty("alias").GetString()!);
        Assert.Equal(["cross-sector", "national", "sector:finance"], collections.Keys.Order(StringComparer.Ordinal));
        Assert.True(collections["sector:finance"].GetProperty("can_read").GetBoolean() && collections["sector:finance"].GetProperty("can_write").GetBoolean());
        Assert.True(collections["national"].GetProperty("can_read").GetBoolean());
        Assert.False(collections["national"].GetProperty("can_write").GetBoolean()); // only the directorate posts there
        foreach (var c in collections.Values)
        {
            Assert.Contains(c.GetProperty("alias").GetString()!, c.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.True(Guid.TryParse(c.GetProperty("id").GetString(), out _));
            Assert.Equal(["application/stix+json;version=2.1"], c.GetProperty("media_types").EnumerateArray().Select(m => m.GetString()));
            var one = await bankA.GetAsync($"{Root}collections/{c.GetProperty("id").GetString()}/");
            one.AssertOk();
            Assert.True(SameJson.Equal(c, one.Json));
        }
        // Probation: cross-sector is read-only (tier), finance writable.
        Assert.False((await insurer.GetAsync(Root + "collections/")).Json.GetProperty("collections").EnumerateArray()
            .Single(c => c.GetProperty("alias").GetString() == "cross-sector").GetProperty("can_write").GetBoolean());
        // The same channel has the same id for everyone, on every call, on every node and after restarts:
        // a version 5 UUID of the channel name (docs/decisions.md, "TAXII"); clients keep these ids.
        Assert.Equal("74e46983-ee6d-50d3-8fb0-26b6a0b0ac86", await bankA.CollectionIdAsync("sector:finance"));
        Assert.Equal(await bankA.CollectionIdAsync("sector:finance"), await insurer.CollectionIdAsync("sector:finance"));
        Assert.Equal(await bankA.CollectionIdAsync("cross-sector"), await power.CollectionIdAsync("cross-sector"));

        // Another sector's collection does not exist for bank-a: 404 everywhere, like an id that was never issued.
        string energy = await power.CollectionIdAsync("sector:energy");
        foreach (string path in new[] { $"{Root}collections/{energy}/", Objects(energy), $"{Root}collections/{energy}/manifest/", $"{Root}collections/{Guid.NewGuid()}/" })
        {
            (await bankA.GetAsync(path)).AssertError(HttpStatusCode.NotFound);
        }
        (await bankA.PostAsync(Objects(energy), TaxiiClient.Envelope(Samples.Indicator()))).AssertError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unauthenticated_Is401_WithChallenge_AndWrongBasicSecret_Too()
    {
        using var anonymous = TaxiiClient.Anonymous(Node);
        using var wrong = TaxiiClient.Basic(Node, "bank-a", "not-the-secret");
        foreach (var client in new[] { anonymous, wrong })
        {
            foreach (string path in new[] { "/taxii2/", Root, Root + "collections/" })
            {
                using var response = await client.Http.GetAsync(path);
                var answer = await TaxiiAnswer.ReadAsync(response);
                answer.AssertError(HttpStatusCode.Unauthorized);
                Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
                Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
            }
        }
    }

    [Fact]
    public async Task Scopes_ReadOnlyClient_CannotPost_WriteOnlyClient_CannotRead()
    {
        using var reader = await TaxiiClient.BearerAsync(Node, "bank-a", "stix.read");
        using var writer = await TaxiiClient.BearerAsync(Node, "bank-a", "stix.write");
        string finance = await reader.CollectionIdAsync("sector:finance");
        var seenByReader = (await reader.GetAsync($"{Root}collections/{finance}/")).Json;
        Assert.True(seenByReader.GetProperty("can_read").GetBoolean());
        Assert.False(seenByReader.GetProperty("can_write").GetBoolean());
        var seenByWriter = (await writer.GetAsync($"{Root}collections/{finance}/")).Json;
        Assert.False(seenByWriter.GetProperty("can_read").GetBoolean());
        Assert.True(seenByWriter.GetProperty("can_write").GetBoolean());

        var before = await CountsAsync();
        (await reader.PostAsync(Objects(finance), TaxiiClient.Envelope(Samples.Indicator()))).AssertError(HttpStatusCode.Forbidden);
        (await writer.GetAsync(Objects(finance))).AssertError(HttpStatusCode.Forbidden);
        (await writer.GetAsync($"{Root}collections/{finance}/manifest/")).AssertError(HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Post_Answers202_StatusCountsAddUp_AndObjectsComeBackAsSent()
    {
        using var client = TaxiiClient.Basic(Node, "bank-b");
        string finance = await client.CollectionIdAsync("sector:finance");
        string id = "indicator--" + Guid.NewGuid();
        string green = TlpMarking.Green.Id.Value;
        // Three versions of one indicator and a malware, fully attributed and marked, with a custom property.
        var versions = new[] { "2026-11-01T10:00:00.000Z", "2026-11-02T10:00:00.000Z", "2026-11-03T10:00:00.000Z" }
            .Select(m => Samples.Indicator(id, m).Also(o =>
            {
                o["created_by_ref"] = Identity("bank-b");
                o["object_marking_refs"] = new JsonArray(green);
                o["x_threatshare_test"] = new JsonObject { ["nested"] = new JsonArray(1, 2.5, "three") };
            })).ToArray();
        var malware = Malware().Also(o =>
        {
            o["created_by_ref"] = Identity("bank-b");
            o["object_marking_refs"] = new JsonArray(green);
        });
        var posted = await client.PostAsync(Objects(finance), TaxiiClient.Envelope([.. versions, malware]));

        posted.AssertOk(HttpStatusCode.Accepted);
        var status = posted.Json;
        Assert.Equal("complete", status.GetProperty("status").GetString());
        Assert.Equal(4, status.GetProperty("total_count").GetInt32());
        Assert.Equal(status.GetProperty("total_count").GetInt32(),
            status.GetProperty("success_count").GetInt32() + status.GetProperty("failure_count").GetInt32() + status.GetProperty("pending_count").GetInt32());
        var successes = status.GetProperty("successes").EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("version").GetString())).ToHashSet();
        Assert.Equal(versions.Select(v => ((string?)id, (string?)v["modified"]!.GetValue<string>())).Append((malware["id"]!.GetValue<string>(), "2026-11-01T10:00:00.000Z")).ToHashSet(), successes);
        // The status resource answers the same later.
        var again = await client.GetAsync($"{Root}status/{status.GetProperty("id").GetString()}/");
        again.AssertOk();
        Assert.Equal(4, again.Json.GetProperty("success_count").GetInt32());

        // Every version, as sent, property for property.
        var all = await client.GetAsync(Objects(finance) + $"{id}/?match[version]=all");
        all.AssertOk();
        Assert.Equal(3, all.Objects.Count);
        foreach (var (sent, got) in versions.Zip(all.Objects))
        {
            Assert.True(SameJson.Equal(JsonDocument.Parse(sent.ToJsonString()).RootElement, got), got.GetRawText());
        }
        Assert.True(SameJson.Equal(JsonDocument.Parse(malware.ToJsonString()).RootElement,
            (await client.GetAsync(Objects(finance) + $"{malware["id"]}/")).Objects.Single()));
        // Never a bundle.
        Assert.False(all.Json.TryGetProperty("type", out _));
        Assert.NotNull(all.Header("X-TAXII-Date-Added-First"));
        Assert.NotNull(all.Header("X-TAXII-Date-Added-Last"));
    }

    [Fact]
    public async Task MatchVersion_DefaultsToLast_AndTakesFirstAllTimestampsAndLists()
    {
        using var client = await TaxiiClient.BearerAsync(Node, "bank-a");
        string finance = await client.CollectionIdAsync("sector:finance");
        string id = "indicator--" + Guid.NewGuid();
        string[] modified = ["2026-11-01T10:00:00.000Z", "2026-11-02T10:00:00.000Z", "2026-11-03T10:00:00.000Z"];
        (await client.PostAsync(Objects(finance), TaxiiClient.Envelope([.. modified.Select(m => Samples.Indicator(id, m))]))).AssertOk(HttpStatusCode.Accepted);

        async Task<string[]> VersionsAsync(string query)
        {
            foreach (string path in new[] { Objects(finance) + "?match[id]=" + id + query, Objects(finance) + id + "/?" + query.TrimStart('&') })
            {
                var answer = await client.GetAsync(path);
                answer.AssertOk();
                var got = answer.Objects.Select(o => o.GetProperty("modified").GetString()!).ToArray();
                if (path.Contains("match[id]", StringComparison.Ordinal))
                {
                    var other = await client.GetAsync(Objects(finance) + id + "/?" + query.TrimStart('&'));
                    Assert.Equal(got, other.Objects.Select(o => o.GetProperty("modified").GetString()!).ToArray());
                    return got;
                }
            }
            throw new InvalidOperationException("unreachable");
        }

        Assert.Equal([modified[2]], await VersionsAsync(""));
        Assert.Equal([modified[2]], await VersionsAsync("&match[version]=last"));
        Assert.Equal([modified[0]], await VersionsAsync("&match[version]=first"));
        Assert.Equal(modified, await VersionsAsync("&match[version]=all"));
        Assert.Equal([modified[1]], await VersionsAsync("&match[version]=" + modified[1]));
        Assert.Equal([modified[0], modified[2]], await VersionsAsync("&match[version]=first,last"));
        Assert.Equal([modified[0], modified[1]], await VersionsAsync($"&match[version]={modified[0]},{modified[1]}"));
        // A version that does not exist: 200 with an empty envelope.
        var none = await client.GetAsync(Objects(finance) + $"{id}/?match[version]=2020-01-01T00:00:00.000Z");
        none.AssertOk();
        Assert.Empty(none.Objects);

        var versions = await client.GetAsync(Objects(finance) + id + "/versions/");
        versions.AssertOk();
        Assert.Equal(modified, versions.Json.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.False(versions.Json.GetProperty("more").GetBoolean());
        Assert.NotNull(versions.Header("X-TAXII-Date-Added-First"));
        (await client.GetAsync(Objects(finance) + "indicator--" + Guid.NewGuid() + "/versions/")).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync(Objects(finance) + "indicator--" + Guid.NewGuid() + "/")).AssertError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Filters_IdTypeSpecVersion_AreOrLists_AndAddedAfter_IsExclusive()
    {
        using var client = await TaxiiClient.BearerAsync(Node, "multi-f");
        string finance = await client.CollectionIdAsync("sector:finance");
        var a = Samples.Indicator();
        var b = Samples.Indicator();
        var m = Malware();
        (await client.PostAsync(Objects(finance), TaxiiClient.Envelope(a, b, m))).AssertOk(HttpStatusCode.Accepted);
        string ids = $"{a["id"]},{b["id"]},{m["id"]}";

        async Task<HashSet<string>> IdsAsync(string query)
        {
            var answer = await client.GetAsync(Objects(finance) + "?match[id]=" + ids + query);
            answer.AssertOk();
            return answer.Objects.Select(o => o.GetProperty("id").GetString()!).ToHashSet();
        }

        Assert.Equal(3, (await IdsAsync("")).Count);
        Assert.Equal([m["id"]!.GetValue<string>()], await IdsAsync("&match[type]=malware"));
        Assert.Equal(3, (await IdsAsync("&match[type]=malware,indicator")).Count);
        Assert.Empty(await IdsAsync("&match[type]=tool"));
        Assert.Equal(3, (await IdsAsync("&match[spec_version]=2.1")).Count);
        Assert.Equal(3, (await IdsAsync("&match[spec_version]=2.0,2.1")).Count);
        var old = await client.GetAsync(Objects(finance) + "?match[id]=" + ids + "&match[spec_version]=2.0");
        old.AssertOk();
        Assert.Empty(old.Objects);

        // date_added strictly increases in one post; added_after excludes the time it names.
        var manifest = await client.GetAsync($"{Root}collections/{finance}/manifest/?match[id]={ids}");
        manifest.AssertOk();
        var added = manifest.Json.GetProperty("objects").EnumerateArray().Select(r => r.GetProperty("date_added").GetString()!).ToList();
        Assert.Equal(3, added.Count);
        Assert.Equal(added.Order(StringComparer.Ordinal), added);
        Assert.Equal(3, added.Distinct().Count());
        Assert.Equal(added[0], manifest.Header("X-TAXII-Date-Added-First"));
        Assert.Equal(added[2], manifest.Header("X-TAXII-Date-Added-Last"));
        Assert.Equal(2, (await IdsAsync("&added_after=" + added[0])).Count);
        Assert.Empty(await IdsAsync("&added_after=" + added[2]));
        var justBefore = DateTimeOffset.Parse(added[0], System.Globalization.CultureInfo.InvariantCulture).AddTicks(-10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, (await IdsAsync("&added_after=" + justBefore)).Count);
        foreach (var record in manifest.Json.GetProperty("objects").EnumerateArray())
        {
            Assert.Equal("2026-11-01T10:00:00.000Z", record.GetProperty("version").GetString());
            Assert.Equal("application/stix+json;version=2.1", record.GetProperty("media_type").GetString());
        }
    }

    [Fact]
    public async Task Paging_WithLimitAndNext_SeesEachObjectOnce_AndNextIsTiedToItsFilters()
    {
        using var client = await TaxiiClient.BearerAsync(Node, "bank-a");
        string finance = await client.CollectionIdAsync("sector:finance");
        var posted = Enumerable.Range(0, 7).Select(_ => Samples.Indicator()).ToArray();
        (await client.PostAsync(Objects(finance), TaxiiClient.Envelope(posted))).AssertOk(HttpStatusCode.Accepted);
        string ids = string.Join(",", posted.Select(p => p["id"]!.GetValue<string>()));

        foreach (string endpoint in new[] { Objects(finance), $"{Root}collections/{finance}/manifest/" })
        {
            var seen = new List<string>();
            string query = $"?match[id]={ids}&limit=3";
            var page = await client.GetAsync(endpoint + query);
            int pages = 1;
            while (true)
            {
                page.AssertOk();
                seen.AddRange(page.Json.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!));
                if (!page.More)
                {
                    Assert.Null(page.Next);
                    break;
                }
                // Another filter with this next: refused, not silently mixed.
                (await client.GetAsync(endpoint + $"?match[id]={ids}&match[type]=malware&limit=3&next={page.Next}")).AssertError(HttpStatusCode.BadRequest);
                page = await client.GetAsync(endpoint + query + "&next=" + page.Next);
                pages++;
            }
            Assert.Equal(3, pages);
            Assert.Equal(posted.Select(p => p["id"]!.GetValue<string>()), seen);
        }
        foreach (string bad in new[] { "limit=0", "limit=x", "next=garbage", "added_after=yesterday", "added_after=2026-13-01T00:00:00Z", "match[version]=newest" })
        {
            (await client.GetAsync(Objects(finance) + "?" + bad)).AssertError(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Status_FollowsModeration_AndIsOnlyTheSubmittersAndModerators()
    {
        using var insurer = await TaxiiClient.BearerAsync(Node, "insurer-c"); // probation: every post waits
        using var bankA = await TaxiiClient.BearerAsync(Node, "bank-a");
        string finance = await insurer.CollectionIdAsync("sector:finance");
        var approved = Samples.Indicator();
        var rejected = Samples.Indicator();
        var first = await insurer.PostAsync(Objects(finance), TaxiiClient.Envelope(approved));
        var second = await insurer.PostAsync(Objects(finance), TaxiiClient.Envelope(rejected));
        first.AssertOk(HttpStatusCode.Accepted);
        Assert.Equal("pending", first.Json.GetProperty("status").GetString());
        Assert.Equal(1, first.Json.GetProperty("pending_count").GetInt32());
        Assert.Equal(approved["id"]!.GetValue<string>(), first.Json.GetProperty("pendings")[0].GetProperty("id").GetString());
        Assert.Equal(approved["modified"]!.GetValue<string>(), first.Json.GetProperty("pendings")[0].GetProperty("version").GetString());
        string approvedStatus = $"{Root}status/{first.Json.GetProperty("id").GetString()}/";
        string rejectedStatus = $"{Root}status/{second.Json.GetProperty("id").GetString()}/";
        // Pending objects are not in the collection yet, even for their submitter.
        Assert.Empty((await insurer.GetAsync(Objects(finance) + $"?match[id]={approved["id"]}")).Objects);
        // Somebody else's status does not exist.
        (await bankA.GetAsync(approvedStatus)).AssertError(HttpStatusCode.NotFound);
        (await bankA.GetAsync($"{Root}status/{Guid.NewGuid()}/")).AssertError(HttpStatusCode.NotFound);
        (await bankA.GetAsync($"{Root}status/not-a-status/")).AssertError(HttpStatusCode.NotFound);

        using var moderator = TaxiiClient.Person(Node, await PersonTokenAsync("directorate-admin"));
        (await moderator.GetAsync(approvedStatus)).AssertOk();
        using (var admin = await PersonAsync("directorate-admin"))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/submissions/{first.Json.GetProperty("id").GetString()}/decisions", new { action = "approve" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/submissions/{second.Json.GetProperty("id").GetString()}/decisions", new { action = "reject", message = "not an indicator of compromise" })).StatusCode);
        }
        var done = await insurer.GetAsync(approvedStatus);
        done.AssertOk();
        Assert.Equal("complete", done.Json.GetProperty("status").GetString());
        Assert.Equal((1, 1, 0, 0), (done.Json.GetProperty("total_count").GetInt32(), done.Json.GetProperty("success_count").GetInt32(),
            done.Json.GetProperty("pending_count").GetInt32(), done.Json.GetProperty("failure_count").GetInt32()));
        var refused = await insurer.GetAsync(rejectedStatus);
        Assert.Equal("complete", refused.Json.GetProperty("status").GetString());
        Assert.Equal(1, refused.Json.GetProperty("failure_count").GetInt32());
        var failure = refused.Json.GetProperty("failures")[0];
        Assert.Equal(rejected["id"]!.GetValue<string>(), failure.GetProperty("id").GetString());
        Assert.Contains("not an indicator of compromise", failure.GetProperty("message").GetString(), StringComparison.Ordinal);
        // Once approved, it is in the collection.
        Assert.Single((await bankA.GetAsync(Objects(finance) + $"?match[id]={approved["id"]}")).Objects);
    }

    [Fact]
    public async Task Delete_OnlyByTheOwningOrganization_HonoursMatchVersion_AndIsAudited()
    {
        using var owner = await TaxiiClient.BearerAsync(Node, "bank-b");
        using var other = await TaxiiClient.BearerAsync(Node, "bank-a");
        string finance = await owner.CollectionIdAsync("sector:finance");
        string id = "indicator--" + Guid.NewGuid();
        string[] modified = ["2026-11-01T10:00:00.000Z", "2026-11-02T10:00:00.000Z", "2026-11-03T10:00:00.000Z"];
        (await owner.PostAsync(Objects(finance), TaxiiClient.Envelope([.. modified.Select(m => Samples.Indicator(id, m))]))).AssertOk(HttpStatusCode.Accepted);

        (await other.DeleteAsync(Objects(finance) + id + "/")).AssertError(HttpStatusCode.Forbidden);
        (await other.DeleteAsync(Objects(finance) + "indicator--" + Guid.NewGuid() + "/")).AssertError(HttpStatusCode.NotFound);
        var first = await owner.DeleteAsync(Objects(finance) + id + "/?match[version]=first");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(modified[1..], (await other.GetAsync(Objects(finance) + id + "/versions/")).Json.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync(Objects(finance) + id + "/")).Status);
        (await other.GetAsync(Objects(finance) + id + "/")).AssertError(HttpStatusCode.NotFound);
        (await owner.GetAsync(Objects(finance) + id + "/")).AssertError(HttpStatusCode.NotFound);

        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        var records = await db.AuditRecords.AsNoTracking().Where(r => r.Action == "object.delete" && r.Target == id).OrderBy(r => r.Sequence).ToListAsync();
        Assert.Equal(["denied", "success", "success"], records.Select(r => r.Outcome));
        Assert.Equal(0, await db.Objects.CountAsync(o => o.StixId == id));
    }

    [Fact]
    public async Task Anonymized_ShowsTheDirectorate_ToEveryoneButItsSubmitter_AndRed_OnlyToRecipientsAndSubmitter()
    {
        using var rest = await ClientAsync("bank-a");
        var anonymous = Samples.Indicator();
        var body = Samples.Submission("sector:finance", "green", Samples.Bundle(anonymous));
        body["anonymous"] = true;
        Assert.Equal(HttpStatusCode.Created, (await rest.PostAsJsonAsync("/api/v1/submissions", body)).StatusCode);
        var red = Samples.Indicator();
        Assert.Equal(HttpStatusCode.Created, (await rest.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("cross-sector", "red", Samples.Bundle(red), "hospital-e"))).StatusCode);

        using var submitter = await TaxiiClient.BearerAsync(Node, "bank-a");
        using var peer = await TaxiiClient.BearerAsync(Node, "bank-b");
        using var recipient = TaxiiClient.Basic(Node, "hospital-e");
        using var stranger = await TaxiiClient.BearerAsync(Node, "power-d");
        string finance = await submitter.CollectionIdAsync("sector:finance");
        string cross = await submitter.CollectionIdAsync("cross-sector");

        Assert.Equal(Identity("bank-a"), (await submitter.GetAsync(Objects(finance) + $"{anonymous["id"]}/")).Objects.Single().GetProperty("created_by_ref").GetString());
        Assert.Equal(Identity("directorate"), (await peer.GetAsync(Objects(finance) + $"{anonymous["id"]}/")).Objects.Single().GetProperty("created_by_ref").GetString());
        string manifest = (await peer.GetAsync($"{Root}collections/{finance}/manifest/?match[id]={anonymous["id"]}")).Text;
        Assert.DoesNotContain(Identity("bank-a"), manifest, StringComparison.Ordinal);

        Assert.Single((await submitter.GetAsync(Objects(cross) + $"?match[id]={red["id"]}")).Objects);
        Assert.Single((await recipient.GetAsync(Objects(cross) + $"?match[id]={red["id"]}")).Objects);
        foreach (var outsider in new[] { peer, stranger })
        {
            Assert.Empty((await outsider.GetAsync(Objects(cross) + $"?match[id]={red["id"]}")).Objects);
            (await outsider.GetAsync(Objects(cross) + $"{red["id"]}/")).AssertError(HttpStatusCode.NotFound);
            (await outsider.GetAsync(Objects(cross) + $"{red["id"]}/versions/")).AssertError(HttpStatusCode.NotFound);
            Assert.False((await outsider.GetAsync($"{Root}collections/{cross}/manifest/?match[id]={red["id"]}")).Json.TryGetProperty("objects", out _));
        }
        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        Assert.True(await db.AuditRecords.AnyAsync(r => r.Action == "read.red" && r.Target == red["id"]!.GetValue<string>() && r.Organization == "hospital-e"));
    }

    [Fact]
    public async Task BadInput_IsASpecificationError_AndStoresNothing()
    {
        using var client = await TaxiiClient.BearerAsync(Node, "bank-a");
        string finance = await client.CollectionIdAsync("sector:finance");
        string national = await client.CollectionIdAsync("national");
        // An id bank-b published first.
        using var owner = await TaxiiClient.BearerAsync(Node, "bank-b");
        var taken = Samples.Indicator();
        (await owner.PostAsync(Objects(finance), TaxiiClient.Envelope(taken))).AssertOk(HttpStatusCode.Accepted);
        var before = await CountsAsync();

        async Task RawAsync(string body, string contentType, HttpStatusCode expected)
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            using var response = await client.Http.PostAsync(Objects(finance), content);
            (await TaxiiAnswer.ReadAsync(response)).AssertError(expected);
        }

        await RawAsync("{\"objects\": [", TaxiiClient.MediaType, HttpStatusCode.BadRequest);
        await RawAsync("[]", TaxiiClient.MediaType, HttpStatusCode.BadRequest);
        await RawAsync("{\"objects\": {}}", TaxiiClient.MediaType, HttpStatusCode.BadRequest);
        await RawAsync("{\"objects\": []}", TaxiiClient.MediaType, HttpStatusCode.BadRequest);
        await RawAsync(TaxiiClient.Envelope(Samples.Indicator()).ToJsonString(), "application/json", HttpStatusCode.UnsupportedMediaType);
        await RawAsync(TaxiiClient.Envelope(Samples.Indicator()).ToJsonString(), "application/taxii+json;version=2.0", HttpStatusCode.UnsupportedMediaType);
        // A bundle is not an envelope.
        await RawAsync(Samples.Bundle(Samples.Indicator()).ToJsonString(), TaxiiClient.MediaType, HttpStatusCode.BadRequest);

        var invalid = await client.PostAsync(Objects(finance), TaxiiClient.Envelope(Samples.Indicator(), Samples.Indicator(pattern: "[ipv4-addr:value = ")));
        invalid.AssertError(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(invalid.Json.GetProperty("details").EnumerateArray(), d => d.GetProperty("path").GetString()!.StartsWith("$.objects[1]", StringComparison.Ordinal));
        var hijack = await client.PostAsync(Objects(finance), TaxiiClient.Envelope(Samples.Indicator(), Samples.Indicator(taken["id"]!.GetValue<string>(), "2026-11-05T10:00:00.000Z")));
        hijack.AssertError(HttpStatusCode.Conflict);
        Assert.Contains(hijack.Json.GetProperty("details").EnumerateArray(), d => d.GetProperty("path").GetString() == "$.objects[1].id");
        var mixed = TaxiiClient.Envelope(
            Samples.Indicator().Also(o => o["object_marking_refs"] = new JsonArray(TlpMarking.Green.Id.Value)),
            Samples.Indicator().Also(o => o["object_marking_refs"] = new JsonArray(TlpMarking.Amber.Id.Value)));
        (await client.PostAsync(Objects(finance), mixed)).AssertError(HttpStatusCode.UnprocessableEntity);
        (await client.PostAsync(Objects(finance), TaxiiClient.Envelope(Samples.Indicator().Also(o => o["object_marking_refs"] = new JsonArray(TlpMarking.Red.Id.Value)))))
            .AssertError(HttpStatusCode.UnprocessableEntity);
        (await client.PostAsync(Objects(finance), TaxiiClient.Envelope(Samples.Indicator().Also(o => o["created_by_ref"] = Identity("bank-b")))))
            .AssertError(HttpStatusCode.UnprocessableEntity);
        // Read-only and unknown collections.
        (await client.PostAsync(Objects(national), TaxiiClient.Envelope(Samples.Indicator()))).AssertError(HttpStatusCode.Forbidden);
        (await client.PostAsync(Objects(Guid.NewGuid().ToString()), TaxiiClient.Envelope(Samples.Indicator()))).AssertError(HttpStatusCode.NotFound);
        // Unacceptable Accept, unknown paths.
        using (var html = new HttpRequestMessage(HttpMethod.Get, Objects(finance)))
        {
            html.Headers.Accept.Clear();
            html.Headers.Accept.ParseAdd("text/html");
            (await client.SendAsync(html)).AssertError(HttpStatusCode.NotAcceptable);
        }
        using (var old = new HttpRequestMessage(HttpMethod.Get, Objects(finance)))
        {
            old.Headers.Accept.Clear();
            old.Headers.Accept.ParseAdd("application/taxii+json;version=2.0");
            (await client.SendAsync(old)).AssertError(HttpStatusCode.NotAcceptable);
        }
        (await client.GetAsync("/taxii2/other-root/collections/")).AssertError(HttpStatusCode.NotFound);

        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>
    /// Three organizations post envelopes at the same time while one reader pages with <c>next</c>
    /// (and, at the end of the pages, continues from the last <c>date_added</c>) and another polls
    /// with <c>added_after</c> alone: each sees every object exactly once.
    /// </summary>
    [Fact]
    public async Task Paging_And_AddedAfter_UnderConcurrentPosts_SeeEveryObjectExactlyOnce()
    {
        const int Envelopes = 8, PerEnvelope = 15;
        string[] writers = ["bank-a", "bank-b", "multi-f"];
        using var pager = await TaxiiClient.BearerAsync(Node, "insurer-c");
        using var poller = TaxiiClient.Basic(Node, "insurer-c");
        string objects = Objects(await pager.CollectionIdAsync("sector:finance"));
        var posted = new System.Collections.Concurrent.ConcurrentBag<string>();
        int running = writers.Length;

        async Task WriteAsync(string org)
        {
            using var client = await TaxiiClient.BearerAsync(Node, org);
            for (int i = 0; i < Envelopes; i++)
            {
                var batch = Enumerable.Range(0, PerEnvelope).Select(_ => Samples.Indicator()).ToArray();
                (await client.PostAsync(objects, TaxiiClient.Envelope(batch))).AssertOk(HttpStatusCode.Accepted);
                foreach (var o in batch)
                {
                    posted.Add(o["id"]!.GetValue<string>() + "@" + o["modified"]!.GetValue<string>());
                }
            }
            Interlocked.Decrement(ref running);
        }

        // Reads until a read that started after every writer finished comes back empty.
        async Task<List<string>> ReadAsync(TaxiiClient client, bool useNext, int limit)
        {
            var seen = new List<string>();
            string? next = null, after = null, last = null;
            while (true)
            {
                bool finished = Volatile.Read(ref running) == 0;
                string query = $"?match[version]=all&limit={limit}" + (after is null ? "" : "&added_after=" + after) + (next is null ? "" : "&next=" + next);
                var page = await client.GetAsync(objects + query);
                page.AssertOk();
                // Other tests' objects have several versions: a version is the unit.
                seen.AddRange(page.Objects.Select(o => o.GetProperty("id").GetString() + "@" + o.GetProperty("modified").GetString()));
                last = page.Header("X-TAXII-Date-Added-Last") ?? last;
                if (useNext && page.More)
                {
                    // next belongs to this filter: added_after stays as it was.
                    next = page.Next;
                    continue;
                }
                // The pages of this filter are done: continue from the last time seen (a new filter, so no next).
                next = null;
                after = last;
                if (finished && page.Objects.Count == 0)
                {
                    return seen;
                }
            }
        }

        var readers = new[] { Task.Run(() => ReadAsync(pager, useNext: true, limit: 7)), Task.Run(() => ReadAsync(poller, useNext: false, limit: 11)) };
        await Task.WhenAll(writers.Select(w => Task.Run(() => WriteAsync(w))));
        var results = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(writers.Length * Envelopes * PerEnvelope, posted.Count);
        foreach (var (seen, reader) in results.Zip(new[] { "next", "added_after" }))
        {
            var repeated = seen.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            var missed = posted.Except(seen).ToList();
            Assert.True(repeated.Count == 0 && missed.Count == 0, $"{reader}: {repeated.Count} repeated, {missed.Count} missed of {posted.Count} ({seen.Count} seen)");
        }
    }

    [Fact]
    public async Task DefaultTlp_IsAmber_AndAMarkedEnvelope_KeepsItsLevel()
    {
        using var client = await TaxiiClient.BearerAsync(Node, "bank-a");
        string finance = await client.CollectionIdAsync("sector:finance");
        var unmarked = Samples.Indicator();
        var clear = Samples.Indicator().Also(o => o["object_marking_refs"] = new JsonArray(TlpMarking.Clear.Id.Value));
        var alsoUnmarked = Samples.Indicator();
        (await client.PostAsync(Objects(finance), TaxiiClient.Envelope(unmarked))).AssertOk(HttpStatusCode.Accepted);
        (await client.PostAsync(Objects(finance), TaxiiClient.Envelope(clear, alsoUnmarked))).AssertOk(HttpStatusCode.Accepted);

        async Task<string> MarkingAsync(JsonObject o) =>
            (await client.GetAsync(Objects(finance) + $"{o["id"]}/")).Objects.Single().GetProperty("object_marking_refs")[0].GetString()!;
        Assert.Equal(TlpMarking.Amber.Id.Value, await MarkingAsync(unmarked));
        Assert.Equal(TlpMarking.Clear.Id.Value, await MarkingAsync(clear));
        Assert.Equal(TlpMarking.Clear.Id.Value, await MarkingAsync(alsoUnmarked));
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteTaxiiConformanceTests(DemoServer server) : TaxiiConformanceSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresTaxiiConformanceTests(PostgresNodes postgres) : TaxiiConformanceSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("taxii");
}
