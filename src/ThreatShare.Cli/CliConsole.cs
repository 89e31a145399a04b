namespace ThreatShare.Cli;

/// <summary>
/// The three standard streams of one run. Data (JSON lines) goes to <see cref="Output"/> as UTF-8 bytes; help also
/// goes there, as text. Messages for people go to <see cref="Error"/>.
/// </summary>
internal sealed record CliConsole(Stream Input, Stream Output, TextWriter Error)
{
    /// <summary>The process's own standard streams.</summary>
    public static CliConsole FromProcess()
    {
        // Console.Error autoflushes; the raw stdin/stdout streams are unbuffered, so the verbs buffer themselves.
        return new CliConsole(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);
    }
}
