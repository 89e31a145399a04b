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
}
