using System.Text.Json;
using ThreatShare.Stix.Vocabularies;

namespace ThreatShare.Stix.Validation;

/// <summary>Value formats: hexadecimal, RFC 5646 language tags, dictionary keys, hash values by algorithm.</summary>
internal static class Formats
{
    public static bool IsHex(string s)
    {
        if (s.Length % 2 != 0)
        {
            return false;
        }
        foreach (char c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsDictionaryKey(string key)
    {
        foreach (char c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// RFC 5646 well-formedness: language[-extlang][-script][-region]*(-variant)*(-extension)[-privateuse],
    /// a private-use tag (<c>x-...</c>) or a grandfathered <c>i-...</c> tag.
    /// </summary>
    public static bool IsLanguageTag(string tag)
    {
        if (tag.Length is 0 or > 256)
        {
            return false;
        }
        var parts = tag.Split('-');
        foreach (string p in parts)
        {
            if (p.Length is 0 or > 8 || !IsAlnum(p))
            {
                return false;
            }
        }
        string first = parts[0];
        if (first.Length == 1)
        {
            // "x-..." private use, or grandfathered "i-..." tags (i-klingon, i-default, ...).
            return (first is "x" or "X" or "i" or "I") && parts.Length > 1;
        }
        // 4-letter and 5-8 letter primary subtags are reserved or unassigned in the IANA registry: none is a language.
        if (!IsAlpha(first) || first.Length > 3)
        {
            return false;
        }
        int i = 1;
        if (first.Length is 2 or 3)
        {
            // Up to three extended language subtags.
            int ext = 0;
            while (i < parts.Length && ext < 3 && parts[i].Length == 3 && IsAlpha(parts[i]))
            {
                i++;
                ext++;
            }
        }
        if (i < parts.Length && parts[i].Length == 4 && IsAlpha(parts[i]))
        {
            i++; // script
        }
        if (i < parts.Length && ((parts[i].Length == 2 && IsAlpha(parts[i])) || (parts[i].Length == 3 && IsDigits(parts[i]))))
        {
            i++; // region
        }
        while (i < parts.Length && (parts[i].Length is >= 5 and <= 8 || (parts[i].Length == 4 && char.IsAsciiDigit(parts[i][0]))))
        {
            i++; // variants
        }
        while (i < parts.Length && parts[i].Length == 1 && parts[i] is not ("x" or "X"))
        {
            // Extension: a singleton followed by one or more subtags of 2 to 8 characters.
            i++;
            int n = 0;
            while (i < parts.Length && parts[i].Length >= 2)
            {
                i++;
                n++;
            }
            if (n == 0)
            {
                return false;
            }
        }
        if (i < parts.Length && parts[i] is "x" or "X")
        {
            return i + 1 < parts.Length;
        }
        return i == parts.Length;
    }

    /// <summary>A hashes dictionary: known algorithms must have values of the right form; other names are warnings.</summary>
    public static void CheckHashes(JsonElement value, ValidationContext ctx)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            ctx.Error($"hashes must be a dictionary (JSON object), not {Engine.Describe(value.ValueKind)}");
            return;
        }
        bool any = false;
        foreach (var property in value.EnumerateObject())
        {
            any = true;
            string algorithm = JsonText.SafePropertyName(property);
            ctx.Push(property);
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                ctx.Error($"a hash value must be a string, not {Engine.Describe(property.Value.ValueKind)}");
            }
            else if (JsonText.SafeGetString(property.Value) is { } hash)
            {
                CheckHash(algorithm, hash, ctx);
            }
            ctx.Pop();
        }
        if (!any)
        {
            ctx.Error("hashes must have at least one entry");
        }
    }

    private static void CheckHash(string algorithm, string hash, ValidationContext ctx)
    {
        int hexLength = algorithm switch
        {
            HashingAlgorithmValues.Md5 => 32,
            HashingAlgorithmValues.Sha1 => 40,
            HashingAlgorithmValues.Sha256 or HashingAlgorithmValues.Sha3With256 => 64,
            HashingAlgorithmValues.Sha512 or HashingAlgorithmValues.Sha3With512 => 128,
            _ => 0,
        };
        if (hexLength > 0)
        {
            if (hash.Length != hexLength || !IsHex(hash))
            {
                ctx.Error($"a {algorithm} hash must be {hexLength} hexadecimal characters");
            }
            return;
        }
        switch (algorithm)
        {
            case HashingAlgorithmValues.Ssdeep:
                if (hash.Length is 0 or > 148 || !IsSsdeep(hash))
                {
                    ctx.Error("an SSDEEP hash must have the form 'blocksize:hash:hash' (base64 characters)");
                }
                return;
            case HashingAlgorithmValues.Tlsh:
                var digest = hash.StartsWith("T1", StringComparison.Ordinal) ? hash.AsSpan(2) : hash.AsSpan();
                if (digest.Length != 70 || !digest.ContainsOnlyHex())
                {
                    ctx.Error("a TLSH hash must be 70 hexadecimal characters (optionally prefixed by 'T1')");
                }
                return;
            default:
                break;
        }
        if (algorithm.Length is < 3 or > 250 || !IsDictionaryKey(algorithm))
        {
            ctx.Error("a custom hash algorithm name must be 3 to 250 ASCII letters, digits, '-' or '_'");
        }
        else
        {
            ctx.Warning($"'{algorithm}' is not in the open vocabulary {StixVocabularies.HashingAlgorithm.Name}");
        }
    }

    private static bool IsSsdeep(string s)
    {
        int colons = 0;
        foreach (char c in s)
        {
            if (c == ':')
            {
                colons++;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c is not ('/' or '+' or '.'))
            {
                return false;
            }
        }
        return colons == 2 && char.IsAsciiDigit(s[0]);
    }

    private static bool IsAlpha(string s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsDigits(string s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAlnum(string s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}

file static class SpanHex
{
    public static bool ContainsOnlyHex(this ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
