using System.Collections.Frozen;

namespace ThreatShare.Core.Trust;

/// <summary>
/// Who is reading, as the visibility decision needs to know it: the caller's organization, that
/// organization's sectors, the sectors the caller moderates, and whether the caller is a
/// directorate admin. Built by the server from the caller's token and the store, never from the
/// request.
/// </summary>
public sealed class Reader
{
    /// <summary>Creates a reader.</summary>
    /// <param name="organizationId">The caller's organization.</param>
    /// <param name="memberSectors">Slugs of the sectors the organization is a member of.</param>
    /// <param name="moderatedSectors">Slugs of the sectors the caller moderates (empty unless a moderator).</param>
    /// <param name="isDirectorateAdmin">The caller is a directorate admin and sees everything.</param>
    public Reader(Guid organizationId, IEnumerable<string> memberSectors, IEnumerable<string>? moderatedSectors = null, bool isDirectorateAdmin = false)
    {
        ArgumentNullException.ThrowIfNull(memberSectors);
        OrganizationId = organizationId;
        MemberSectors = memberSectors.ToFrozenSet(StringComparer.Ordinal);
        ModeratedSectors = (moderatedSectors ?? []).ToFrozenSet(StringComparer.Ordinal);
        IsDirectorateAdmin = isDirectorateAdmin;

        // Every member organization reads cross-sector and national; sector channels by membership.
        ReadableChannels = [.. MemberSectors.Select(s => Channel.SectorPrefix + s), Channel.CrossSectorName, Channel.NationalName];
        // A moderator sees everything in its sectors' channels plus cross-sector and national.
        ModeratedChannels = ModeratedSectors.Count == 0
            ? []
            : [.. ModeratedSectors.Select(s => Channel.SectorPrefix + s), Channel.CrossSectorName, Channel.NationalName];
    }

    /// <summary>The caller's organization.</summary>
    public Guid OrganizationId { get; }

    /// <summary>Slugs of the sectors the caller's organization is a member of.</summary>
    public IReadOnlySet<string> MemberSectors { get; }

    /// <summary>Slugs of the sectors the caller moderates.</summary>
    public IReadOnlySet<string> ModeratedSectors { get; }

    /// <summary>The caller is a directorate admin.</summary>
    public bool IsDirectorateAdmin { get; }

    /// <summary>Channel names whose published TLP:GREEN/AMBER/AMBER+STRICT objects the caller may read.</summary>
    public IReadOnlyList<string> ReadableChannels { get; }

    /// <summary>Channel names in which the caller sees everything, in every state, as a moderator.</summary>
    public IReadOnlyList<string> ModeratedChannels { get; }

    /// <summary>True when the caller may read published GREEN to AMBER+STRICT objects of <paramref name="channel"/>.</summary>
    public bool CanRead(string channel) => ReadableChannels.Contains(channel, StringComparer.Ordinal);

    /// <summary>True when the caller moderates <paramref name="channel"/>.</summary>
    public bool Moderates(string channel) => ModeratedChannels.Contains(channel, StringComparer.Ordinal);
}
