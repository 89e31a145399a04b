using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace ThreatShare.Core.Tests.Fixtures;

/// <summary>
/// One throwaway PostgreSQL 15 per test run (docs: shared/TESTING.md, "PostgreSQL per test run"):
/// initdb into a temp directory, started by pg_ctl on a port the OS picked, with durability off, and
/// stopped with <c>pg_ctl -m immediate stop</c>. Each test class asks for its own database with
/// <see cref="CreateDatabaseAsync"/>. A missing PostgreSQL fails the tests; it never skips them.
/// </summary>
/// <remarks>
/// While it runs, <c>/tmp/threatshare-test-pg/&lt;test host pid&gt;.pid</c> holds the postmaster's pid
/// and data directory, so that CI can kill what a killed test host left behind; a new fixture also
/// stops such leftovers itself when their test host is gone.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>Where PostgreSQL 15's server binaries are on Debian (not on PATH).</summary>
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>Directory of the pid files of running test instances.</summary>
    public const string PidDirectory = "/tmp/threatshare-test-pg";

    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private string? _dataDirectory;
    private string? _pidFile;
    private int _databases;

    /// <summary>The TCP port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>How long the fixture took until initdb had finished.</summary>
    public TimeSpan InitdbTime { get; private set; }

    /// <summary>How long initdb and start took.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>Connection string of the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public async Task InitializeAsync()
    {
        EnsureInstalled(BinDirectory);
        string initdb = Path.Combine(BinDirectory, "initdb");
        string pgCtl = Path.Combine(BinDirectory, "pg_ctl");
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(PidDirectory);
        await StopLeftoversAsync();

        string root = Directory.CreateTempSubdirectory("threatshare-pg-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            // PostgreSQL refuses to run as root: the service user must own the directory it writes.
            await RunAsync("chown", ["-R", ServiceUser + ":" + ServiceUser, root], asServiceUser: false, root);
        }
        _dataDirectory = Path.Combine(root, "data");
        await RunAsync(initdb, ["-D", _dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], Environment.IsPrivilegedProcess, root);
        InitdbTime = watch.Elapsed;
        string log = Path.Combine(root, "log");
        for (int attempt = 1; ; attempt++)
        {
            // The OS picks a free port; another process may take it before PostgreSQL binds it, so retry then.
            Port = FreePort();
            string settings = string.Create(CultureInfo.InvariantCulture,
                $"-p {Port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
            try
            {
                await RunAsync(pgCtl, ["-D", _dataDirectory, "-w", "-t", "60", "-l", log, "-o", settings, "start"], Environment.IsPrivilegedProcess, root);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3 && File.Exists(log) && File.ReadAllText(log).Contains("could not bind", StringComparison.Ordinal))
            {
            }
            catch (InvalidOperationException e) when (File.Exists(log))
            {
                throw new InvalidOperationException(e.Message + "\nserver log:\n" + await File.ReadAllTextAsync(log), e);
            }
        }

        _pidFile = Path.Combine(PidDirectory, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".pid");
        string postmasterPid = (await File.ReadAllLinesAsync(Path.Combine(_dataDirectory, "postmaster.pid")))[0];
        await File.WriteAllTextAsync(_pidFile, postmasterPid + "\n" + _dataDirectory + "\n");
        StartTime = watch.Elapsed;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is not null)
        {
            try
            {
                await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "stop"], Environment.IsPrivilegedProcess, Path.GetTempPath());
            }
            finally
            {
                if (_pidFile is not null)
                {
                    File.Delete(_pidFile);
                }
                TryDelete(Path.GetDirectoryName(_dataDirectory));
            }
        }
    }

    /// <summary>Fails, with what to do, when PostgreSQL's server binaries are not in <paramref name="binDirectory"/>.</summary>
    public static void EnsureInstalled(string binDirectory)
    {
        foreach (string tool in (string[])["initdb", "pg_ctl"])
        {
            string path = Path.Combine(binDirectory, tool);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL 15 is not installed ({path} not found). The storage tests need it and are never skipped: " +
                    "install it with `apt-get install -y --no-install-recommends postgresql` (infra/test.sh does so), without starting the system service.");
            }
        }
    }

    /// <summary>The pid file of this run's server, while it runs.</summary>
    public string? PidFile => _pidFile;

    /// <summary>Connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 50,
        // A test waiting on a row lock must fail, not hang the run.
        CommandTimeout = 60,
    }.ToString();

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string hint, CancellationToken ct = default)
    {
        var name = new StringBuilder("t").Append(Interlocked.Increment(ref _databases)).Append('_');
        foreach (char c in hint.ToLowerInvariant())
        {
            if (name.Length >= 60)
            {
                break;
            }
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(ct);
        return ConnectionString(name.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops instances whose test host died without disposing the fixture.</summary>
    private static async Task StopLeftoversAsync()
    {
        foreach (string file in Directory.EnumerateFiles(PidDirectory, "*.pid"))
        {
            if (!int.TryParse(Path.GetFileNameWithoutExtension(file), CultureInfo.InvariantCulture, out int host) || IsAlive(host))
            {
                continue;
            }
            string[] lines = await File.ReadAllLinesAsync(file);
            if (lines.Length >= 2 && Directory.Exists(lines[1]))
            {
                try
                {
                    // pg_ctl checks the data directory's own postmaster.pid, so it never stops a stranger.
                    await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", lines[1], "-m", "immediate", "stop"], Environment.IsPrivilegedProcess, Path.GetTempPath());
                }
                catch (InvalidOperationException)
                {
                    // Already stopped.
                }
                TryDelete(Path.GetDirectoryName(lines[1]));
            }
            File.Delete(file);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string? directory)
    {
        if (directory is not null && directory.Contains("threatshare-pg-", StringComparison.Ordinal) && Directory.Exists(directory))
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp directory left behind is harmless.
            }
        }
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asServiceUser, string workingDirectory)
    {
        var start = new ProcessStartInfo
        {
            FileName = asServiceUser ? "runuser" : file,
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser)
        {
            foreach (string a in (string[])["-u", ServiceUser, "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["TMPDIR"] = workingDirectory;
        start.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within {CommandTimeout.TotalSeconds} s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }
}

/// <summary>The collection that shares the one PostgreSQL server of the run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection name for <c>[Collection]</c>.</summary>
    public const string Name = "PostgreSQL";
}
