using System.Diagnostics;
using System.Text.Json;

namespace ThreatShare.IntegrationTests.Exports;

/// <summary>
/// The real consumers' parsers, run as child processes: Suricata's own rule parser (the Python module
/// <c>suricata.update.rule</c> of Debian's <c>suricata-update</c>) and BIND's <c>named-checkzone</c>
/// (<c>bind9-utils</c>). infra/test.sh installs both; a missing tool fails the test.
/// </summary>
internal static class FormatTools
{
    /// <summary>The system Python, where Debian installs the module (not a user's pyenv or venv).</summary>
    public const string Python = "/usr/bin/python3";

    public const string CheckZone = "/usr/bin/named-checkzone";

    /// <summary>One rule as Suricata's parser read it.</summary>
    public sealed record ParsedRule(int Gid, long Sid, int Rev, string Msg, string Action, string Proto, string Source, string Direction, string Destination,
        IReadOnlyList<string> Metadata, IReadOnlyList<(string Name, string? Value)> Options, string Raw);

    // Each rule line goes through suricata.update.rule.parse; its options are split again with the module's own
    // find_opt_end, in order, so that the test can check every option. A line the parser refuses is reported.
    private const string RuleScript = """
        import json, sys
        import suricata.update.rule as r
        for number, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            try:
                rule = r.parse(line)
            except Exception as e:
                print(json.dumps({"line": number, "error": repr(e)})); continue
            if rule is None:
                print(json.dumps({"line": number, "error": "not a rule"})); continue
            options, rest = [], rule["raw"][rule["raw"].index("(") + 1:rule["raw"].rindex(")")].strip()
            while rest:
                end = r.find_opt_end(rest)
                option, rest = rest[:end].strip(), rest[end + 1:].strip()
                name, _, value = option.partition(":")
                options.append([name.strip(), value.strip() if _ else None])
            print(json.dumps({"line": number, "gid": rule["gid"], "sid": rule["sid"], "rev": rule["rev"], "msg": rule["msg"],
                "action": rule["action"], "proto": rule["proto"], "source": rule["source_addr"], "direction": rule["direction"],
                "destination": rule["dest_addr"], "metadata": rule["metadata"], "options": options, "raw": rule["raw"]}))
        """;

    /// <summary>Parses a rules file with Suricata's parser; fails the test on any line it refuses.</summary>
    public static async Task<IReadOnlyList<ParsedRule>> ParseRulesAsync(string rules)
    {
        string file = Path.Combine(Path.GetTempPath(), $"threatshare-rules-{Guid.NewGuid():N}.rules");
        string script = Path.Combine(Path.GetTempPath(), $"threatshare-parse-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, rules);
        await File.WriteAllTextAsync(script, RuleScript);
        try
        {
            var (exit, stdout, stderr) = await RunAsync(Python, [script, file]);
            Assert.True(exit == 0, $"the Suricata rule parser failed ({exit}): {stderr}");
            var parsed = new List<ParsedRule>();
            foreach (string line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var o = JsonDocument.Parse(line).RootElement;
                Assert.False(o.TryGetProperty("error", out var error), $"Suricata's parser refused line {o.GetProperty("line")}: {error}");
                parsed.Add(new ParsedRule(o.GetProperty("gid").GetInt32(), o.GetProperty("sid").GetInt64(), o.GetProperty("rev").GetInt32(), o.GetProperty("msg").GetString()!,
                    o.GetProperty("action").GetString()!, o.GetProperty("proto").GetString()!, o.GetProperty("source").GetString()!,
                    o.GetProperty("direction").GetString()!, o.GetProperty("destination").GetString()!,
                    [.. o.GetProperty("metadata").EnumerateArray().Select(m => m.GetString()!)],
                    [.. o.GetProperty("options").EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetString()))], o.GetProperty("raw").GetString()!));
            }
            return parsed;
        }
        finally
        {
            File.Delete(file);
            File.Delete(script);
        }
    }

    /// <summary>
    /// Loads a zone with <c>named-checkzone</c> under <paramref name="origin"/> and returns its records as BIND
    /// dumps them (owner, type, data; names absolute); fails the test when BIND refuses the zone.
    /// </summary>
    public static async Task<IReadOnlyList<(string Owner, string Type, string Data)>> CheckZoneAsync(string zone, string origin)
    {
        string file = Path.Combine(Path.GetTempPath(), $"threatshare-{Guid.NewGuid():N}.rpz");
        await File.WriteAllTextAsync(file, zone);
        try
        {
            var (exit, stdout, stderr) = await RunAsync(CheckZone, ["-q", "-D", "-o", "-", origin, file]);
            Assert.True(exit == 0, $"named-checkzone refused the zone ({exit}): {stdout} {stderr}");
            var records = new List<(string, string, string)>();
            foreach (string line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // owner TTL class type data
                var parts = line.Split((char[])[' ', '\t'], 5, StringSplitOptions.RemoveEmptyEntries);
                Assert.True(parts.Length == 5 && parts[2] == "IN", $"unexpected dump line: {line}");
                records.Add((parts[0], parts[3], parts[4]));
            }
            return records;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        Assert.True(File.Exists(program), $"{program} is missing: run infra/test.sh, which installs the packages the tests need");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!; // Start returns null only for shell-executed documents
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }
}
