namespace ThreatShare.Core.Trust;

/// <summary>Who is posting, as the write rules need to know it.</summary>
/// <param name="OrganizationId">The poster's organization.</param>
/// <param name="IsDirectorate">The organization is the directorate.</param>
/// <param name="Tier">The organization's trust tier.</param>
/// <param name="MemberSectors">Slugs of the organization's sectors.</param>
public sealed record Poster(Guid OrganizationId, bool IsDirectorate, TrustTier Tier, IReadOnlySet<string> MemberSectors);

/// <summary>Why a post is refused: a stable code, the request field it concerns, and a message.</summary>
/// <param name="Code">Stable machine-readable reason.</param>
/// <param name="Field">The request field at fault (<c>channel</c>, <c>recipients</c>).</param>
/// <param name="Message">Plain-words explanation for the poster.</param>
public sealed record WriteDenial(string Code, string Field, string Message);

/// <summary>
/// The write rules beside the visibility decision (docs/DESIGN.md, "Visibility", last list):
/// posting to <c>sector:s</c> needs membership of s, <c>national</c> needs the directorate,
/// <c>cross-sector</c> needs tier member or higher, TLP:RED needs at least one recipient that exists.
/// </summary>
public static class WriteRules
{
    /// <summary>Checks a post; returns null when it is allowed.</summary>
    /// <param name="poster">Who posts.</param>
    /// <param name="channel">Target channel.</param>
    /// <param name="tlp">TLP level of the post.</param>
    /// <param name="existingRecipients">How many of the named recipients exist (the caller resolves them; unknown names are rejected there).</param>
    public static WriteDenial? CheckPost(Poster poster, Channel channel, Tlp tlp, int existingRecipients)
    {
        ArgumentNullException.ThrowIfNull(poster);
        if (channel.Name is null)
        {
            return new("channel-unknown", "channel", "the channel does not exist");
        }
        if (channel.IsSector && !poster.MemberSectors.Contains(channel.Sector))
        {
            return new("channel-not-member", "channel", $"your organization is not a member of sector '{channel.Sector}'");
        }
        if (channel == Channel.National && !poster.IsDirectorate)
        {
            return new("channel-directorate-only", "channel", "only the directorate posts to the national channel");
        }
        if (channel == Channel.CrossSector && poster.Tier < TrustTier.Member && !poster.IsDirectorate)
        {
            return new("channel-tier", "channel", "posting to cross-sector needs trust tier 'member' or higher");
        }
        if (tlp == Tlp.Red && existingRecipients < 1)
        {
            return new("recipients-required", "recipients", "TLP:RED needs at least one recipient organization");
        }
        return null;
    }
}
