using System.Linq.Expressions;
using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Trust;

/// <summary>
/// The one visibility decision: may this reader see this stored object? Every read path (REST,
/// TAXII, live alerts, lookup, export, web page) asks it, in one of its two forms, which must agree
/// (a property-based test proves they do):
/// <see cref="CanSee(Reader, StoredObject)"/> for one object in memory, and <see cref="VisibleTo"/> (built on <see cref="Filter"/>) as a query filter so
/// that lists are filtered in the database before paging.
/// </summary>
/// <remarks>
/// The rule (docs/DESIGN.md, "Visibility"): a directorate admin sees everything; the submitting
/// organization sees its own submissions in every state; a moderator sees everything in the
/// channels it moderates; anyone else sees only published objects: TLP:CLEAR when it is a member
/// organization, TLP:GREEN to AMBER+STRICT when it may read the channel, TLP:RED when it is a
/// named recipient.
/// </remarks>
public static class Visibility
{
    /// <summary>The decision for one object. <paramref name="recipients"/> are the object's TLP:RED recipients.</summary>
    public static bool CanSee(this Reader reader, string channel, Tlp tlp, Guid submitter, SubmissionState state, IEnumerable<Guid> recipients)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(recipients);
        if (reader.IsDirectorateAdmin || submitter == reader.OrganizationId || reader.Moderates(channel))
        {
            return true;
        }
        if (state != SubmissionState.Published)
        {
            return false;
        }
        return tlp switch
        {
            Tlp.Clear => true,
            Tlp.Green or Tlp.Amber or Tlp.AmberStrict => reader.CanRead(channel),
            Tlp.Red => recipients.Contains(reader.OrganizationId),
            _ => false, // an unknown level is never visible
        };
    }

    /// <summary>The decision for one stored object (its <see cref="StoredObject.Recipients"/> must be loaded).</summary>
    public static bool CanSee(this Reader reader, StoredObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return reader.CanSee(obj.Channel, obj.Tlp, obj.SubmitterOrganizationId, obj.State, obj.Recipients.Select(r => r.OrganizationId));
    }

    /// <summary>The decision as a filter the database evaluates.</summary>
    public static Expression<Func<StoredObject, bool>> Filter(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsDirectorateAdmin)
        {
            return o => true;
        }
        // Locals, not reader members, so the query provider sees plain parameters.
        Guid org = reader.OrganizationId;
        string[] readable = [.. reader.ReadableChannels];
        string[] moderated = [.. reader.ModeratedChannels];
        return o => o.SubmitterOrganizationId == org
            || moderated.Contains(o.Channel)
            || (o.State == SubmissionState.Published
                && (o.Tlp == Tlp.Clear
                    || ((o.Tlp == Tlp.Green || o.Tlp == Tlp.Amber || o.Tlp == Tlp.AmberStrict) && readable.Contains(o.Channel))
                    || (o.Tlp == Tlp.Red && o.Recipients.Any(r => r.OrganizationId == org))));
    }

    /// <summary>True when <paramref name="reader"/> reads a channel at all: as a member, as its moderator, or as a directorate admin.</summary>
    public static bool ReadsChannel(this Reader reader, string channel)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDirectorateAdmin || reader.CanRead(channel) || reader.Moderates(channel);
    }

    /// <summary>
    /// May <paramref name="reader"/> see a submission (its state, findings and object list)? A
    /// submission is the submitter's business and its moderators': stricter than its objects, which
    /// other readers may see once published.
    /// </summary>
    public static bool CanSeeSubmission(this Reader reader, Guid submitter, string channel)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDirectorateAdmin || submitter == reader.OrganizationId || reader.Moderates(channel);
    }

    /// <summary>Filters a query of stored objects to those <paramref name="reader"/> may see.</summary>
    public static IQueryable<StoredObject> VisibleTo(this IQueryable<StoredObject> objects, Reader reader) => objects.Where(Filter(reader));
}
