namespace ThreatShare.Core.Trust;

/// <summary>
/// Who may act on a submission as a moderator, beside the visibility decision: a moderator of the
/// submission's channel or a directorate admin, and never on a submission of its own organization.
/// </summary>
public static class ModerationRules
{
    /// <summary>Null when <paramref name="reader"/> may moderate a submission of <paramref name="submitter"/> in <paramref name="channel"/>, else why not.</summary>
    public static string? Check(Reader reader, Guid submitter, string channel)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.IsDirectorateAdmin && !reader.Moderates(channel))
        {
            return "only the moderators of the submission's channel and directorate admins moderate it";
        }
        return submitter == reader.OrganizationId ? "a moderator never acts on a submission of its own organization" : null;
    }
}
