using System.Text.RegularExpressions;

namespace ThreatShare.Core.Findings;

/// <summary>
/// Personal data in free text: e-mail addresses of persons (not role mailboxes such as abuse@),
/// phone numbers, national identity numbers with a valid check digit (Israeli ID), payment card
/// numbers (Luhn, known issuer prefixes) and IBANs (ISO 13616 mod 97). Each hit names what it
/// found, masked: the finding must not spread what it warns about.
/// </summary>
public static partial class PersonalData
{
    private static readonly HashSet<string> RoleMailboxes = new(StringComparer.OrdinalIgnoreCase)
    {
        "abuse", "security", "soc", "cert", "csirt", "noc", "noreply", "no-reply", "info", "support", "admin",
        "administrator", "postmaster", "hostmaster", "webmaster", "contact", "incident", "incidents", "report", "phishing",
    };

    /// <summary>What personal data <paramref name="text"/> holds: a description per hit (masked).</summary>
    public static IEnumerable<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in Email().Matches(text))
        {
            string local = m.Groups["local"].Value;
            if (!RoleMailboxes.Contains(local))
            {
                yield return $"an e-mail address of a person ({Mask(m.Value)})";
            }
        }
        foreach (Match m in Iban().Matches(text))
        {
            string iban = m.Value.Replace(" ", "", StringComparison.Ordinal);
            if (iban.Length is >= 15 and <= 34 && Mod97(iban) == 1)
            {
                yield return $"an IBAN ({Mask(iban)})";
            }
        }
        foreach (Match m in DigitRun().Matches(text))
        {
            string run = m.Value;
            string digits = new([.. run.Where(char.IsAsciiDigit)]);
            if (LooksLikeDateTimeOrAddress(run))
            {
                continue;
            }
            if (digits.Length is >= 13 and <= 19 && IsCardPrefix(digits) && Luhn(digits) && run.All(c => char.IsAsciiDigit(c) || c is ' ' or '-'))
            {
                yield return $"a payment card number ({Mask(digits)})";
            }
            else if (digits.Length == 9 && run.All(char.IsAsciiDigit) && Luhn(digits))
            {
                yield return $"a national identity number with a valid check digit ({Mask(digits)})";
            }
            else if (IsPhone(run, digits))
            {
                yield return $"a phone number ({Mask(run)})";
            }
        }
    }

    /// <summary>Luhn (ISO/IEC 7812); the Israeli ID check is the same sum over nine digits.</summary>
    public static bool Luhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static bool IsCardPrefix(string d) =>
        d[0] == '4' || (d[0] == '5' && d[1] is >= '1' and <= '5') || (d.StartsWith('3') && d[1] is '4' or '7' or '5')
        || d.StartsWith("6011", StringComparison.Ordinal) || d.StartsWith("65", StringComparison.Ordinal)
        || (int.TryParse(d.AsSpan(0, 4), out int four) && four is >= 2221 and <= 2720);

    /// <summary>A phone number: 8 to 15 digits, written as one (a leading +, or groups split by spaces, dashes or parentheses).</summary>
    private static bool IsPhone(string run, string digits)
    {
        if (digits.Length is < 8 or > 15 || run.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }
        bool international = run.StartsWith('+');
        bool grouped = run.Any(c => c is ' ' or '-' or '(' or ')');
        return international || (grouped && (run.StartsWith('0') || run.StartsWith('(')));
    }

    private static bool LooksLikeDateTimeOrAddress(string run) => DateLike().IsMatch(run) || run.Count(c => c == '.') >= 2 || run.Contains(':', StringComparison.Ordinal);

    private static int Mod97(string iban)
    {
        string rearranged = iban[4..] + iban[..4];
        int remainder = 0;
        foreach (char c in rearranged)
        {
            int value = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : -1;
            if (value < 0)
            {
                return -1;
            }
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }
        return remainder;
    }

    /// <summary>Keeps the first two and last two characters.</summary>
    private static string Mask(string value) =>
        value.Length <= 4 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 2), new string('*', value.Length - 4), value.AsSpan(value.Length - 2));

    [GeneratedRegex(@"(?<![\w.+-])(?<local>[A-Za-z0-9._%+-]{1,64})@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Iban();

    [GeneratedRegex(@"(?<![\w.:/-])\+?\(?\d[\d ()\-.:]{6,22}\d(?![\w.:/-])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}|^\d{2}[-/.]\d{2}[-/.]\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
