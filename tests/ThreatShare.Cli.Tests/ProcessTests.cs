using System.Diagnostics;
using System.Text;

namespace ThreatShare.Cli.Tests;

/// <summary>Runs the built <c>threatshare.dll</c> as a child process: the real standard streams and exit codes.</summary>
public sealed class ProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PatternCheck_AnswersEachLine_BeforeStdinIsClosed()
    {
        using var process = Start("pattern", "check");
        try
        {
            var stdin = process.StandardInput.BaseStream;

            await stdin.WriteAsync("[ipv4-addr:value = '198.51.100.1']\n"u8.ToArray());
            await stdin.FlushAsync();
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(Timeout);

            await stdin.WriteAsync("\n"u8.ToArray());
            await stdin.FlushAsync();
            var second = await process.StandardOutput.ReadLineAsync().WaitAsync(Timeout);

            Assert.Equal("{\"valid\":true}", first);
            Assert.Equal("{\"valid\":false,\"error\":\"the pattern is empty\",\"line\":1,\"column\":1}", second);

            stdin.Close();
            Assert.Null(await process.StandardOutput.ReadLineAsync().WaitAsync(Timeout));
            await process.WaitForExitAsync().WaitAsync(Timeout);
            Assert.Equal(1, process.ExitCode);
        }
        finally
        {
            StopIfRunning(process);
        }
    }

    [Fact]
    public async Task UnknownOption_ExitsTwo_WithAMessageOnStderr()
    {
        var (exit, output, error) = await RunAsync([], "stix", "validate", "--no-such-option");

        Assert.Equal(2, exit);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task UnknownVerb_ExitsTwo_WithAMessageOnStderr()
    {
        var (exit, output, error) = await RunAsync([], "no-such-verb");

        Assert.Equal(2, exit);
        Assert.Contains("no-such-verb", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task StixValidate_MissingFile_ExitsTwo_WithAMessageOnStderr()
    {
        var path = Path.Combine(Path.GetTempPath(), $"threatshare-cli-missing-{Guid.NewGuid():N}.json");

        var (exit, output, error) = await RunAsync([], "stix", "validate", path);

        Assert.Equal(2, exit);
        Assert.Contains($"cannot read '{path}': no such file", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task PatternCheck_Jsonl_MalformedLines_AreAnswered_WithCrLfAndBom()
    {
        var input = Encoding.UTF8.GetPreamble().Concat("@\r\n42\r\n"u8.ToArray()).ToArray();

        var (exit, output, _) = await RunAsync(input, "pattern", "check", "--jsonl");

        Assert.Equal(
            "{\"valid\":false,\"error\":\"the line is not a JSON string literal: '@' is an invalid start of a value.\",\"line\":1,\"column\":1}\n"
            + "{\"valid\":false,\"error\":\"expected a JSON string literal, found a number\",\"line\":1,\"column\":1}\n",
            output);
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Help_ExitsZero_AndShowsAnExample()
    {
        var (exit, output, _) = await RunAsync([], "pattern", "check", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("threatshare pattern check", output, StringComparison.Ordinal);
    }

    private static string CliDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "threatshare.dll");
            Assert.True(File.Exists(path), $"threatshare.dll not found next to the tests ({path})");
            return path;
        }
    }

    private static Process Start(params string[] args)
    {
        // The SDK tells test hosts which dotnet runs them; fall back to the one on PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(byte[] input, params string[] args)
    {
        using var process = Start(args);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardInput.BaseStream.WriteAsync(input);
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(Timeout);
            return (process.ExitCode, await output.WaitAsync(Timeout), await error.WaitAsync(Timeout));
        }
        finally
        {
            StopIfRunning(process);
        }
    }

    private static void StopIfRunning(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
