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
            // The static method parses the expression through the framework's own small cache of recently used
            // expressions, so validating the same pattern again does not pay for parsing it again. Matching the
            // empty string is trivial, and the timeout bounds it anyway.
            _ = Regex.IsMatch(string.Empty, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            error = null;
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
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
