using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ThreatShare.LoadTest;

/// <summary>
/// TAXII load: ingest (envelopes of indicators posted to a collection as a trusted organization,
/// each followed on its status resource until complete) and read (pages of 1,000 objects of that
/// collection, followed with <c>next</c> to the end), in objects per second.
/// </summary>
internal static class TaxiiLoad
{
    private const string Media = "application/taxii+json;version=2.1";

    public static async Task<int> RunAsync(string[] args)
    {
        // taxii <demo-credentials.json> [envelopes=40] [size=500] [concurrency=2] [reads=3]
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: ThreatShare.LoadTest taxii <demo-credentials.json> [envelopes] [size] [concurrency] [reads]");
            return 2;
        }
        int envelopes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
        int size = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 500;
        int concurrency = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 2;
        int reads = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 3;

        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(args[1]));
        var root = credentials.RootElement;
        using var poster = await ClientAsync(root, "bank-b");
        using var reader = await ClientAsync(root, "bank-a");
        var collections = await poster.GetFromJsonAsync<JsonElement>("/taxii2/threatshare/collections/");
        string collection = collections.GetProperty("collections").EnumerateArray()
            .Single(c => c.GetProperty("alias").GetString() == "sector:finance").GetProperty("id").GetString()!;
        string objects = $"/taxii2/threatshare/collections/{collection}/objects/";

        // Bodies are built before the clock starts: the load tool measures the server, not itself.
        var bodies = Enumerable.Range(0, envelopes).Select(_ => Envelope(size)).ToList();
        await PostAndFollowAsync(poster, objects, Envelope(10), CancellationToken.None); // warm-up
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (body, ct) =>
        {
            var one = Stopwatch.StartNew();
            await PostAndFollowAsync(poster, objects, body, ct);
            lock (latencies)
            {
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }
        });
        clock.Stop();
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {envelopes} envelopes × {size} indicators, concurrency {concurrency}, each followed to a complete status: " +
            $"{(double)envelopes * size / clock.Elapsed.TotalSeconds:F0} objects/s; per envelope p50 {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms"));

        for (int r = 0; r < reads; r++)
        {
            long total = 0;
            int pages = 0;
            var pageTimes = new List<double>();
            string? next = null;
            var readClock = Stopwatch.StartNew();
            do
            {
                var one = Stopwatch.StartNew();
                using var response = await reader.GetAsync(objects + "?limit=1000" + (next is null ? "" : "&next=" + next));
                response.EnsureSuccessStatusCode();
                using var page = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                pageTimes.Add(one.Elapsed.TotalMilliseconds);
                total += page.RootElement.TryGetProperty("objects", out var o) ? o.GetArrayLength() : 0;
                next = page.RootElement.TryGetProperty("next", out var n) ? n.GetString() : null;
                pages++;
            }
            while (next is not null);
            readClock.Stop();
            pageTimes.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"read {r + 1}: {total} objects in {pages} pages of ≤ 1,000 (match[version]=last): {total / readClock.Elapsed.TotalSeconds:F0} objects/s; " +
                $"per page p50 {pageTimes[pageTimes.Count / 2]:F0} ms, max {pageTimes[^1]:F0} ms"));
        }
        return 0;
    }

    private static async Task PostAndFollowAsync(HttpClient client, string objects, string body, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Media);
        using var response = await client.PostAsync(objects, content, ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"post refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        string id = status.GetProperty("id").GetString()!;
        // Polled to completion: a trusted organization's envelope is complete at once, a moderated one would not be.
        while (status.GetProperty("status").GetString() != "complete")
        {
            await Task.Delay(100, ct);
            status = await client.GetFromJsonAsync<JsonElement>($"/taxii2/threatshare/status/{id}/", ct);
        }
        if (status.GetProperty("success_count").GetInt32() != status.GetProperty("total_count").GetInt32())
        {
            throw new InvalidOperationException($"status {id}: not every object succeeded");
        }
    }

    private static string Envelope(int size)
    {
        var sb = new StringBuilder(size * 400);
        sb.Append("""{"objects":[""");
        for (int i = 0; i < size; i++)
        {
            int ip = Random.Shared.Next();
            sb.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"type":"indicator","spec_version":"2.1","id":"indicator--{{Guid.NewGuid()}}","created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","name":"scanner","pattern":"[ipv4-addr:value = '{{45 + (ip & 63)}}.{{(ip >> 8) & 255}}.{{(ip >> 16) & 255}}.{{((ip >> 24) & 127) + 1}}']","pattern_type":"stix","valid_from":"2026-11-01T10:00:00Z","object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}""");
        }
        sb.Append("]}");
        return sb.ToString();
    }

    private static async Task<HttpClient> ClientAsync(JsonElement root, string slug)
    {
        var org = root.GetProperty("organizations").EnumerateArray().First(o => o.GetProperty("slug").GetString() == slug);
        var http = new HttpClient { BaseAddress = new Uri(root.GetProperty("base_url").GetString()!), Timeout = TimeSpan.FromMinutes(5) };
        using var token = await http.PostAsync(root.GetProperty("token_endpoint").GetString(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = org.GetProperty("client_id").GetString()!,
            ["client_secret"] = org.GetProperty("client_secret").GetString()!,
        }));
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        http.DefaultRequestHeaders.Accept.ParseAdd(Media);
        return http;
    }
}
