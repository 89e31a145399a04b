using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ThreatShare.LoadTest;

/// <summary>
/// Export load: streams every export format of a seeded store (seed it first with the <c>lookup</c> mode) as an
/// organization's own tool, reading the body as it arrives, and reports the time to the first byte, the
/// throughput in entries per second, and the server's resident memory before and after (from <c>/proc</c>,
/// when its process id is given). Each format runs twice; the second run counts.
/// </summary>
internal static class ExportLoad
{
    private static readonly string[] DefaultFormats = ["ipv4", "ipv6", "domains", "urls", "md5", "sha1", "sha256", "sha512", "rpz", "csv", "suricata", "stix"];

    public static async Task<int> RunAsync(string[] args)
    {
        // export <demo-credentials.json> [server-pid=0] [formats=all]
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: ThreatShare.LoadTest export <demo-credentials.json> [server-pid] [format,format,…]");
            return 2;
        }
        int pid = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        string[] formats = args.Length > 3 ? args[3].Split(',') : DefaultFormats;
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(args[1]));
        var root = credentials.RootElement;
        var org = root.GetProperty("organizations").EnumerateArray().First(o => o.GetProperty("slug").GetString() == "bank-a");
        using var http = new HttpClient { BaseAddress = new Uri(root.GetProperty("base_url").GetString()!), Timeout = Timeout.InfiniteTimeSpan };
        using var tokenResponse = await http.PostAsync(root.GetProperty("token_endpoint").GetString(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = org.GetProperty("client_id").GetString()!,
            ["client_secret"] = org.GetProperty("client_secret").GetString()!,
        }));
        tokenResponse.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());

        Console.WriteLine($"server memory at start: {Memory(pid)}");
        long totalBlockEntries = 0;
        double totalBlockSeconds = 0;
        foreach (string format in formats)
        {
            (double firstByte, double seconds, long bytes, long entries) result = default;
            for (int run = 0; run < 2; run++)
            {
                result = await ExportAsync(http, format);
            }
            var (firstByte, seconds, bytes, entries) = result;
            if (format is not ("csv" or "suricata" or "stix" or "rpz"))
            {
                totalBlockEntries += entries;
                totalBlockSeconds += seconds;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format,-9} {entries,10:N0} entries {bytes / 1048576.0,8:F1} MiB  first byte {firstByte * 1000,6:F0} ms  total {seconds,6:F2} s  {entries / seconds,9:F0} entries/s  server {Memory(pid)}"));
        }
        if (totalBlockSeconds > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"block lists together: {totalBlockEntries:N0} values in {totalBlockSeconds:F2} s = {totalBlockEntries / totalBlockSeconds:F0}/s"));
        }
        return 0;
    }

    private static async Task<(double FirstByte, double Seconds, long Bytes, long Entries)> ExportAsync(HttpClient http, string format)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync("/api/v1/exports/" + format, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[1 << 16];
        double firstByte = 0;
        long bytes = 0, lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            if (bytes == 0)
            {
                firstByte = clock.Elapsed.TotalSeconds;
            }
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        double seconds = clock.Elapsed.TotalSeconds;
        // Entries: lines less the header (CSV), the closing line (bundle), the comment (rules), the SOA/NS records and comment (RPZ, two lines per domain).
        long entries = format switch
        {
            "csv" => lines - 1,
            "stix" => lines - 1,
            "suricata" => lines - 1,
            "rpz" => (lines - 4) / 2,
            _ => lines,
        };
        return (firstByte, seconds, bytes, entries);
    }

    private static string Memory(int pid)
    {
        if (pid <= 0 || !File.Exists($"/proc/{pid}/status"))
        {
            return "(no pid)";
        }
        var status = File.ReadAllLines($"/proc/{pid}/status");
        string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[name.Length..].Trim() ?? "?";
        return $"RSS {Field("VmRSS:")}, peak {Field("VmHWM:")}";
    }
}
