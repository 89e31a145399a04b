using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Alerts;

/// <summary>
/// The alert streams and who may read them. A stream's every alert is visible to every reader of
/// the stream: published, revoked and sighting alerts of a channel below TLP:RED go to the channel's
/// stream; TLP:RED items and moderation decisions go to the organizations' own streams; pending
/// items go to the moderators of the channel.
/// </summary>
public static class AlertStreams
{
    /// <summary>The stream of the <c>national</c> channel (kind <c>national</c>).</summary>
    public const string National = "national";

    /// <summary>Prefix of channel streams.</summary>
    public const string ChannelPrefix = "channel:";

    /// <summary>Prefix of organization streams.</summary>
    public const string OrganizationPrefix = "org:";

    /// <summary>Prefix of moderation streams.</summary>
    public const string ModerationPrefix = "moderation:";

    /// <summary>The stream of published alerts of <paramref name="channel"/>.</summary>
    public static string ForChannel(string channel) => channel == Channel.NationalName ? National : ChannelPrefix + channel;

    /// <summary>The stream of an organization (TLP:RED items it receives or sent, its moderation decisions).</summary>
    public static string ForOrganization(string slug) => OrganizationPrefix + slug;

    /// <summary>The moderation stream of a channel: <c>moderation:&lt;sector&gt;</c>, <c>moderation:cross-sector</c>, <c>moderation:national</c>.</summary>
    public static string ForModeration(string channel) =>
        ModerationPrefix + (channel.StartsWith(Channel.SectorPrefix, StringComparison.Ordinal) ? channel[Channel.SectorPrefix.Length..] : channel);

    /// <summary>May <paramref name="reader"/> (of organization <paramref name="organizationSlug"/>) read <paramref name="stream"/>?</summary>
    public static bool MayRead(Reader reader, string organizationSlug, string stream)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(stream);
        if (stream == National)
        {
            return true;
        }
        if (stream.StartsWith(ChannelPrefix, StringComparison.Ordinal))
        {
            string channel = stream[ChannelPrefix.Length..];
            return channel != Channel.NationalName && Channel.TryParse(channel, out _) && reader.ReadsChannel(channel);
        }
        if (stream.StartsWith(OrganizationPrefix, StringComparison.Ordinal))
        {
            // TLP:RED reaches its recipients and its submitter only: an organization's stream is its own.
            return stream[OrganizationPrefix.Length..] == organizationSlug;
        }
        if (stream.StartsWith(ModerationPrefix, StringComparison.Ordinal))
        {
            string scope = stream[ModerationPrefix.Length..];
            string channel = scope is Channel.CrossSectorName or Channel.NationalName ? scope : Channel.SectorPrefix + scope;
            return Channel.TryParse(channel, out _) && (reader.IsDirectorateAdmin || reader.Moderates(channel));
        }
        return false;
    }

    /// <summary>Every stream <paramref name="reader"/> reads, given the sectors that exist.</summary>
    public static IReadOnlyList<string> Of(Reader reader, string organizationSlug, IEnumerable<string> sectors)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        string[] all = [National, ForOrganization(organizationSlug),
            .. sectors.Select(s => ForChannel(Channel.SectorPrefix + s)), ForChannel(Channel.CrossSectorName),
            .. sectors.Select(s => ForModeration(Channel.SectorPrefix + s)), ForModeration(Channel.CrossSectorName), ForModeration(Channel.NationalName)];
        return [.. all.Distinct(StringComparer.Ordinal).Where(s => MayRead(reader, organizationSlug, s))];
    }
}
