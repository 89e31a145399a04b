using System.ComponentModel.DataAnnotations;

namespace ThreatShare.Server.Hosting;

/// <summary>Options of the server host (section <c>ThreatShare</c>; <c>--data-dir</c> and <c>--seed-demo</c> on the command line).</summary>
public sealed class ServerOptions
{
    /// <summary>Where the embedded store, logs and demo credentials live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The address clients reach the network at, and so the issuer of its tokens. Nodes behind one
    /// address must share it; unset, each request's own address is used (one node).
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Create the demo sectors, organizations, users and clients on start (idempotent).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>
    /// Redis (a StackExchange.Redis configuration string) for several nodes: the SignalR backplane.
    /// Unset: live alerts fan out within this process only. The store stays the source of truth.
    /// </summary>
    public string? Redis { get; set; }
}

/// <summary>Maps the friendly command-line flags onto configuration keys.</summary>
internal static class CommandLine
{
    public static string[] Normalize(string[] args)
    {
        var result = new List<string>(args.Length + 2);
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed-demo":
                    result.Add("--ThreatShare:SeedDemo=true");
                    break;
                case "--data-dir" when i + 1 < args.Length:
                    result.Add("--ThreatShare:DataDirectory=" + args[++i]);
                    break;
                case "--redis" when i + 1 < args.Length:
                    result.Add("--ThreatShare:Redis=" + args[++i]);
                    break;
                case "--postgres" when i + 1 < args.Length:
                    result.Add("--Storage:Provider=postgres");
                    result.Add("--Storage:ConnectionString=" + args[++i]);
                    break;
                default:
                    result.Add(args[i]);
                    break;
            }
        }
        return [.. result];
    }
}
