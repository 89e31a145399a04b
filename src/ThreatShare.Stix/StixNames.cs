namespace ThreatShare.Stix;

/// <summary>Naming rules of STIX 2.1 for object types and property names.</summary>
public static class StixNames
{
    /// <summary>
    /// An object type name: 3 to 250 characters of <c>a-z</c>, <c>0-9</c> and <c>-</c>, never containing <c>--</c>.
    /// </summary>
    public static bool IsValidTypeName(ReadOnlySpan<char> name)
    {
        if (name.Length is < 3 or > 250)
        {
            return false;
        }
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '-')
            {
                if (i > 0 && name[i - 1] == '-')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A property name: 3 to 250 characters of <c>a-z</c>, <c>0-9</c> and <c>_</c>.</summary>
    /// <remarks>The <c>id</c> property is the one spec-defined exception to the minimum length.</remarks>
    public static bool IsValidPropertyName(ReadOnlySpan<char> name)
    {
        if (name.Length is < 3 or > 250)
        {
            return name is "id";
        }
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
