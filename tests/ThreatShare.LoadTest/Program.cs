using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

// Submission ingest load: posts bundles of indicators over REST as one demo organization and
// reports objects per second. Usage:
//   dotnet run -c Release --project tests/ThreatShare.LoadTest -- <demo-credentials.json> [bundles=20] [size=1000] [concurrency=2] [org=bank-b]
//   dotnet run -c Release --project tests/ThreatShare.LoadTest -- lookup <demo-credentials.json> [indicators=1000000] [singles=20000] [bulks=30] [seed=true] [seed-concurrency=2]
//   dotnet run -c Release --project tests/ThreatShare.LoadTest -- alerts <demo-credentials.json> [subscribers=10000] [alerts-per-second=10] [seconds=30] [node-urls,…] [server-pids,…]
//   dotnet run -c Release --project tests/ThreatShare.LoadTest -- taxii <demo-credentials.json> [envelopes=40] [size=500] [concurrency=2] [reads=3]
//   dotnet run -c Release --project tests/ThreatShare.LoadTest -- export <demo-credentials.json> [server-pid] [formats]
// The server (and its store) must be running; see README "Performance".
if (args.Length > 0 && args[0] == "lookup")
{
    // Lookup load, see LookupLoad.
    return await ThreatShare.LoadTest.LookupLoad.RunAsync(args);
}
if (args.Length > 0 && args[0] == "alerts")
{
    // Live-channel load, see AlertLoad.
    return await ThreatShare.LoadTest.AlertLoad.RunAsync(args);
}
if (args.Length > 0 && args[0] == "taxii")
{
    // TAXII ingest and read load, see TaxiiLoad.
    return await ThreatShare.LoadTest.TaxiiLoad.RunAsync(args);
}
if (args.Length > 0 && args[0] == "export")
{
    // Export throughput of a seeded store, see ExportLoad.
    return await ThreatShare.LoadTest.ExportLoad.RunAsync(args);
}
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: ThreatShare.LoadTest <demo-credentials.json> [bundles] [size] [concurrency] [org]");
    return 2;
}
int bundles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
int size = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
int concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
string slug = args.Length > 4 ? args[4] : "bank-b";

using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(args[0]));
var root = credentials.RootElement;
var org = root.GetProperty("organizations").EnumerateArray().First(o => o.GetProperty("slug").GetString() == slug);
string channel = "sector:" + org.GetProperty("sectors")[0].GetString();
using var http = new HttpClient { BaseAddress = new Uri(root.GetProperty("base_url").GetString()!), Timeout = TimeSpan.FromMinutes(5) };
using var tokenResponse = await http.PostAsync(root.GetProperty("token_endpoint").GetString(), new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["grant_type"] = "client_credentials",
    ["client_id"] = org.GetProperty("client_id").GetString()!,
    ["client_secret"] = org.GetProperty("client_secret").GetString()!,
}));
tokenResponse.EnsureSuccessStatusCode();
string token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

// Bodies are built before the clock starts: the load tool measures the server, not itself.
var bodies = Enumerable.Range(0, bundles).Select(_ => Body(channel, size)).ToList();
await Post(Body(channel, 10)); // warm-up: first request compiles the server's paths

var latencies = new List<double>();
var clock = Stopwatch.StartNew();
await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (body, ct) =>
{
    var one = Stopwatch.StartNew();
    await Post(body);
    lock (latencies)
    {
        latencies.Add(one.Elapsed.TotalMilliseconds);
    }
});
clock.Stop();
latencies.Sort();
double objects = (double)bundles * size;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{bundles} bundles × {size} indicators, concurrency {concurrency}: {objects / clock.Elapsed.TotalSeconds:F0} objects/s; " +
    $"per bundle p50 {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms; total {clock.Elapsed.TotalSeconds:F1} s"));
return 0;

async Task Post(string body)
{
    using var response = await http.PostAsync("/api/v1/submissions", new StringContent(body, Encoding.UTF8, "application/json"));
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"submission refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

static string Body(string channel, int size)
{
    var sb = new StringBuilder();
    sb.Append(CultureInfo.InvariantCulture, $$"""{"channel":"{{channel}}","tlp":"green","bundle":{"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[""");
    for (int i = 0; i < size; i++)
    {
        var ip = Random.Shared.Next();
        sb.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
            $$"""{"type":"indicator","spec_version":"2.1","id":"indicator--{{Guid.NewGuid()}}","created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","name":"scanner","pattern":"[ipv4-addr:value = '{{(ip >> 24) & 255}}.{{(ip >> 16) & 255}}.{{(ip >> 8) & 255}}.{{ip & 255}}']","pattern_type":"stix","valid_from":"2026-11-01T10:00:00Z"}""");
    }
    sb.Append("]}}");
    return sb.ToString();
}
