using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreatShare.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ThreatShare.IntegrationTests.Trust;

/// <summary>
/// Every read path that exists (object, list, versions, sightings, submission, channels, lookup, TAXII) × every reader of the
/// demo data (each organization's API client, each analyst and org-admin, the finance moderator and
/// the directorate admin) × objects in every channel at every TLP level: published and pending,
/// anonymized, and objects whose versions differ in TLP. The expected answer is computed here from
/// the DESIGN.md table, independently of the production code: which versions a reader sees, which
/// version "newest" means for it, and whose identity <c>created_by_ref</c> shows. Zero leaks, zero
/// wrongful denials.
/// </summary>
public abstract class AuthorizationMatrixSuite(ITestOutputHelper output)
{
    /// <summary>Settings that point the server at this suite's store (none: the embedded SQLite default).</summary>
    protected abstract Task<IReadOnlyDictionary<string, string?>?> StoreSettingsAsync();

    /// <summary>The context type the server must be using, so the suite cannot silently run on the wrong store.</summary>
    protected abstract Type ExpectedStore { get; }

    [Fact]
    public async Task EveryReadPath_Shows_ExactlyWhatTheDesignTableAllows()
    {
        await using var matrix = await MatrixFixture.StartAsync(await StoreSettingsAsync());
        await using (var scope = matrix.Node.Services.CreateAsyncScope())
        {
            Assert.IsType(ExpectedStore, scope.ServiceProvider.GetRequiredService<ThreatShare.Core.Storage.ThreatShareDb>());
        }
        var run = new MatrixRun(matrix);
        foreach (var reader in matrix.Readers)
        {
            await run.CheckAsync(reader);
        }
        output.WriteLine($"{matrix.Readers.Count} readers × {matrix.Posts.Count} object versions ({matrix.Posts.Select(p => p.ObjectId).Distinct().Count()} objects) "
            + $"× 5 read paths + attribution + channels + lookup (single and bulk) + TAXII (collections, objects, object) = {run.Checks} checks, {run.Mismatches.Count} mismatches");
        Assert.True(matrix.Readers.Count >= 20 && matrix.Posts.Count >= 40 && run.Checks > 6000, "the matrix is smaller than designed");
        Assert.Empty(run.Mismatches);
    }
}

/// <summary>One pass of the matrix: the checks for each reader and what did not match.</summary>
internal sealed class MatrixRun(MatrixFixture matrix)
{
    public int Checks { get; private set; }

    public List<string> Mismatches { get; } = [];

    public async Task CheckAsync(MatrixReader reader)
    {
        using var api = matrix.Node.ClientWith(reader.Token);
        var listed = new Dictionary<(string Id, string Modified), JsonElement>();
        foreach (string channel in MatrixFixture.Channels)
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/objects?channel={Uri.EscapeDataString(channel)}&limit=1000");
            Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
            foreach (var o in page.GetProperty("objects").EnumerateArray())
            {
                listed[(o.GetProperty("id").GetString()!, o.GetProperty("modified").GetString()!)] = o.Clone();
            }
        }
        foreach (var versions in matrix.Posts.GroupBy(p => p.ObjectId))
        {
            var seen = versions.Where(p => DesignTable.Sees(reader, p)).OrderBy(p => p.Modified, StringComparer.Ordinal).ToList();
            foreach (var post in versions)
            {
                bool expected = DesignTable.Sees(reader, post);
                Check(reader, post, "list", listed.TryGetValue((post.ObjectId, post.Modified), out var item), expected);
                if (expected && item.ValueKind == JsonValueKind.Object)
                {
                    CheckAttribution(reader, post, "list", item);
                }
                using var submission = await api.GetAsync($"/api/v1/submissions/{post.SubmissionId}");
                Check(reader, post, "submission", submission.StatusCode == HttpStatusCode.OK, DesignTable.SeesSubmission(reader, post));
            }

            var newest = seen.LastOrDefault();
            using var one = await api.GetAsync($"/api/v1/objects/{versions.Key}");
            Assert.True(one.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET object answered {one.StatusCode}");
            Check(reader, versions.First(), "get", one.StatusCode == HttpStatusCode.OK, newest is not null);
            if (newest is not null && one.StatusCode == HttpStatusCode.OK)
            {
                var body = await one.Content.ReadFromJsonAsync<JsonElement>();
                string modified = body.GetProperty("modified").GetString()!;
                Checks++;
                if (modified != newest.Modified)
                {
                    Mismatches.Add($"{(string.CompareOrdinal(modified, newest.Modified) > 0 ? "LEAK" : "DENIAL")}: {reader.Name} get gave version {modified}, expected {newest}");
                }
                CheckAttribution(reader, newest, "get", body);
            }

            using var sightings = await api.GetAsync($"/api/v1/objects/{versions.Key}/sightings");
            Check(reader, versions.First(), "sightings", sightings.StatusCode == HttpStatusCode.OK, newest is not null);

            using var history = await api.GetAsync($"/api/v1/objects/{versions.Key}/versions");
            Check(reader, versions.First(), "versions", history.StatusCode == HttpStatusCode.OK, seen.Count > 0);
            if (seen.Count > 0 && history.StatusCode == HttpStatusCode.OK)
            {
                var shown = (await history.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions").EnumerateArray().Select(v => v.GetString()!).ToList();
                Checks++;
                if (!shown.SequenceEqual(seen.Select(p => p.Modified)))
                {
                    Mismatches.Add($"{reader.Name} versions of {versions.Key}: [{string.Join(",", shown)}], expected [{string.Join(",", seen.Select(p => p.Modified))}]");
                }
            }
        }

        await CheckLookupAsync(reader, api);
        await CheckTaxiiAsync(reader);

        var channels = (await api.GetFromJsonAsync<JsonElement>("/api/v1/channels")).GetProperty("channels").EnumerateArray()
            .Where(c => c.GetProperty("can_read").GetBoolean()).Select(c => c.GetProperty("name").GetString()!).ToHashSet();
        foreach (string channel in MatrixFixture.Channels)
        {
            Checks++;
            if (channels.Contains(channel) != DesignTable.ReadsChannel(reader, channel))
            {
                Mismatches.Add($"{reader.Name} channel {channel}: can_read={channels.Contains(channel)}");
            }
        }
    }

    /// <summary>
    /// Lookup, one value at a time and all at once: an object is found iff the reader sees a published
    /// version of it (none is revoked or expired here), and the channel and TLP shown are those of the
    /// newest such version. No source is ever shown.
    /// </summary>
    /// <summary>
    /// TAXII: a collection is listed iff the reader reads its channel; in it, a version is listed iff
    /// it is published and the design table lets the reader see it; "last" is the newest such version;
    /// an anonymized source shows as the directorate. A TAXII collection holds published objects only
    /// (pending ones are followed through the status resource), and only channels the reader reads are
    /// collections (docs/decisions.md, "TAXII").
    /// </summary>
    private async Task CheckTaxiiAsync(MatrixReader reader)
    {
        using var taxii = new HttpClient { BaseAddress = matrix.Node.BaseAddress };
        taxii.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reader.Token);
        taxii.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        var collections = (await taxii.GetFromJsonAsync<JsonElement>("/taxii2/threatshare/collections/")).GetProperty("collections").EnumerateArray()
            .ToDictionary(c => c.GetProperty("alias").GetString()!, c => c.GetProperty("id").GetString()!);
        foreach (string channel in MatrixFixture.Channels)
        {
            Checks++;
            bool reads = DesignTable.ReadsChannel(reader, channel);
            if (collections.ContainsKey(channel) != reads)
            {
                Mismatches.Add($"{(reads ? "DENIAL" : "LEAK")}: {reader.Name} taxii collection {channel} listed={collections.ContainsKey(channel)}");
            }
            if (!collections.TryGetValue(channel, out string? id))
            {
                continue;
            }
            string objects = $"/taxii2/threatshare/collections/{id}/objects/";
            var page = await taxii.GetFromJsonAsync<JsonElement>(objects + "?match[version]=all&limit=1000");
            Assert.False(page.TryGetProperty("more", out var more) && more.GetBoolean());
            var listed = new Dictionary<(string Id, string Modified), JsonElement>();
            foreach (var o in page.TryGetProperty("objects", out var items) ? items.EnumerateArray().ToList() : [])
            {
                listed[(o.GetProperty("id").GetString()!, o.GetProperty("modified").GetString()!)] = o.Clone();
            }
            var posts = matrix.Posts.Where(p => p.Channel == channel).ToList();
            foreach (var post in posts)
            {
                bool expected = post.Published && DesignTable.Sees(reader, post);
                Check(reader, post, "taxii objects", listed.TryGetValue((post.ObjectId, post.Modified), out var item), expected);
                if (expected && item.ValueKind == JsonValueKind.Object)
                {
                    CheckAttribution(reader, post, "taxii objects", item);
                }
            }
            // Nothing of another channel, nothing that is not a matrix post of this one.
            Checks++;
            foreach (var key in listed.Keys.Where(k => !posts.Any(p => p.ObjectId == k.Id && p.Modified == k.Modified) && matrix.Values.ContainsKey(k.Id)))
            {
                Mismatches.Add($"LEAK: {reader.Name} taxii objects of {channel} lists {key.Id}@{key.Modified}");
            }
            foreach (var versions in posts.GroupBy(p => p.ObjectId))
            {
                var newest = versions.Where(p => p.Published && DesignTable.Sees(reader, p)).MaxBy(p => p.Modified, StringComparer.Ordinal);
                using var one = await taxii.GetAsync(objects + versions.Key + "/");
                Check(reader, versions.First(), "taxii object", one.StatusCode == HttpStatusCode.OK, newest is not null);
                if (newest is not null && one.StatusCode == HttpStatusCode.OK)
                {
                    var shown = (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("objects").EnumerateArray().Single();
                    Checks++;
                    if (shown.GetProperty("modified").GetString() != newest.Modified)
                    {
                        Mismatches.Add($"{reader.Name} taxii object gave version {shown.GetProperty("modified").GetString()}, expected {newest}");
                    }
                    CheckAttribution(reader, newest, "taxii object", shown);
                }
            }
        }
    }

    private async Task CheckLookupAsync(MatrixReader reader, HttpClient api)
    {
        var groups = matrix.Posts.GroupBy(p => p.ObjectId).ToList();
        using var bulk = await api.PostAsJsonAsync("/api/v1/lookup", new { values = groups.Select(g => matrix.Values[g.Key]).ToArray() });
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        string text = await bulk.Content.ReadAsStringAsync();
        var results = JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ToList();
        Checks++;
        foreach (string poster in matrix.Posts.Select(p => p.Poster).Distinct())
        {
            if (text.Contains(matrix.IdentityOf(poster), StringComparison.Ordinal))
            {
                Mismatches.Add($"SOURCE LEAK: {reader.Name} lookup shows {poster}'s identity");
            }
        }
        for (int i = 0; i < groups.Count; i++)
        {
            var versions = groups[i];
            var current = versions.Where(p => p.Published && DesignTable.Sees(reader, p)).MaxBy(p => p.Modified, StringComparer.Ordinal);
            using var one = await api.GetAsync($"/api/v1/lookup?value={matrix.Values[versions.Key]}");
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            var single = await one.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var (path, result) in new[] { ("lookup", single), ("bulk lookup", results[i]) })
            {
                Checks++;
                if (result.GetProperty("value").GetString() != matrix.Values[versions.Key])
                {
                    Mismatches.Add($"{reader.Name} {path}: result {i} is for {result.GetProperty("value").GetString()}, not in input order");
                    continue;
                }
                var matches = result.GetProperty("matches").EnumerateArray().ToList();
                var match = matches.FirstOrDefault(m => m.GetProperty("indicator_id").GetString() == versions.Key);
                Check(reader, versions.First(), path, match.ValueKind == JsonValueKind.Object, current is not null);
                Checks++;
                if (matches.Count > 1)
                {
                    Mismatches.Add($"{reader.Name} {path} of {versions.Key}: {matches.Count} matches");
                }
                if (current is not null && match.ValueKind == JsonValueKind.Object)
                {
                    Checks++;
                    (string channel, string tlp) = (match.GetProperty("channel").GetString()!, match.GetProperty("tlp").GetString()!);
                    if (channel != current.Channel || tlp != current.Tlp)
                    {
                        Mismatches.Add($"{reader.Name} {path} of {versions.Key} shows {channel} {tlp}, expected the newest visible version {current}");
                    }
                }
            }
        }
    }

    private void Check(MatrixReader reader, MatrixPost post, string path, bool actual, bool expected)
    {
        Checks++;
        if (actual != expected)
        {
            Mismatches.Add($"{(actual ? "LEAK" : "DENIAL")}: {reader.Name} {path} {post}");
        }
    }

    /// <summary>An anonymized publication names the directorate to everyone but its submitter and the directorate.</summary>
    private void CheckAttribution(MatrixReader reader, MatrixPost post, string path, JsonElement shown)
    {
        string expected = DesignTable.ShownCreator(reader, post) == "directorate" ? matrix.IdentityOf("directorate") : matrix.IdentityOf(post.Poster);
        string actual = shown.GetProperty("created_by_ref").GetString()!;
        Checks++;
        if (actual != expected)
        {
            Mismatches.Add($"{(actual == matrix.IdentityOf(post.Poster) ? "SOURCE LEAK" : "WRONG CREATOR")}: {reader.Name} {path} {post} shows {actual}");
        }
    }
}

public sealed record MatrixReader(string Name, string Organization, IReadOnlySet<string> Sectors, IReadOnlySet<string> Moderates, bool Admin, string Token);

public sealed record MatrixPost(string Poster, string Channel, string Tlp, bool Published, bool Anonymous, IReadOnlyList<string> Recipients,
    string ObjectId, string Modified, string SubmissionId)
{
    public override string ToString() =>
        $"{Poster} → {Channel} {Tlp}{(Anonymous ? " anonymous" : "")} {(Published ? "published" : "pending")} to [{string.Join(",", Recipients)}] {ObjectId}@{Modified}";
}

/// <summary>DESIGN.md "Visibility", written out for the matrix.</summary>
internal static class DesignTable
{
    public static bool ReadsChannel(MatrixReader r, string channel) =>
        r.Admin || channel is "cross-sector" or "national" || r.Sectors.Any(s => channel == "sector:" + s) || r.Moderates.Any(s => channel == "sector:" + s);

    public static bool Sees(MatrixReader r, MatrixPost p)
    {
        if (r.Admin || p.Poster == r.Organization)
        {
            return true;
        }
        if (r.Moderates.Count > 0 && (p.Channel is "cross-sector" or "national" || r.Moderates.Any(s => p.Channel == "sector:" + s)))
        {
            return true;
        }
        if (!p.Published)
        {
            return false;
        }
        bool readsChannel = p.Channel is "cross-sector" or "national" || r.Sectors.Any(s => p.Channel == "sector:" + s);
        return p.Tlp switch
        {
            "clear" => true,
            "green" or "amber" or "amber+strict" => readsChannel,
            "red" => p.Recipients.Contains(r.Organization),
            _ => throw new InvalidOperationException(p.Tlp),
        };
    }

    /// <summary>Whose organization <c>created_by_ref</c> names for this reader: the directorate hides an anonymous source.</summary>
    public static string ShownCreator(MatrixReader r, MatrixPost p) =>
        p.Anonymous && r.Organization != p.Poster && r.Organization != "directorate" ? "directorate" : p.Poster;

    /// <summary>A submission is the submitter's business and its moderators'.</summary>
    public static bool SeesSubmission(MatrixReader r, MatrixPost p) =>
        r.Admin || p.Poster == r.Organization
        || (r.Moderates.Count > 0 && (p.Channel is "cross-sector" or "national" || r.Moderates.Any(s => p.Channel == "sector:" + s)));
}

/// <summary>The matrix on the embedded SQLite store.</summary>
public sealed class SqliteAuthorizationMatrixTests(ITestOutputHelper output) : AuthorizationMatrixSuite(output)
{
    protected override Type ExpectedStore => typeof(ThreatShare.Core.Storage.SqliteThreatShareDb);

    protected override Task<IReadOnlyDictionary<string, string?>?> StoreSettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string?>?>(null);
}

/// <summary>The matrix on PostgreSQL (a database of the run's throwaway server).</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresAuthorizationMatrixTests(PostgresNodes postgres, ITestOutputHelper output) : AuthorizationMatrixSuite(output)
{
    protected override Type ExpectedStore => typeof(ThreatShare.Core.Storage.PostgresThreatShareDb);

    protected override async Task<IReadOnlyDictionary<string, string?>?> StoreSettingsAsync() => await postgres.SettingsAsync("matrix");
}

/// <summary>
/// One server with posts made through the real API (every channel × every TLP, anonymized ones,
/// objects with versions at different TLP levels), and tokens for every reader of the demo data:
/// people sign in through the authorization code flow (with TOTP where they have it).
/// </summary>
public sealed class MatrixFixture : IAsyncDisposable
{
    public static readonly string[] Channels = ["sector:finance", "sector:energy", "sector:health", "cross-sector", "national"];
    private static readonly string[] Tlps = ["clear", "green", "amber", "amber+strict", "red"];

    // (poster, channel): bank-b is trusted (published), insurer-c on probation (pending).
    private static readonly (string Poster, string Channel)[] Posters =
    [
        ("bank-b", "sector:finance"), ("insurer-c", "sector:finance"), ("power-d", "sector:energy"),
        ("hospital-e", "sector:health"), ("bank-a", "cross-sector"), ("directorate", "national"),
    ];

    /// <summary>Moderated sectors of the demo moderators (DESIGN.md demo data; the credentials file does not list them).</summary>
    private static readonly Dictionary<string, string[]> Moderated = new(StringComparer.Ordinal) { ["finance-moderator"] = ["finance"] };

    private ServerNode? _node;

    public ServerNode Node => _node ?? throw new InvalidOperationException("not started");

    public List<MatrixPost> Posts { get; } = [];

    /// <summary>The address each object's pattern names.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public List<MatrixReader> Readers { get; } = [];

    public string IdentityOf(string slug) => Node.Organization(slug).GetProperty("identity_id").GetString()!;

    public static async Task<MatrixFixture> StartAsync(IReadOnlyDictionary<string, string?>? settings)
    {
        var matrix = new MatrixFixture();
        await matrix.InitializeAsync(settings);
        return matrix;
    }

    private async Task InitializeAsync(IReadOnlyDictionary<string, string?>? settings)
    {
        _node = await ServerNode.StartAsync(settings);
        foreach (var (poster, channel) in Posters)
        {
            foreach (string tlp in Tlps)
            {
                await PostAsync(poster, channel, tlp, anonymous: false, RedRecipients(poster, tlp));
            }
        }
        // Anonymized: a member's publications at every level, and a pending one of a company on probation.
        foreach (string tlp in Tlps)
        {
            await PostAsync("bank-a", "sector:finance", tlp, anonymous: true, RedRecipients("bank-a", tlp));
        }
        await PostAsync("insurer-c", "sector:finance", "amber", anonymous: true, []);
        // Versions whose TLP differs: readers of v1 who may not read v2 must still get v1 as "newest".
        string narrowed = "indicator--" + Guid.NewGuid();
        await PostAsync("bank-b", "sector:finance", "green", anonymous: false, [], narrowed, "2026-11-02T10:00:00.000Z");
        await PostAsync("bank-b", "sector:finance", "red", anonymous: false, ["bank-a"], narrowed, "2026-11-03T10:00:00.000Z");
        string widened = "indicator--" + Guid.NewGuid();
        await PostAsync("power-d", "sector:energy", "amber", anonymous: false, [], widened, "2026-11-02T10:00:00.000Z");
        await PostAsync("power-d", "sector:energy", "clear", anonymous: true, [], widened, "2026-11-03T10:00:00.000Z");
        // Decided by a moderator: rejected and sent back for changes stay with the submitter and the moderators.
        string admin = await Node.PersonTokenAsync("directorate-admin");
        foreach (var (tlp, decision) in new[] { ("green", "reject"), ("amber", "request-changes") })
        {
            await PostAsync("insurer-c", "sector:finance", tlp, anonymous: false, []);
            using var moderator = Node.ClientWith(admin);
            using var decided = await moderator.PostAsJsonAsync($"/api/v1/submissions/{Posts[^1].SubmissionId}/decisions", new { action = decision, message = "matrix" });
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }
        Assert.Contains(Posts, p => !p.Published);

        foreach (var org in _node.Credentials.GetProperty("organizations").EnumerateArray())
        {
            string slug = org.GetProperty("slug").GetString()!;
            Readers.Add(new MatrixReader($"{slug} client", slug, SectorsOf(slug), new HashSet<string>(), false, await _node.ClientTokenAsync(slug)));
        }
        foreach (var user in _node.Credentials.GetProperty("users").EnumerateArray())
        {
            string name = user.GetProperty("username").GetString()!;
            string slug = user.GetProperty("organization").GetString()!;
            var roles = user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToHashSet();
            var moderates = roles.Contains("moderator") ? Moderated[name].ToHashSet() : [];
            Readers.Add(new MatrixReader(name, slug, SectorsOf(slug), moderates, roles.Contains("directorate-admin"), await Node.PersonTokenAsync(name)));
        }
    }

    private static string[] RedRecipients(string poster, string tlp) => tlp == "red" ? [poster == "hospital-e" ? "bank-a" : "hospital-e"] : [];

    private HashSet<string> SectorsOf(string slug) => Node.Organization(slug).GetProperty("sectors").EnumerateArray().Select(s => s.GetString()!).ToHashSet();

    private async Task PostAsync(string poster, string channel, string tlp, bool anonymous, string[] recipients,
        string? id = null, string modified = "2026-11-01T10:00:00.000Z")
    {
        using var api = Node.ClientWith(await Node.ClientTokenAsync(poster));
        // Each object names an address of its own (kept across its versions), so a lookup tells the objects apart.
        id ??= "indicator--" + Guid.NewGuid();
        if (!Values.TryGetValue(id, out string? value))
        {
            value = $"45.160.{Values.Count / 250}.{(Values.Count % 250) + 1}";
            Values[id] = value;
        }
        var body = Samples.Submission(channel, tlp, Samples.Bundle(Samples.Indicator(id, modified, $"[ipv4-addr:value = '{value}']")), recipients);
        body["anonymous"] = anonymous;
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{poster} {channel} {tlp}: {await response.Content.ReadAsStringAsync()}");
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Posts.Add(new MatrixPost(poster, channel, tlp, result.GetProperty("state").GetString() == "published", anonymous, recipients,
            result.GetProperty("objects")[0].GetString()!, modified, result.GetProperty("id").GetString()!));
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
