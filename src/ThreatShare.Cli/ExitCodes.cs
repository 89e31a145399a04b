namespace ThreatShare.Cli;

/// <summary>The exit codes of every verb; scripts depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Every entry is valid.</summary>
    public const int Success = 0;

    /// <summary>At least one entry is invalid.</summary>
    public const int Invalid = 1;

    /// <summary>The command line is wrong, or an input file cannot be read.</summary>
    public const int Usage = 2;

    /// <summary><c>watch</c>: the server refused the client's identity (wrong id or secret, disabled, no 'alerts' scope).</summary>
    public const int AuthenticationFailed = 3;

    /// <summary><c>watch</c>: the server could not be reached, after the retries allowed.</summary>
    public const int Unreachable = 4;

    /// <summary><c>watch</c>: the server answered with an error (e.g. a stream the client does not read).</summary>
    public const int Refused = 5;
}
