using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ThreatShare.LoadTest;

/// <summary>
/// Live-channel load: N WebSocket subscribers spread over the demo organizations (so over the
/// sectors) and over one or more nodes, a publisher posting indicators to <c>sector:finance</c>
/// through REST at a fixed rate, and measured: publish-to-receive latency (the alert's <c>at</c>,
/// the server's time of publication, to its arrival; same machine, same clock), deliveries per
/// second, deliveries missing, and the servers' resident memory per idle connection.
/// </summary>
internal static class AlertLoad
{
    private const string Finance = "channel:sector:finance";
    private const double BucketMs = 0.1;
    private const int Buckets = 600_000; // 60 s in 0.1 ms steps; later arrivals count in the last bucket

    private static readonly string[] FinanceReaders = ["bank-a", "bank-b", "insurer-c", "multi-f"];

    private sealed record AlertHead(string Stream, long Sequence, DateTimeOffset At);

    public static async Task<int> RunAsync(string[] args)
    {
        // alerts <demo-credentials.json> [subscribers=10000] [alerts-per-second=10] [seconds=30] [nodes=base-url,…] [server-pids=pid,…]
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: ThreatShare.LoadTest alerts <demo-credentials.json> [subscribers] [alerts-per-second] [seconds] [node-urls,…] [server-pids,…]");
            return 2;
        }
        int subscribers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        double rate = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        int seconds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 30;
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(args[1]));
        var root = credentials.RootElement;
        Uri[] nodes = args.Length > 5 && args[5].Length > 0
            ? [.. args[5].Split(',').Select(u => new Uri(u))]
            : [new Uri(root.GetProperty("base_url").GetString()!)];
        int[] pids = args.Length > 6 ? [.. args[6].Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))] : [];

        var organizations = root.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("slug").GetString()!).ToList();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string slug in organizations)
        {
            tokens[slug] = await TokenAsync(root, nodes[0], slug);
        }
        using var publisher = new HttpClient { BaseAddress = nodes[0], Timeout = TimeSpan.FromMinutes(2) };
        publisher.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["bank-a"]);
        await PostAsync(publisher, 1); // warm-up

        long rssBefore = pids.Sum(Rss);
        var histogram = new long[Buckets];
        long received = 0, maxTicks = 0, firstArrival = 0, lastArrival = 0;
        long startSequence = long.MaxValue;
        var clock = Stopwatch.StartNew();

        void OnAlert(AlertHead alert)
        {
            if (alert.Stream != Finance || alert.Sequence <= Interlocked.Read(ref startSequence))
            {
                return;
            }
            long now = clock.ElapsedTicks;
            double ms = (DateTimeOffset.UtcNow - alert.At).TotalMilliseconds;
            Interlocked.Increment(ref histogram[Math.Clamp((int)(ms / BucketMs), 0, Buckets - 1)]);
            long ticks = (long)(ms * TimeSpan.TicksPerMillisecond);
            for (long seen = Interlocked.Read(ref maxTicks); ticks > seen; seen = Interlocked.Read(ref maxTicks))
            {
                if (Interlocked.CompareExchange(ref maxTicks, ticks, seen) == seen)
                {
                    break;
                }
            }
            Interlocked.CompareExchange(ref firstArrival, now, 0);
            Interlocked.Exchange(ref lastArrival, now);
            Interlocked.Increment(ref received);
        }

        // Subscribers: organization i mod 6, node i mod nodes.
        Console.WriteLine($"connecting {subscribers} subscribers to {nodes.Length} node(s)…");
        var connections = new HubConnection[subscribers];
        int financeSubscribers = 0;
        var connecting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, subscribers), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            string slug = organizations[i % organizations.Count];
            string token = tokens[slug];
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(nodes[i % nodes.Length], "/hubs/alerts"), HttpTransportType.WebSockets, o =>
                {
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .Build();
            connection.ServerTimeout = TimeSpan.FromMinutes(2);
            connection.On<AlertHead>("alert", OnAlert);
            await connection.StartAsync(ct);
            connections[i] = connection;
            if (FinanceReaders.Contains(slug))
            {
                Interlocked.Increment(ref financeSubscribers);
            }
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"connected in {connecting.Elapsed.TotalSeconds:F1} s; {financeSubscribers} read {Finance}"));

        // Idle memory: connections open, nothing sent for a while.
        await Task.Delay(TimeSpan.FromSeconds(10));
        long rssIdle = pids.Sum(Rss);

        using var reader = new HttpClient { BaseAddress = nodes[0] };
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["bank-a"]);
        long first = await LastSequenceAsync(reader);
        Interlocked.Exchange(ref startSequence, first);

        double serverCpuBefore = pids.Sum(CpuSeconds), ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

        // Publisher: one indicator per post, at the given rate, for the given time.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"publishing {rate} alerts/s for {seconds} s…"));
        var publishing = Stopwatch.StartNew();
        long posted = 0;
        using (var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1 / rate)))
        {
            var posts = new List<Task>();
            while (publishing.Elapsed < TimeSpan.FromSeconds(seconds) && await ticker.WaitForNextTickAsync())
            {
                posts.Add(PostAsync(publisher, 1));
                posted++;
            }
            await Task.WhenAll(posts);
        }
        long last = await LastSequenceAsync(reader);
        long expected = (last - first) * financeSubscribers;
        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref received) < expected && drain.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }
        double window = (Interlocked.Read(ref lastArrival) - Interlocked.Read(ref firstArrival)) / (double)Stopwatch.Frequency;
        double serverCpu = pids.Sum(CpuSeconds) - serverCpuBefore, ownCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - ownCpuBefore;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            subscribers           {subscribers} on {nodes.Length} node(s) ({financeSubscribers} on {Finance})
            alerts published      {last - first} ({posted} posts of 1 indicator at {rate}/s)
            deliveries            {Interlocked.Read(ref received)} of {expected} expected ({expected - Interlocked.Read(ref received)} missing)
            deliveries per second {Interlocked.Read(ref received) / Math.Max(window, 0.001):N0} (first to last arrival, {window:F1} s)
            latency               p50 {Percentile(histogram, 0.50):F1} ms, p90 {Percentile(histogram, 0.90):F1} ms, p99 {Percentile(histogram, 0.99):F1} ms, max {Interlocked.Read(ref maxTicks) / (double)TimeSpan.TicksPerMillisecond:F1} ms
            """));
        if (pids.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server memory         {rssBefore / 1048576.0:F0} MB before, {rssIdle / 1048576.0:F0} MB with the connections idle: {(rssIdle - rssBefore) / 1024.0 / subscribers:F1} KB per idle connection"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU while publishing  servers {serverCpu:F1} s ({serverCpu * 1e6 / Math.Max(Interlocked.Read(ref received), 1):F1} µs a delivery), load tool {ownCpu:F1} s ({ownCpu * 1e6 / Math.Max(Interlocked.Read(ref received), 1):F1} µs a delivery)"));
        }

        await Parallel.ForEachAsync(connections.Where(c => c is not null), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, ct) => await c.DisposeAsync());
        return Interlocked.Read(ref received) == expected ? 0 : 1;
    }

    private static double Percentile(long[] histogram, double p)
    {
        long total = histogram.Sum();
        long target = (long)Math.Ceiling(total * p);
        long seen = 0;
        for (int i = 0; i < histogram.Length; i++)
        {
            seen += histogram[i];
            if (seen >= target && total > 0)
            {
                return (i + 1) * BucketMs;
            }
        }
        return double.NaN;
    }

    /// <summary>CPU time (user and system) a process has used, from <c>/proc</c> (clock ticks of 10 ms).</summary>
    private static double CpuSeconds(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Resident memory of a process, from <c>/proc</c>.</summary>
    private static long Rss(int pid)
    {
        string line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static async Task<long> LastSequenceAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?stream={Finance}&after=0&limit=1")).GetProperty("last_sequence").GetInt64();

    private static async Task PostAsync(HttpClient api, int count)
    {
        var objects = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            string address = string.Create(CultureInfo.InvariantCulture, $"185.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}");
            objects.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"type":"indicator","spec_version":"2.1","id":"indicator--{{Guid.NewGuid()}}","created":"2026-11-01T10:00:00.000Z","modified":"2026-11-01T10:00:00.000Z","name":"C2 server","pattern":"[ipv4-addr:value = '{{address}}']","pattern_type":"stix","valid_from":"2026-11-01T10:00:00Z"}""");
        }
        string body = $$"""{"channel":"sector:finance","tlp":"green","bundle":{"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[""" + objects + "]}}";
        using var response = await api.PostAsync("/api/v1/submissions", new StringContent(body, Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"post refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<string> TokenAsync(JsonElement root, Uri node, string slug)
    {
        var org = root.GetProperty("organizations").EnumerateArray().First(o => o.GetProperty("slug").GetString() == slug);
        using var http = new HttpClient { BaseAddress = node };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = org.GetProperty("client_id").GetString()!,
            ["client_secret"] = org.GetProperty("client_secret").GetString()!,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
