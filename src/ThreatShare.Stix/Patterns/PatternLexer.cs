using System.Globalization;
using System.Text;

namespace ThreatShare.Stix.Patterns;

/// <summary>The lexer half: turns the text at <c>_pos</c> into the current token. No regular expressions.</summary>
internal sealed partial class PatternParserCore
{
    private void Next()
    {
        _lexError = null;
        _string = null;
        _hasHyphen = false;
        if (!SkipTrivia())
        {
            return;
        }
        string text = _text;
        int p = _pos;
        _start = p;
        if (p >= text.Length)
        {
            _kind = TokenKind.End;
            _end = p;
            return;
        }
        char c = text[p];
        switch (c)
        {
            case '[': Single(TokenKind.LBracket); return;
            case ']': Single(TokenKind.RBracket); return;
            case '(': Single(TokenKind.LParen); return;
            case ')': Single(TokenKind.RParen); return;
            case ':': Single(TokenKind.Colon); return;
            case ',': Single(TokenKind.Comma); return;
            case '*': Single(TokenKind.Asterisk); return;
            case '=':
                Operator(p + 1 < text.Length && text[p + 1] == '=' ? 2 : 1, TokenKind.Eq);
                return;
            case '!':
                if (p + 1 < text.Length && text[p + 1] == '=')
                {
                    Operator(2, TokenKind.Neq);
                    return;
                }
                LexError(p, 1, "unexpected '!': the not-equal operator is written != (or NOT =)");
                return;
            case '<':
                if (p + 1 < text.Length && text[p + 1] == '=')
                {
                    Operator(2, TokenKind.Le);
                }
                else if (p + 1 < text.Length && text[p + 1] == '>')
                {
                    Operator(2, TokenKind.Neq);
                }
                else
                {
                    Operator(1, TokenKind.Lt);
                }
                return;
            case '>':
                Operator(p + 1 < text.Length && text[p + 1] == '=' ? 2 : 1, p + 1 < text.Length && text[p + 1] == '=' ? TokenKind.Ge : TokenKind.Gt);
                return;
            case '\'':
                LexString(p);
                return;
            case '/':
                LexError(p, 1, "unexpected '/': regular expressions are written as strings, e.g. MATCHES '^evil.*$'");
                return;
            case '.':
                if (p + 1 < text.Length && char.IsAsciiDigit(text[p + 1]))
                {
                    LexNumber(p);
                    return;
                }
                Single(TokenKind.Dot);
                return;
            case '+' or '-':
                if (p + 1 < text.Length && (char.IsAsciiDigit(text[p + 1]) || (text[p + 1] == '.' && p + 2 < text.Length && char.IsAsciiDigit(text[p + 2]))))
                {
                    LexNumber(p);
                    return;
                }
                LexError(p, 1, $"unexpected '{c}'");
                return;
        }
        if (char.IsAsciiDigit(c))
        {
            LexNumber(p);
            return;
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            if (p + 1 < text.Length && text[p + 1] == '\'' && c is 't' or 'b' or 'h')
            {
                LexTypedLiteral(p, c);
                return;
            }
            LexIdentifier(p);
            return;
        }
        LexError(p, char.IsSurrogatePair(text, p) ? 2 : 1, $"unexpected character {DescribeChar(text, p)}");
    }

    private static string DescribeChar(string text, int p)
    {
        char c = text[p];
        if (char.IsSurrogatePair(text, p))
        {
            return string.Create(CultureInfo.InvariantCulture, $"U+{char.ConvertToUtf32(c, text[p + 1]):X4}");
        }
        if (char.IsSurrogate(c))
        {
            return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} (a lone surrogate)");
        }
        if (char.IsControl(c) || char.IsWhiteSpace(c))
        {
            return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
        }
        return string.Create(CultureInfo.InvariantCulture, $"'{c}' (U+{(int)c:X4})");
    }

    private void Single(TokenKind kind)
    {
        _kind = kind;
        _end = _pos = _start + 1;
    }

    private void Operator(int length, TokenKind kind)
    {
        _kind = kind;
        _end = _pos = _start + length;
    }

    private void LexError(int start, int length, string message)
    {
        _kind = TokenKind.Error;
        _start = start;
        _end = _pos = Math.Min(_text.Length, start + length);
        _lexError = message;
    }

    /// <summary>Skips whitespace and comments; false (with an error token) for an unclosed block comment.</summary>
    private bool SkipTrivia()
    {
        string text = _text;
        int p = _pos;
        while (p < text.Length)
        {
            char c = text[p];
            if (IsWhitespace(c))
            {
                p++;
            }
            else if (c == '/' && p + 1 < text.Length && text[p + 1] == '*')
            {
                int close = text.IndexOf("*/", p + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    _pos = p;
                    LexError(p, text.Length - p, $"comment opened at {Where(p)} is not closed with */");
                    return false;
                }
                p = close + 2;
            }
            else if (c == '/' && p + 1 < text.Length && text[p + 1] == '/')
            {
                p += 2;
                while (p < text.Length && text[p] is not ('\r' or '\n'))
                {
                    p++;
                }
            }
            else
            {
                break;
            }
        }
        _pos = p;
        return true;
    }

    // The whitespace set of the STIX pattern grammar.
    private static bool IsWhitespace(char c) => c switch
    {
        ' ' or '\t' or '\r' or '\n' or '\u000B' or '\u000C' => true,
        < '\u0085' => false,
        '\u0085' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => false,
    };

    private void LexIdentifier(int p)
    {
        string text = _text;
        int q = p + 1;
        bool hyphen = false;
        while (q < text.Length)
        {
            char c = text[q];
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                q++;
            }
            else if (c == '-')
            {
                hyphen = true;
                q++;
            }
            else
            {
                break;
            }
        }
        _start = p;
        _end = _pos = q;
        _hasHyphen = hyphen;
        _kind = hyphen ? TokenKind.Identifier : PatternVocabulary.Keyword(text.AsSpan(p, q - p));
        if (_kind == TokenKind.Boolean)
        {
            _int = text[p] == 't' ? 1 : 0;
        }
    }

    private void LexString(int open)
    {
        string text = _text;
        int p = open + 1;
        StringBuilder? sb = null;
        int runStart = p;
        while (true)
        {
            if (p >= text.Length)
            {
                LexError(open, text.Length - open, $"string opened at {Where(open)} is not closed with '");
                return;
            }
            char c = text[p];
            if (c == '\'')
            {
                break;
            }
            if (c == '\\')
            {
                char e = p + 1 < text.Length ? text[p + 1] : '\0';
                if (e is not ('\'' or '\\'))
                {
                    LexError(p, p + 1 < text.Length ? 2 : 1, p + 1 < text.Length
                        ? $"invalid escape '\\{e}' in string: only \\' and \\\\ are allowed"
                        : $"string opened at {Where(open)} is not closed with '");
                    return;
                }
                sb ??= new StringBuilder();
                sb.Append(text, runStart, p - runStart).Append(e);
                p += 2;
                runStart = p;
                continue;
            }
            p++;
        }
        _string = sb is null ? text.Substring(open + 1, p - open - 1) : sb.Append(text, runStart, p - runStart).ToString();
        _kind = TokenKind.String;
        _start = open;
        _end = _pos = p + 1;
    }

    private void LexTypedLiteral(int p, char prefix)
    {
        string text = _text;
        int open = p + 1;
        int close = text.IndexOf('\'', open + 1);
        string name = prefix switch { 't' => "timestamp", 'b' => "binary", _ => "hex" };
        if (close < 0)
        {
            LexError(p, text.Length - p, $"{name} literal opened at {Where(p)} is not closed with '");
            return;
        }
        var content = text.AsSpan(open + 1, close - open - 1);
        _start = p;
        _end = _pos = close + 1;
        switch (prefix)
        {
            case 't':
                if (!StixTimestamp.TryParse(content, out _timestamp, out string? error))
                {
                    LexError(p, close + 1 - p, $"invalid timestamp literal: {error}");
                    return;
                }
                _kind = TokenKind.Timestamp;
                return;
            case 'b':
                if (ValidateBase64(content) is { } base64Error)
                {
                    LexError(p, close + 1 - p, $"invalid binary literal: {base64Error}");
                    return;
                }
                _string = content.ToString();
                _kind = TokenKind.Binary;
                return;
            default:
                if (content.Length % 2 != 0)
                {
                    LexError(p, close + 1 - p, string.Create(CultureInfo.InvariantCulture, $"invalid hex literal: it needs an even number of hexadecimal digits, found {content.Length}"));
                    return;
                }
                foreach (char c in content)
                {
                    if (!char.IsAsciiHexDigit(c))
                    {
                        LexError(p, close + 1 - p, "invalid hex literal: only the digits 0-9, a-f and A-F are allowed");
                        return;
                    }
                }
                _string = content.ToString();
                _kind = TokenKind.Hex;
                return;
        }
    }

    private static string? ValidateBase64(ReadOnlySpan<char> s)
    {
        if (s.Length == 0)
        {
            return "it is empty";
        }
        if (s.Length % 4 != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"padded base64 has a multiple of 4 characters, found {s.Length}");
        }
        int padding = s[^1] == '=' ? (s[^2] == '=' ? 2 : 1) : 0;
        for (int i = 0; i < s.Length - padding; i++)
        {
            char c = s[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '/'))
            {
                return c == '='
                    ? "'=' padding may appear only at the end"
                    : "only the base64 characters A-Z, a-z, 0-9, '+' and '/' are allowed";
            }
        }
        return null;
    }

    private void LexNumber(int p)
    {
        string text = _text;
        int q = p;
        if (text[q] is '+' or '-')
        {
            q++;
        }
        int intStart = q;
        while (q < text.Length && char.IsAsciiDigit(text[q]))
        {
            q++;
        }
        int intDigits = q - intStart;
        bool isFloat = false;
        if (q < text.Length && text[q] == '.')
        {
            int fracStart = q + 1;
            int r = fracStart;
            while (r < text.Length && char.IsAsciiDigit(text[r]))
            {
                r++;
            }
            if (r == fracStart)
            {
                LexError(p, r - p, "a number with a decimal point needs digits after the point");
                return;
            }
            isFloat = true;
            q = r;
        }
        _start = p;
        _end = _pos = q;
        var span = text.AsSpan(p, q - p);
        if (q < text.Length && (char.IsAsciiLetter(text[q]) || text[q] == '_') && text[q] is 'e' or 'E')
        {
            LexError(p, q + 1 - p, "numbers in patterns have no exponent: write the digits out");
            return;
        }
        if (isFloat)
        {
            if (!double.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _float) || !double.IsFinite(_float))
            {
                LexError(p, q - p, "number is out of range");
                return;
            }
            _kind = TokenKind.Float;
            return;
        }
        if (intDigits > 1 && text[intStart] == '0')
        {
            LexError(p, q - p, "integers are written without leading zeros");
            return;
        }
        if (!long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _int))
        {
            LexError(p, q - p, "integer is out of range (64-bit)");
            return;
        }
        _kind = TokenKind.Integer;
    }
}
