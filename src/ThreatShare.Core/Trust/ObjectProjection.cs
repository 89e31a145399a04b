using ThreatShare.Core.Storage;
using ThreatShare.Stix;

namespace ThreatShare.Core.Trust;

/// <summary>
/// What a reader is shown of a stored object it may see (the visibility decision has already said
/// yes): the object in the library's stable property order, with an anonymized publication's
/// <c>created_by_ref</c> replaced by the directorate's identity for every reader except the
/// submitter and the directorate itself.
/// </summary>
public static class ObjectProjection
{
    /// <summary>The JSON shown to <paramref name="reader"/>.</summary>
    /// <param name="row">The stored object.</param>
    /// <param name="reader">Who reads.</param>
    /// <param name="readerIsDirectorate">The reader belongs to the directorate organization.</param>
    /// <param name="directorateIdentityId">The directorate's STIX identity id.</param>
    public static string Render(StoredObject row, Reader reader, bool readerIsDirectorate, string directorateIdentityId)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(reader);
        var obj = StixJson.Deserialize(row.Json);
        if (row.Anonymous && !readerIsDirectorate && row.SubmitterOrganizationId != reader.OrganizationId)
        {
            obj = Attribution.With(obj, StixIdentifier.Parse(directorateIdentityId));
        }
        return StixJson.Serialize(obj);
    }

    /// <summary>The object JSON with <c>created_by_ref</c> set to <paramref name="identityId"/> (an anonymized publication, an unnamed sighting).</summary>
    public static string AttributedTo(string json, string identityId) =>
        StixJson.Serialize(Attribution.With(StixJson.Deserialize(json), StixIdentifier.Parse(identityId)));
}
