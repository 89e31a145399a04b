namespace ThreatShare.Cli;

/// <summary>Makes text safe to write as a JSON string.</summary>
internal static class TextSafety
{
    /// <summary>
    /// Replaces unpaired surrogates by U+FFFD. A message may quote the input, and <c>Utf8JsonWriter</c> refuses
    /// text that is not valid UTF-16; one odd character must not cost the whole answer.
    /// </summary>
    public static string ForJson(string text)
    {
        var bad = FirstLoneSurrogate(text);
        if (bad < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            for (var i = 0; i < span.Length; i++)
            {
                if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(span[i]))
                {
                    span[i] = '\uFFFD';
                }
            }
        });
    }

    private static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
