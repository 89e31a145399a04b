using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;
using ThreatShare.IntegrationTests.Fixtures;
using ThreatShare.IntegrationTests.Trust;
using Xunit.Abstractions;

namespace ThreatShare.IntegrationTests.Exports;

/// <summary>
/// Every export format × every reader of the demo data (each organization's own API client, a feed
/// client of each organization, each organization's analyst, the finance moderator, the directorate
/// admin) × indicators in every channel at every TLP level (published and pending, anonymized, with
/// versions whose level differs, revoked, expired, naming warning-list values). The expected content
/// is computed here from DESIGN.md (visibility and the redistribution column), independently of the
/// production code, and each answer is read with the real tool for its format: Suricata's rule parser,
/// BIND's named-checkzone, a CSV reader, a JSON reader. Zero leaks, zero wrongful omissions.
/// </summary>
public abstract class ExportMatrixSuite(ITestOutputHelper output)
{
    protected abstract Task<IReadOnlyDictionary<string, string?>?> StoreSettingsAsync();

    protected abstract Type ExpectedStore { get; }

    [Fact]
    public async Task EveryExport_Holds_ExactlyWhatTheDesignTableAllows()
    {
        await using var matrix = await ExportMatrix.StartAsync(await StoreSettingsAsync());
        await using (var scope = matrix.Node.Services.CreateAsyncScope())
        {
            Assert.IsType(ExpectedStore, scope.ServiceProvider.GetRequiredService<ThreatShare.Core.Storage.ThreatShareDb>());
        }
        var run = new ExportRun(matrix);
        foreach (var reader in matrix.Readers)
        {
            await run.CheckAsync(reader);
        }
        var byLevel = run.Expected.GroupBy(e => e.Tlp).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine($"{matrix.Readers.Count} readers × {ExportRun.Formats.Length} formats × {matrix.Posts.Count} indicator versions "
            + $"({matrix.Posts.Select(p => p.ObjectId).Distinct().Count()} indicators): {run.Checks} checks ({run.Entries} expected entries; exported indicators by level: {string.Join(", ", byLevel)}), "
            + $"{run.Leaks} leaks, {run.Omissions} omissions, {run.Mismatches.Count} mismatches");
        foreach (string mismatch in run.Mismatches.Take(60))
        {
            output.WriteLine(mismatch);
        }
        Assert.True(matrix.Readers.Count >= 23 && matrix.Posts.Count >= 40 && run.Checks > 10_000, "the matrix is smaller than designed");
        // Every level was exported to someone and withheld from someone: the matrix exercises the whole rule.
        Assert.Equal(["amber", "amber+strict", "clear", "green"], run.Expected.Select(e => e.Tlp).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(run.Mismatches);
    }
}

/// <summary>A reader of the matrix and the kind of export client it is.</summary>
public sealed record ExportReader(MatrixReader Reader, string Kind)
{
    public override string ToString() => Reader.Name;
}

/// <summary>One indicator version of the matrix and the values it names.</summary>
public sealed record ExportPost(MatrixPost Post, IReadOnlyList<(string Kind, string Value)> Values, bool Revoked, bool Expired)
{
    public string ObjectId => Post.ObjectId;
}

/// <summary>DESIGN.md "export and redistribution", written out for the matrix.</summary>
internal static class RedistributionTable
{
    /// <summary>Feeds and people get what may be shared onwards; an organization's own tools also get AMBER and AMBER+STRICT; RED never goes in bulk.</summary>
    public static bool Receives(ExportReader r, string tlp) => tlp switch
    {
        "clear" or "green" => true,
        "amber" or "amber+strict" => r.Kind == "tool",
        _ => false,
    };

    /// <summary>The version an export holds for the reader: the newest published version it sees, if that version may go to it.</summary>
    public static ExportPost? Exported(ExportReader r, IEnumerable<ExportPost> versions)
    {
        var list = versions.ToList();
        if (list.Any(v => v.Revoked && v.Post.Published))
        {
            return null; // revocation is final
        }
        var newest = list.Where(v => v.Post.Published && DesignTable.Sees(r.Reader, v.Post)).MaxBy(v => v.Post.Modified, StringComparer.Ordinal);
        return newest is not null && !newest.Expired && Receives(r, newest.Post.Tlp) ? newest : null;
    }

    /// <summary>Values the warning lists hold (written out here from the shipped lists, not read from them).</summary>
    public static readonly HashSet<string> WarningListed = new(StringComparer.Ordinal)
    {
        "8.8.8.8", "10.20.30.40", "2001:db8::5", "www.google.com", "http://www.google.com/search",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "d41d8cd98f00b204e9800998ecf8427e",
    };
}

/// <summary>The checks of one run: each reader × each format, leaks and omissions counted.</summary>
internal sealed class ExportRun(ExportMatrix matrix)
{
    public static readonly string[] Formats = ["stix", "csv", "suricata", "rpz", "ipv4", "ipv6", "domains", "urls", "md5", "sha1", "sha256", "sha512"];

    private static readonly Dictionary<string, string> BlockKinds = new(StringComparer.Ordinal)
    {
        ["ipv4"] = "ipv4", ["ipv6"] = "ipv6", ["domains"] = "domain", ["urls"] = "url", ["md5"] = "md5", ["sha1"] = "sha1", ["sha256"] = "sha256", ["sha512"] = "sha512",
    };

    public int Checks { get; private set; }

    public int Leaks { get; private set; }

    public int Omissions { get; private set; }

    public long Entries { get; private set; }

    public List<string> Mismatches { get; } = [];

    /// <summary>Every (reader, exported version) pair, for the summary.</summary>
    public List<(string Reader, string Tlp)> ExpectedPairs { get; } = [];

    public IEnumerable<(string Reader, string Tlp)> Expected => ExpectedPairs;

    public async Task CheckAsync(ExportReader reader)
    {
        var exported = matrix.Posts.GroupBy(p => p.ObjectId).Select(g => RedistributionTable.Exported(reader, g)).OfType<ExportPost>().ToList();
        ExpectedPairs.AddRange(exported.Select(e => (reader.Reader.Name, e.Post.Tlp)));
        using var api = matrix.Node.ClientWith(reader.Reader.Token);
        foreach (string format in Formats)
        {
            using var response = await api.GetAsync($"/api/v1/exports/{format}");
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reader} {format}: {(int)response.StatusCode} {body}");
            var actual = await ReadAsync(format, body, reader);
            var expected = ExpectedOf(format, exported, reader);
            Compare(reader, format, expected, actual);
        }
    }

    /// <summary>The entries the design table expects, as comparable strings.</summary>
    private HashSet<string> ExpectedOf(string format, List<ExportPost> exported, ExportReader reader)
    {
        var blockable = exported.SelectMany(e => e.Values.Where(v => !RedistributionTable.WarningListed.Contains(v.Value)).Select(v => (e, v.Kind, v.Value))).ToList();
        return format switch
        {
            "stix" => [.. exported.Select(e => $"{e.ObjectId} {e.Post.Modified} by {matrix.IdentityOf(DesignTable.ShownCreator(reader.Reader, e.Post))}")],
            "csv" => [.. exported.SelectMany(e => e.Values.Select(v => $"{v.Value},{v.Kind},{e.ObjectId},{e.Post.Channel},{e.Post.Tlp}"))],
            "rpz" => [.. blockable.Where(b => b.Kind == "domain").SelectMany(b => (string[])[b.Value + ".", "*." + b.Value + "."])],
            "suricata" => [.. blockable.SelectMany(b => b.Kind switch
            {
                "ipv4" or "ipv6" => (string[])[$"{b.e.ObjectId} ip {b.Value}"],
                "domain" => [$"{b.e.ObjectId} dns {b.Value}", $"{b.e.ObjectId} tls {b.Value}", $"{b.e.ObjectId} http-host {b.Value}"],
                "url" => [$"{b.e.ObjectId} url {b.Value}"],
                "md5" or "sha1" or "sha256" => [$"hash-list {b.Kind}"],
                _ => [],
            })],
            _ => [.. blockable.Where(b => b.Kind == BlockKinds[format]).Select(b => b.Value)],
        };
    }

    /// <summary>Reads an export with the tool that consumes its format, down to comparable strings.</summary>
    private async Task<HashSet<string>> ReadAsync(string format, string body, ExportReader reader)
    {
        var entries = new HashSet<string>(StringComparer.Ordinal);
        switch (format)
        {
            case "stix":
                var bundle = JsonDocument.Parse(body).RootElement;
                Check(reader, format, "bundle", bundle.GetProperty("type").GetString() == "bundle" && bundle.GetProperty("id").GetString()!.StartsWith("bundle--", StringComparison.Ordinal));
                foreach (var o in bundle.GetProperty("objects").EnumerateArray())
                {
                    Add(reader, format, entries, $"{o.GetProperty("id").GetString()} {o.GetProperty("modified").GetString()} by {o.GetProperty("created_by_ref").GetString()}");
                }
                break;
            case "csv":
                using (var csv = new TextFieldParser(new StringReader(body)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true })
                {
                    csv.SetDelimiters(",");
                    var header = csv.ReadFields();
                    Check(reader, format, "header", header is not null && string.Join(',', header) == "value,type,indicator_id,channel,tlp,confidence,first_seen,last_seen,sighting_organizations");
                    while (csv.ReadFields() is { } fields)
                    {
                        Check(reader, format, "columns", fields.Length == 9);
                        Add(reader, format, entries, string.Join(',', fields.Take(5)));
                    }
                }
                break;
            case "rpz":
                foreach (var (owner, type, data) in await FormatTools.CheckZoneAsync(body, "rpz.threatshare.test"))
                {
                    if (type == "CNAME")
                    {
                        Check(reader, format, "CNAME .", data == ".");
                        Check(reader, format, "owner in zone", owner.EndsWith(".rpz.threatshare.test.", StringComparison.Ordinal));
                        Add(reader, format, entries, owner[..^"rpz.threatshare.test.".Length]);
                    }
                    else
                    {
                        Check(reader, format, "SOA and NS at the apex only", type is "SOA" or "NS" && owner == "rpz.threatshare.test.");
                    }
                }
                break;
            case "suricata":
                var rules = await FormatTools.ParseRulesAsync(body);
                Check(reader, format, "every line parsed", rules.Count == body.Split('\n').Count(l => l.Length > 0 && !l.StartsWith('#')));
                Check(reader, format, "sids unique", rules.Select(r => r.Sid).Distinct().Count() == rules.Count);
                foreach (var rule in rules)
                {
                    Add(reader, format, entries, RuleEntry(reader, rule));
                }
                break;
            default:
                foreach (string line in body.Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        Add(reader, format, entries, line);
                    }
                }
                Check(reader, format, "ends with a newline", body.Length == 0 || body.EndsWith('\n'));
                break;
        }
        return entries;
    }

    /// <summary>What a rule detects, from the options Suricata's parser read: "indicator kind value".</summary>
    private string RuleEntry(ExportReader reader, FormatTools.ParsedRule rule)
    {
        var options = rule.Options;
        string? Option(string name) => options.FirstOrDefault(o => o.Name == name).Value;
        Check(reader, "suricata", "sid in range, rev, msg, alert", rule.Gid == 1 && rule.Sid >= 100_000_000 && rule.Sid <= uint.MaxValue && rule.Rev >= 1
            && rule.Msg.StartsWith("ThreatShare ", StringComparison.Ordinal) && rule.Action == "alert" && rule.Direction == "->"
            && options[^2].Name == "sid" && options[^1].Name == "rev");
        foreach (string hash in (string[])["filemd5", "filesha1", "filesha256"])
        {
            if (Option(hash) is { } list)
            {
                Check(reader, "suricata", "hash list rule", rule.Proto == "http" && list == $"threatshare-{hash[4..]}.list");
                return $"hash-list {hash[4..]}";
            }
        }
        string indicator = rule.Metadata.FirstOrDefault(m => m.StartsWith("threatshare_indicator ", StringComparison.Ordinal))?["threatshare_indicator ".Length..] ?? "?";
        string tlp = rule.Metadata.FirstOrDefault(m => m.StartsWith("threatshare_tlp ", StringComparison.Ordinal))?["threatshare_tlp ".Length..] ?? "?";
        Check(reader, "suricata", "tlp metadata receivable", RedistributionTable.Receives(reader, tlp));
        string Content(int index) => Unescape(options[index].Value!);
        int at(string name) => options.ToList().FindIndex(o => o.Name == name);
        switch (rule.Proto)
        {
            case "ip":
                Check(reader, "suricata", "ip rule from home", rule.Source == "$HOME_NET");
                return $"{indicator} ip {rule.Destination}";
            case "dns" or "tls" or "http" when at("dotprefix") > 0:
                // sticky buffer; dotprefix; content:".domain"; [nocase;] endswith
                int buffer = at("dotprefix") - 1;
                string expectedBuffer = rule.Proto switch { "dns" => "dns.query", "tls" => "tls.sni", _ => "http.host" };
                Check(reader, "suricata", "domain rule options", options[buffer].Name == expectedBuffer && options[buffer + 2].Name == "content" && at("endswith") > buffer);
                string domain = Content(buffer + 2);
                Check(reader, "suricata", "dot prefix", domain.StartsWith('.'));
                return $"{indicator} {(rule.Proto == "http" ? "http-host" : rule.Proto)} {domain[1..]}";
            case "http":
                int host = at("http.host"), uri = at("http.uri.raw");
                Check(reader, "suricata", "url rule options", host > 0 && uri > host && options[host + 1].Name == "content" && options[host + 2].Name == "bsize"
                    && options[uri + 1].Name == "content" && options[uri + 2].Name == "bsize"
                    && options[host + 2].Value == Encoding.UTF8.GetByteCount(Content(host + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    && options[uri + 2].Value == Encoding.UTF8.GetByteCount(Content(uri + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return $"{indicator} url http://{Content(host + 1)}{Content(uri + 1)}";
            default:
                return "unknown rule: " + rule.Raw;
        }
    }

    /// <summary>A content string back to text: quoted, with |hex| runs.</summary>
    private static string Unescape(string quoted)
    {
        string text = quoted.Trim('"');
        var bytes = new List<byte>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '|')
            {
                int end = text.IndexOf('|', i + 1);
                bytes.AddRange(Convert.FromHexString(text[(i + 1)..end].Replace(" ", "", StringComparison.Ordinal)));
                i = end;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    private void Add(ExportReader reader, string format, HashSet<string> entries, string entry)
    {
        // Block lists, zones and rules hold each entry once; a repeat is an error of its own.
        bool unique = format is "stix" or "csv" or "suricata" ? true : !entries.Contains(entry);
        if (format == "suricata" && entry.StartsWith("hash-list", StringComparison.Ordinal))
        {
            unique = !entries.Contains(entry);
        }
        Check(reader, format, $"no duplicate {entry}", unique);
        entries.Add(entry);
    }

    private void Check(ExportReader reader, string format, string what, bool ok)
    {
        Checks++;
        if (!ok)
        {
            Mismatches.Add($"{reader} {format}: {what}");
        }
    }

    private void Compare(ExportReader reader, string format, HashSet<string> expected, HashSet<string> actual)
    {
        Entries += expected.Count;
        foreach (string entry in expected)
        {
            Checks++;
            if (!actual.Contains(entry))
            {
                Omissions++;
                Mismatches.Add($"OMISSION: {reader} {format} lacks {entry}");
            }
        }
        foreach (string entry in actual.Where(a => !expected.Contains(a)))
        {
            Checks++;
            Leaks++;
            Mismatches.Add($"LEAK: {reader} {format} holds {entry} ({matrix.Describe(entry)})");
        }
    }
}

/// <summary>The matrix on the embedded SQLite store.</summary>
public sealed class SqliteExportMatrixTests(ITestOutputHelper output) : ExportMatrixSuite(output)
{
    protected override Type ExpectedStore => typeof(ThreatShare.Core.Storage.SqliteThreatShareDb);

    protected override Task<IReadOnlyDictionary<string, string?>?> StoreSettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string?>?>(null);
}

/// <summary>The matrix on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresExportMatrixTests(PostgresNodes postgres, ITestOutputHelper output) : ExportMatrixSuite(output)
{
    protected override Type ExpectedStore => typeof(ThreatShare.Core.Storage.PostgresThreatShareDb);

    protected override async Task<IReadOnlyDictionary<string, string?>?> StoreSettingsAsync() => await postgres.SettingsAsync("exports");
}

/// <summary>
/// One server with indicators posted through the real API, each naming values of every kind, and the
/// readers: every organization's demo client (its own tool), a feed client created for every
/// organization, every organization's analyst, the finance moderator and the directorate admin.
/// </summary>
public sealed class ExportMatrix : IAsyncDisposable
{
    private static readonly string[] Tlps = ["clear", "green", "amber", "amber+strict", "red"];

    private static readonly (string Poster, string Channel)[] Posters =
    [
        ("bank-b", "sector:finance"), ("insurer-c", "sector:finance"), ("power-d", "sector:energy"),
        ("hospital-e", "sector:health"), ("bank-a", "cross-sector"), ("multi-f", "sector:energy"), ("directorate", "national"),
    ];

    private ServerNode? _node;

    public ServerNode Node => _node ?? throw new InvalidOperationException("not started");

    public List<ExportPost> Posts { get; } = [];

    public List<ExportReader> Readers { get; } = [];

    public string IdentityOf(string slug) => Node.Organization(slug).GetProperty("identity_id").GetString()!;

    /// <summary>Which post an entry came from, for a readable leak message.</summary>
    public string Describe(string entry) =>
        Posts.FirstOrDefault(p => entry.Contains(p.ObjectId, StringComparison.Ordinal) || p.Values.Any(v => entry.Contains(v.Value, StringComparison.Ordinal)))?.Post.ToString() ?? "no post";

    public static async Task<ExportMatrix> StartAsync(IReadOnlyDictionary<string, string?>? settings)
    {
        var matrix = new ExportMatrix();
        matrix._node = await ServerNode.StartAsync(settings);
        await matrix.PostAllAsync();
        await matrix.AddReadersAsync();
        return matrix;
    }

    private async Task PostAllAsync()
    {
        foreach (var (poster, channel) in Posters)
        {
            foreach (string tlp in Tlps)
            {
                await PostAsync(poster, channel, tlp, Values(Posts.Count));
            }
        }
        foreach (string tlp in Tlps)
        {
            await PostAsync("bank-a", "sector:finance", tlp, Values(Posts.Count), anonymous: true);
        }
        // Versions whose level differs: v2 decides, never an older version with a wider level.
        string narrowed = "indicator--" + Guid.NewGuid();
        var narrowedValues = Values(Posts.Count);
        await PostAsync("bank-b", "sector:finance", "green", narrowedValues, id: narrowed, modified: "2026-11-02T10:00:00.000Z");
        await PostAsync("bank-b", "sector:finance", "red", narrowedValues, id: narrowed, modified: "2026-11-03T10:00:00.000Z");
        string widened = "indicator--" + Guid.NewGuid();
        var widenedValues = Values(Posts.Count);
        await PostAsync("power-d", "sector:energy", "amber", widenedValues, id: widened, modified: "2026-11-02T10:00:00.000Z");
        await PostAsync("power-d", "sector:energy", "clear", widenedValues, id: widened, modified: "2026-11-03T10:00:00.000Z", anonymous: true);
        string toAmber = "indicator--" + Guid.NewGuid();
        var toAmberValues = Values(Posts.Count);
        await PostAsync("bank-b", "sector:finance", "clear", toAmberValues, id: toAmber, modified: "2026-11-02T10:00:00.000Z");
        await PostAsync("bank-b", "sector:finance", "amber", toAmberValues, id: toAmber, modified: "2026-11-03T10:00:00.000Z");
        // Revoked (by a new version) and expired: in no export by default.
        string revoked = "indicator--" + Guid.NewGuid();
        var revokedValues = Values(Posts.Count);
        await PostAsync("bank-b", "sector:finance", "green", revokedValues, id: revoked);
        await PostAsync("bank-b", "sector:finance", "green", revokedValues, id: revoked, modified: "2026-11-02T10:00:00.000Z", revoked: true);
        await PostAsync("bank-b", "cross-sector", "clear", Values(Posts.Count), validUntil: "2026-11-05T00:00:00Z");
        // Warning-list values from a trusted organization (published with findings): described, never blocked.
        await PostAsync("bank-b", "cross-sector", "clear",
        [
            ("ipv4", "8.8.8.8"), ("ipv4", "10.20.30.40"), ("ipv6", "2001:db8::5"), ("domain", "www.google.com"), ("url", "http://www.google.com/search"),
            ("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), ("md5", "d41d8cd98f00b204e9800998ecf8427e"), ("ipv4", "45.170.0.1"),
        ]);
        Assert.Contains(Posts, p => !p.Post.Published);
    }

    /// <summary>Values of every kind, distinct for each <paramref name="n"/>.</summary>
    private static List<(string Kind, string Value)> Values(int n)
    {
        // Test values of the right lengths, distinct per n (digests of nothing in particular).
        string Hash(string kind, int length) => Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes($"export-{kind}-{n}")))[..length];
        string domain = $"o{n}.exports-matrix.test";
        return
        [
            ("ipv4", $"45.161.{n / 250}.{(n % 250) + 1}"),
            ("ipv4", $"91.200.{n}.0/24"),
            ("ipv6", $"2a0e:97c0:1:{n + 1:x}::1"),
            ("domain", domain),
            ("url", $"http://{domain}/dl/{n}.bin?id={n}"),
            ("md5", Hash("md5", 32)),
            ("sha1", Hash("sha1", 40)),
            ("sha256", Hash("sha256", 64)),
            ("sha512", Hash("sha512", 128)),
        ];
    }

    private static string Pattern(IEnumerable<(string Kind, string Value)> values) => string.Join(" OR ", values.Select(v => v.Kind switch
    {
        "ipv4" when v.Value.Contains('/', StringComparison.Ordinal) => $"[ipv4-addr:value ISSUBSET '{v.Value}']",
        "ipv4" => $"[ipv4-addr:value = '{v.Value}']",
        "ipv6" => $"[ipv6-addr:value = '{v.Value}']",
        "domain" => $"[domain-name:value = '{v.Value}']",
        "url" => $"[url:value = '{v.Value}']",
        "md5" => $"[file:hashes.MD5 = '{v.Value}']",
        "sha1" => $"[file:hashes.'SHA-1' = '{v.Value}']",
        "sha256" => $"[file:hashes.'SHA-256' = '{v.Value}']",
        _ => $"[file:hashes.'SHA-512' = '{v.Value}']",
    }));

    private async Task PostAsync(string poster, string channel, string tlp, List<(string Kind, string Value)> values, bool anonymous = false,
        string? id = null, string modified = "2026-11-01T10:00:00.000Z", bool revoked = false, string? validUntil = null)
    {
        using var api = Node.ClientWith(await Node.ClientTokenAsync(poster));
        id ??= "indicator--" + Guid.NewGuid();
        var indicator = Samples.Indicator(id, modified, Pattern(values));
        if (revoked)
        {
            indicator["revoked"] = true;
        }
        if (validUntil is not null)
        {
            indicator["valid_until"] = validUntil;
        }
        string[] recipients = tlp == "red" ? [poster == "hospital-e" ? "bank-a" : "hospital-e"] : [];
        var body = Samples.Submission(channel, tlp, Samples.Bundle(indicator), recipients);
        body["anonymous"] = anonymous;
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{poster} {channel} {tlp}: {await response.Content.ReadAsStringAsync()}");
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var post = new MatrixPost(poster, channel, tlp, result.GetProperty("state").GetString() == "published", anonymous, recipients,
            result.GetProperty("objects")[0].GetString()!, modified, result.GetProperty("id").GetString()!);
        // Only a company on probation waits here: everything else must publish, or the expectations below would be wrong.
        Assert.True(post.Published || poster == "insurer-c", $"{post} was not published: {result}");
        Posts.Add(new ExportPost(post, values, revoked, validUntil is not null));
    }

    private async Task AddReadersAsync()
    {
        string admin = await Node.PersonTokenAsync("directorate-admin");
        using var directorate = Node.ClientWith(admin);
        foreach (var org in Node.Credentials.GetProperty("organizations").EnumerateArray())
        {
            string slug = org.GetProperty("slug").GetString()!;
            var sectors = SectorsOf(slug);
            Readers.Add(new ExportReader(new MatrixReader($"{slug} tool", slug, sectors, new HashSet<string>(), false, await Node.ClientTokenAsync(slug)), "tool"));
            using var created = await directorate.PostAsJsonAsync($"/api/v1/organizations/{slug}/clients", new { name = "feed", scopes = new[] { "feeds" } });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var feed = await created.Content.ReadFromJsonAsync<JsonElement>();
            using var token = await Node.RequestClientTokenAsync(feed.GetProperty("client_id").GetString()!, feed.GetProperty("client_secret").GetString()!);
            token.EnsureSuccessStatusCode();
            string feedToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
            Readers.Add(new ExportReader(new MatrixReader($"{slug} feed", slug, sectors, new HashSet<string>(), false, feedToken), "feed"));
            Readers.Add(new ExportReader(new MatrixReader($"{slug}-analyst", slug, sectors, new HashSet<string>(), false, await Node.PersonTokenAsync($"{slug}-analyst")), "person"));
        }
        Readers.Add(new ExportReader(new MatrixReader("finance-moderator", "directorate", SectorsOf("directorate"), new HashSet<string> { "finance" }, false,
            await Node.PersonTokenAsync("finance-moderator")), "person"));
        Readers.Add(new ExportReader(new MatrixReader("directorate-admin", "directorate", SectorsOf("directorate"), new HashSet<string>(), true, admin), "person"));
    }

    private HashSet<string> SectorsOf(string slug) => Node.Organization(slug).GetProperty("sectors").EnumerateArray().Select(s => s.GetString()!).ToHashSet();

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
