using System.Diagnostics.CodeAnalysis;

namespace ThreatShare.Core.Trust;

/// <summary>
/// Where an object is published: a sector community (<c>sector:&lt;slug&gt;</c>), the open
/// <c>cross-sector</c> forum, or <c>national</c> directorate broadcasts.
/// </summary>
public readonly record struct Channel
{
    /// <summary>Name of the cross-sector channel.</summary>
    public const string CrossSectorName = "cross-sector";

    /// <summary>Name of the national channel.</summary>
    public const string NationalName = "national";

    /// <summary>Prefix of sector channel names.</summary>
    public const string SectorPrefix = "sector:";

    private Channel(string name, string? sector)
    {
        Name = name;
        Sector = sector;
    }

    /// <summary>The cross-sector channel.</summary>
    public static Channel CrossSector { get; } = new(CrossSectorName, null);

    /// <summary>The national channel.</summary>
    public static Channel National { get; } = new(NationalName, null);

    /// <summary>The channel of a sector.</summary>
    /// <exception cref="ArgumentException">The slug is not a valid sector slug.</exception>
    public static Channel ForSector(string slug) =>
        SectorSlug.IsValid(slug) ? new(SectorPrefix + slug, slug) : throw new ArgumentException($"'{slug}' is not a valid sector slug", nameof(slug));

    /// <summary>The channel name as stored and sent: <c>sector:finance</c>, <c>cross-sector</c>, <c>national</c>.</summary>
    public string Name { get; }

    /// <summary>The sector slug for a sector channel, else null.</summary>
    public string? Sector { get; }

    /// <summary>True for a sector channel.</summary>
    [MemberNotNullWhen(true, nameof(Sector))]
    public bool IsSector => Sector is not null;

    /// <summary>Parses a channel name.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out Channel channel)
    {
        channel = default;
        switch (name)
        {
            case null:
                return false;
            case CrossSectorName:
                channel = CrossSector;
                return true;
            case NationalName:
                channel = National;
                return true;
        }
        if (name.StartsWith(SectorPrefix, StringComparison.Ordinal) && SectorSlug.IsValid(name.AsSpan(SectorPrefix.Length)))
        {
            channel = new Channel(name, name[SectorPrefix.Length..]);
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Name ?? string.Empty;
}

/// <summary>Rules for sector slugs: 2 to 63 characters of <c>a-z</c>, <c>0-9</c> and <c>-</c>, starting with a letter.</summary>
public static class SectorSlug
{
    /// <summary>True when <paramref name="slug"/> is a valid sector slug.</summary>
    public static bool IsValid(ReadOnlySpan<char> slug)
    {
        if (slug.Length is < 2 or > 63 || !char.IsAsciiLetterLower(slug[0]) || slug[^1] == '-')
        {
            return false;
        }
        foreach (char c in slug)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }
        return true;
    }
}
