using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreatShare.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ThreatShare.IntegrationTests.Trust;

/// <summary>
/// Every read path that exists (object, list, versions, submission, channels) × every demo
/// organization's client, the finance moderator and a directorate admin × objects in every channel
/// at every TLP level, published and pending. The expected answer is computed here from the
/// DESIGN.md table, independently of the production code. Zero leaks, zero wrongful denials.
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
        var mismatches = new List<string>();
        int checks = 0;
        foreach (var reader in matrix.Readers)
        {
            using var api = matrix.Node.ClientWith(reader.Token);
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (string channel in MatrixFixture.Channels)
            {
                var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/objects?channel={Uri.EscapeDataString(channel)}&limit=1000");
                listed.UnionWith(page.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!));
            }
            foreach (var post in matrix.Posts)
            {
                bool expected = DesignTable.Sees(reader, post);
                Check(ref checks, mismatches, reader, post, "list", listed.Contains(post.ObjectId), expected);
                using var one = await api.GetAsync($"/api/v1/objects/{post.ObjectId}");
                Check(ref checks, mismatches, reader, post, "get", one.StatusCode == HttpStatusCode.OK, expected);
                Assert.True(one.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET object answered {one.StatusCode}");
                using var versions = await api.GetAsync($"/api/v1/objects/{post.ObjectId}/versions");
                Check(ref checks, mismatches, reader, post, "versions", versions.StatusCode == HttpStatusCode.OK, expected);
                using var submission = await api.GetAsync($"/api/v1/submissions/{post.SubmissionId}");
                Check(ref checks, mismatches, reader, post, "submission", submission.StatusCode == HttpStatusCode.OK, DesignTable.SeesSubmission(reader, post));
            }
            var channels = (await api.GetFromJsonAsync<JsonElement>("/api/v1/channels")).GetProperty("channels").EnumerateArray()
                .Where(c => c.GetProperty("can_read").GetBoolean()).Select(c => c.GetProperty("name").GetString()!).ToHashSet();
            foreach (string channel in MatrixFixture.Channels)
            {
                checks++;
                if (channels.Contains(channel) != DesignTable.ReadsChannel(reader, channel))
                {
                    mismatches.Add($"{reader.Name} channel {channel}: can_read={channels.Contains(channel)}");
                }
            }
        }
        output.WriteLine($"{matrix.Readers.Count} readers × {matrix.Posts.Count} objects × 4 read paths + channels = {checks} checks, {mismatches.Count} mismatches");
        Assert.True(matrix.Posts.Count >= 30 && checks > 1000, "the matrix is smaller than designed");
        Assert.Empty(mismatches);
    }

    private static void Check(ref int checks, List<string> mismatches, MatrixReader reader, MatrixPost post, string path, bool actual, bool expected)
    {
        checks++;
        if (actual != expected)
        {
            mismatches.Add($"{(actual ? "LEAK" : "DENIAL")}: {reader.Name} {path} {post}");
        }
    }
}

public sealed record MatrixReader(string Name, string Organization, IReadOnlySet<string> Sectors, IReadOnlySet<string> Moderates, bool Admin, string Token);

public sealed record MatrixPost(string Poster, string Channel, string Tlp, bool Published, IReadOnlyList<string> Recipients, string ObjectId, string SubmissionId)
{
    public override string ToString() => $"{Poster} → {Channel} {Tlp} {(Published ? "published" : "pending")} to [{string.Join(",", Recipients)}]";
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
[Collection(ThreatShare.Core.Tests.Fixtures.PostgresCollection.Name)]
public sealed class PostgresAuthorizationMatrixTests(ThreatShare.Core.Tests.Fixtures.PostgresServer postgres, ITestOutputHelper output) : AuthorizationMatrixSuite(output)
{
    protected override Type ExpectedStore => typeof(ThreatShare.Core.Storage.PostgresThreatShareDb);

    protected override async Task<IReadOnlyDictionary<string, string?>?> StoreSettingsAsync() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] = await postgres.CreateDatabaseAsync("matrix"),
    };
}

/// <summary>One server with 30 posts made through the real API, and tokens for every reader.</summary>
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

    private ServerNode? _node;

    public ServerNode Node => _node ?? throw new InvalidOperationException("not started");

    public List<MatrixPost> Posts { get; } = [];

    public List<MatrixReader> Readers { get; } = [];

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
            using var api = _node.ClientWith(await _node.ClientTokenAsync(poster));
            foreach (string tlp in Tlps)
            {
                string[] recipients = tlp == "red" ? [poster == "hospital-e" ? "bank-a" : "hospital-e"] : [];
                using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission(channel, tlp, Samples.Bundle(Samples.Indicator()), recipients));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                Posts.Add(new MatrixPost(poster, channel, tlp, body.GetProperty("state").GetString() == "published", recipients,
                    body.GetProperty("objects")[0].GetString()!, body.GetProperty("id").GetString()!));
            }
        }
        Assert.Contains(Posts, p => !p.Published);

        foreach (var org in _node.Credentials.GetProperty("organizations").EnumerateArray())
        {
            string slug = org.GetProperty("slug").GetString()!;
            var sectors = org.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()!).ToHashSet();
            Readers.Add(new MatrixReader($"{slug} client", slug, sectors, new HashSet<string>(), false, await _node.ClientTokenAsync(slug)));
        }
        Readers.Add(new MatrixReader("finance-moderator", "directorate", new HashSet<string>(), new HashSet<string> { "finance" }, false, await PersonTokenAsync("finance-moderator")));
        Readers.Add(new MatrixReader("directorate-admin", "directorate", new HashSet<string>(), new HashSet<string>(), true, await PersonTokenAsync("directorate-admin")));
    }

    private async Task<string> PersonTokenAsync(string userName)
    {
        var user = Node.Credentials.GetProperty("users").EnumerateArray().First(u => u.GetProperty("username").GetString() == userName);
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        string code = await browser.SignInAsync(userName, user.GetProperty("password").GetString()!, user.GetProperty("totp_secret").GetString(), "openid stix.read");
        var tokens = await BrowserlessSignIn.JsonAsync(await browser.RedeemAsync(code));
        return tokens.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
