using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ThreatShare.LoadTest;

/// <summary>
/// Lookup load: seeds published indicators through the real REST API (as a trusted organization, so
/// they publish at once) with realistic values, then measures single lookups (latency percentiles,
/// hits and misses mixed) and bulk lookups (values per second with 10,000-value requests).
/// </summary>
internal static class LookupLoad
{
    private const int BundleSize = 1000;

    // Public-looking first octets (no private, loopback, documentation or reserved ranges).
    private static readonly int[] FirstOctets = [5, 23, 31, 37, 45, 46, 62, 77, 78, 80, 85, 89, 91, 92, 93, 94, 95, 103, 104, 109, 139, 141, 146, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217];
    private static readonly string[] Tlds = ["com", "net", "org", "ru", "xyz", "top", "info", "biz", "online", "io", "cn", "su"];
    private static readonly string[] Words = ["login", "secure", "update", "cdn", "mail", "account", "verify", "pay", "portal", "cloud", "files", "auth", "bank", "office", "sync", "api"];
    private static readonly int[] V4Prefixes = [16, 20, 22, 24, 24, 24, 26, 28];
    private static readonly int[] V6Prefixes = [32, 48, 48, 64];

    /// <summary>One generated value: its pattern comparison, and how to look it up to hit it.</summary>
    private sealed record Generated(string Comparison, string Hit);

    public static async Task<int> RunAsync(string[] args)
    {
        // lookup <demo-credentials.json> [indicators=1000000] [singles=20000] [bulks=30] [seed=true] [seed-concurrency=2]
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: ThreatShare.LoadTest lookup <demo-credentials.json> [indicators] [singles] [bulks] [seed=true|false] [seed-concurrency]");
            return 2;
        }
        int indicators = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        int singles = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000;
        int bulks = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 30;
        bool seed = args.Length <= 5 || bool.Parse(args[5]);
        int seedConcurrency = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 2;

        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(args[1]));
        var root = credentials.RootElement;
        using var poster = await ClientAsync(root, "bank-b");
        using var reader = await ClientAsync(root, "bank-a");

        int bundles = (indicators + BundleSize - 1) / BundleSize;
        var hits = new List<string>[bundles];
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, bundles), new ParallelOptions { MaxDegreeOfParallelism = seed ? seedConcurrency : Environment.ProcessorCount }, async (b, ct) =>
        {
            // Each bundle's values come from its own seed: the same hits can be regenerated without seeding again.
            var random = new Random(1000 + b);
            int size = Math.Min(BundleSize, indicators - (b * BundleSize));
            var sb = new StringBuilder(size * 400);
            sb.Append(CultureInfo.InvariantCulture, $$"""{"channel":"sector:finance","tlp":"green","bundle":{"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[""");
            var mine = new List<string>();
            var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
            for (int i = 0; i < size; i++)
            {
                var (kind, value) = Generate(random);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                if (i % 25 == 0)
                {
                    mine.Add(value.Hit);
                }
                string id = Guid.NewGuid().ToString();
                sb.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $$"""{"type":"indicator","spec_version":"2.1","id":"indicator--{{id}}","created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","name":"{{kind}}","pattern":"{{value.Comparison.Replace("\\", "\\\\", StringComparison.Ordinal)}}","pattern_type":"stix","valid_from":"2026-11-01T10:00:00Z"}""");
            }
            sb.Append("]}}");
            hits[b] = mine;
            lock (counts)
            {
                foreach (var (k, n) in kinds)
                {
                    counts[k] = counts.GetValueOrDefault(k) + n;
                }
            }
            if (seed)
            {
                using var response = await poster.PostAsync("/api/v1/submissions", new StringContent(sb.ToString(), Encoding.UTF8, "application/json"), ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"submission refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }
                var result = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                if (result.GetProperty("state").GetString() != "published")
                {
                    throw new InvalidOperationException("the seed organization's submissions must publish at once (a trusted organization)");
                }
                long n = Interlocked.Add(ref done, size);
                if (n % 100_000 < size)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {n:N0} indicators, {n / clock.Elapsed.TotalSeconds:F0}/s"));
                }
            }
        });
        if (seed)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: {indicators:N0} indicators in {clock.Elapsed.TotalSeconds:F1} s = {indicators / clock.Elapsed.TotalSeconds:F0}/s"));
        }
        Console.WriteLine("mix: " + string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {100.0 * c.Value / indicators:F1}%"))));

        var known = hits.SelectMany(h => h).ToList();
        var queries = new Random(7);
        // Half hits (some inside ranges, some subdomains of seeded domains), half misses of the same mix.
        string Query() => queries.Next(2) == 0 ? known[queries.Next(known.Count)] : Generate(queries).Value.Hit;

        for (int i = 0; i < 200; i++)
        {
            await SingleAsync(reader, Query());
        }
        var latencies = new double[singles];
        int found = 0;
        var singleClock = Stopwatch.StartNew();
        for (int i = 0; i < singles; i++)
        {
            string value = Query();
            var one = Stopwatch.StartNew();
            found += await SingleAsync(reader, value) ? 1 : 0;
            latencies[i] = one.Elapsed.TotalMilliseconds;
        }
        singleClock.Stop();
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"single: {singles:N0} GETs, one at a time, {found:N0} with matches: p50 {latencies[singles / 2]:F2} ms, p90 {latencies[singles * 9 / 10]:F2} ms, p99 {latencies[singles * 99 / 100]:F2} ms, max {latencies[^1]:F2} ms ({singles / singleClock.Elapsed.TotalSeconds:F0}/s)"));

        var bodies = Enumerable.Range(0, bulks).Select(_ => JsonSerializer.Serialize(new { values = Enumerable.Range(0, 10_000).Select(_ => Query()).ToArray() })).ToList();
        await BulkAsync(reader, bodies[0]);
        long matched = 0;
        var bulkLatencies = new List<double>();
        var bulkClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (body, ct) =>
        {
            var one = Stopwatch.StartNew();
            int n = await BulkAsync(reader, body);
            lock (bulkLatencies)
            {
                bulkLatencies.Add(one.Elapsed.TotalMilliseconds);
                matched += n;
            }
        });
        bulkClock.Stop();
        bulkLatencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk: {bulks} POSTs × 10,000 values, concurrency 2, {matched:N0} values with matches: {bulks * 10_000 / bulkClock.Elapsed.TotalSeconds:F0} values/s; per request p50 {bulkLatencies[bulks / 2]:F0} ms, max {bulkLatencies[^1]:F0} ms"));
        return 0;
    }

    private static async Task<bool> SingleAsync(HttpClient http, string value)
    {
        using var response = await http.GetAsync("/api/v1/lookup?value=" + Uri.EscapeDataString(value));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"lookup of {value} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return doc.RootElement.GetProperty("matches").GetArrayLength() > 0;
    }

    private static async Task<int> BulkAsync(HttpClient http, string body)
    {
        using var response = await http.PostAsync("/api/v1/lookup", new StringContent(body, Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"bulk lookup refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return doc.RootElement.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("matches").GetArrayLength() > 0);
    }

    private static async Task<HttpClient> ClientAsync(JsonElement root, string slug)
    {
        var org = root.GetProperty("organizations").EnumerateArray().First(o => o.GetProperty("slug").GetString() == slug);
        var http = new HttpClient { BaseAddress = new Uri(root.GetProperty("base_url").GetString()!), Timeout = TimeSpan.FromMinutes(5) };
        using var tokenResponse = await http.PostAsync(root.GetProperty("token_endpoint").GetString(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = org.GetProperty("client_id").GetString()!,
            ["client_secret"] = org.GetProperty("client_secret").GetString()!,
        }));
        tokenResponse.EnsureSuccessStatusCode();
        string token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>One realistic value: what kind, the pattern comparison, and a lookup that hits it.</summary>
    private static (string Kind, Generated Value) Generate(Random r)
    {
        int roll = r.Next(1000);
        if (roll < 380)
        {
            string a = V4(r);
            return ("ipv4", new($"[ipv4-addr:value = '{a}']", a));
        }
        if (roll < 430)
        {
            string a = V6(r);
            return ("ipv6", new($"[ipv6-addr:value = '{a}']", a));
        }
        if (roll < 480)
        {
            return ("ipv4-cidr", V4Range(r));
        }
        if (roll < 500)
        {
            return ("ipv6-cidr", V6Range(r));
        }
        if (roll < 650)
        {
            // A third of the hits ask for a subdomain of the seeded name (a parent match).
            string d = Domain(r);
            return ("domain", new($"[domain-name:value = '{d}']", r.Next(3) == 0 ? Words[r.Next(Words.Length)] + "." + d : d));
        }
        if (roll < 750)
        {
            string u = Url(r);
            return ("url", new($"[url:value = '{u}']", u));
        }
        if (roll < 950)
        {
            var (kind, path, length) = roll switch
            {
                < 800 => ("md5", "MD5", 32),
                < 850 => ("sha1", "'SHA-1'", 40),
                < 930 => ("sha256", "'SHA-256'", 64),
                _ => ("sha512", "'SHA-512'", 128),
            };
            string h = Hex(r, length);
            return (kind, new($"[file:hashes.{path} = '{h}']", h));
        }
        string e = Email(r);
        return ("email", new($"[email-addr:value = '{e}']", e));
    }

    private static string V4(Random r) => string.Create(CultureInfo.InvariantCulture, $"{FirstOctets[r.Next(FirstOctets.Length)]}.{r.Next(256)}.{r.Next(256)}.{r.Next(1, 255)}");

    private static string V6(Random r) => string.Create(CultureInfo.InvariantCulture, $"2a0{r.Next(1, 10)}:{r.Next(0x10000):x}:{r.Next(0x10000):x}:{r.Next(0x10000):x}::{r.Next(1, 0x10000):x}");

    private static Generated V4Range(Random r)
    {
        int prefix = V4Prefixes[r.Next(V4Prefixes.Length)];
        uint address = ((uint)FirstOctets[r.Next(FirstOctets.Length)] << 24) | (uint)r.Next(1 << 24);
        uint mask = uint.MaxValue << (32 - prefix);
        uint network = address & mask;
        uint inside = network | ((uint)r.Next() & ~mask);
        return new Generated($"[ipv4-addr:value ISSUBSET '{Dotted(network)}/{prefix}']", Dotted(inside));
    }

    private static Generated V6Range(Random r)
    {
        int prefix = V6Prefixes[r.Next(V6Prefixes.Length)];
        int keep = prefix / 16;
        var groups = new[] { 0x2a00 + r.Next(1, 10), r.Next(0x10000), r.Next(0x10000), r.Next(0x10000) };
        string Hex16(int g) => g.ToString("x", CultureInfo.InvariantCulture);
        string net = string.Join(":", groups.Take(keep).Select(Hex16)) + "::";
        string inside = string.Join(":", groups.Select(Hex16)) + "::" + Hex16(r.Next(1, 0x10000));
        return new Generated($"[ipv6-addr:value ISSUBSET '{net}/{prefix}']", inside);
    }

    private static string Dotted(uint a) => string.Create(CultureInfo.InvariantCulture, $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}");

    private static string Label(Random r, int min, int max)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz0123456789";
        int length = r.Next(min, max + 1);
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = letters[r.Next(i == 0 ? 26 : letters.Length)];
        }
        return new string(chars);
    }

    private static string Domain(Random r) =>
        (r.Next(3) == 0 ? Words[r.Next(Words.Length)] + "." : "") + Label(r, 5, 14) + (r.Next(4) == 0 ? "-" + Words[r.Next(Words.Length)] : "") + "." + Tlds[r.Next(Tlds.Length)];

    private static string Url(Random r) =>
        (r.Next(3) == 0 ? "http" : "https") + "://" + Domain(r) + "/" + Words[r.Next(Words.Length)] + "/" + Label(r, 4, 12) + (r.Next(2) == 0 ? ".php?id=" + r.Next(100000).ToString(CultureInfo.InvariantCulture) : ".html");

    private static string Hex(Random r, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[r.Next(16)];
        }
        return new string(chars);
    }

    private static string Email(Random r) => Words[r.Next(Words.Length)] + "." + Label(r, 3, 8) + "@" + Domain(r);
}
