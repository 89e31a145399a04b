using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Exports;

/// <summary><c>threatshare export</c> as a child process against a real server: stdout and files, the state file, exit codes.</summary>
public sealed class ExportCommandTests(DemoServer server) : IClassFixture<DemoServer>
{
    private ServerNode Node => server.Node;

    private async Task<(int Exit, string Output, string Error)> RunAsync(string org, string? secret, params string[] args)
    {
        var credentials = Node.Organization(org);
        string dll = Path.Combine(AppContext.BaseDirectory, "threatshare.dll");
        Assert.True(File.Exists(dll), $"threatshare.dll not found next to the tests ({dll})");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (string arg in (string[])[dll, "export", .. args, "--server", Node.BaseAddress.ToString(), "--client-id", credentials.GetProperty("client_id").GetString()!])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["THREATSHARE_CLIENT_SECRET"] = secret ?? credentials.GetProperty("client_secret").GetString()!;
        using var process = Process.Start(start)!; // Start returns null only for shell-executed documents
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output, await error);
    }

    private async Task<string> PublishAsync(string tlp, string pattern)
    {
        using var api = Node.ClientWith(await Node.ClientTokenAsync("bank-b"));
        using var response = await api.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", tlp, Samples.Bundle(Samples.Indicator(pattern: pattern))));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("objects")[0].GetString()!;
    }

    [Fact]
    public async Task Export_WritesToStdoutOrAFile_AndAnUnchangedExportWritesNothing()
    {
        string domain = "cli" + Guid.NewGuid().ToString("N")[..10] + ".test";
        string id = await PublishAsync("amber", $"[domain-name:value = '{domain}']");

        var (exit, output, error) = await RunAsync("bank-a", null, "csv", "--channel", "sector:finance", "--type", "domain", "--tlp", "amber");
        Assert.True(exit == 0, error);
        Assert.Contains($"{domain},domain,{id},sector:finance,amber,", output, StringComparison.Ordinal);

        string dir = Path.Combine(Path.GetTempPath(), "threatshare-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "domains.txt"), state = Path.Combine(dir, "domains.state");
            (exit, output, error) = await RunAsync("bank-a", null, "domains", "--output", file, "--since-state", state);
            Assert.True(exit == 0, error);
            Assert.Equal("", output);
            Assert.Contains(domain + "\n", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
            Assert.StartsWith("W/\"", JsonDocument.Parse(await File.ReadAllTextAsync(state)).RootElement.GetProperty("etag").GetString(), StringComparison.Ordinal);
            var written = File.GetLastWriteTimeUtc(file);

            (exit, _, error) = await RunAsync("bank-a", null, "domains", "--output", file, "--since-state", state);
            Assert.Equal(0, exit);
            Assert.Contains("not modified", error, StringComparison.Ordinal);
            Assert.Equal(written, File.GetLastWriteTimeUtc(file));

            string next = "cli" + Guid.NewGuid().ToString("N")[..10] + ".test";
            await PublishAsync("green", $"[domain-name:value = '{next}']");
            (exit, _, error) = await RunAsync("bank-a", null, "domains", "--output", file, "--since-state", state);
            Assert.True(exit == 0, error);
            Assert.Contains(next + "\n", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
            Assert.Equal(["domains.state", "domains.txt"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Export_ExitCodes_SayWhatWentWrong()
    {
        var (exit, _, error) = await RunAsync("bank-a", null, "csv", "--tlp", "purple");
        Assert.Equal(1, exit);
        Assert.Contains("$.tlp", error, StringComparison.Ordinal);
        (exit, _, error) = await RunAsync("bank-a", null, "pdf");
        Assert.Equal(2, exit);
        (exit, _, error) = await RunAsync("bank-a", "wrong-secret", "csv");
        Assert.Equal(3, exit);
        Assert.Contains("threatshare:", error, StringComparison.Ordinal);
    }
}
