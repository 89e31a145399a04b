using System.Text.RegularExpressions;

namespace ThreatShare.Stix.Patterns;

/// <summary>
/// <c>MATCHES</c> regular expressions: run with <see cref="RegexOptions.NonBacktracking"/> (linear time) when the
/// expression allows it, otherwise with the backtracking engine and the time budget of <see cref="StixLimits"/>.
/// </summary>
internal static class RegexSupport
{
    public static bool TryValidate(string pattern, out string? error)
    {
        try
        {
            // Parsing is enough to find syntax errors; the timeout keeps construction of the object cheap to reason about.
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }

    public static Regex Create(string pattern, TimeSpan timeout)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, timeout);
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds and atomic groups need the backtracking engine; the timeout bounds it.
            return new Regex(pattern, RegexOptions.CultureInvariant, timeout);
        }
    }
}
