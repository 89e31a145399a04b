using ThreatShare.Core.Storage;

namespace ThreatShare.Core.Trust;

/// <summary>Who receives a bulk export, as the redistribution column of DESIGN.md tells them apart.</summary>
public enum ExportAudience
{
    /// <summary>A person (web page, command line): the file can go anywhere, so only what may be shared onwards.</summary>
    Person,

    /// <summary>One of the organization's own tools: an API client with <c>stix.read</c> and without <c>feeds</c>.</summary>
    OwnTool,

    /// <summary>A feed: an API client with the <c>feeds</c> scope, republished to the organization's community or customers.</summary>
    Feed,
}

/// <summary>
/// The redistribution rule of bulk exports (DESIGN.md, "export and redistribution"), applied on top of
/// the one visibility decision and nowhere else: TLP:CLEAR and GREEN go to every audience; AMBER and
/// AMBER+STRICT only to the organization's own tools (its API clients that are not feeds); RED never
/// leaves in bulk. What is exported is, per object, the newest published version the reader may see;
/// when that version may not be redistributed, the object is left out (never an older version).
/// </summary>
public static class Redistribution
{
    /// <summary>The audience's name in records: <c>person</c>, <c>own-tool</c>, <c>feed</c>.</summary>
    public static string Name(this ExportAudience audience) => audience switch
    {
        ExportAudience.Person => "person",
        ExportAudience.OwnTool => "own-tool",
        ExportAudience.Feed => "feed",
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "unknown audience"),
    };

    /// <summary>True when <paramref name="audience"/> may receive objects of level <paramref name="tlp"/> in bulk.</summary>
    public static bool Allows(ExportAudience audience, Tlp tlp) => tlp switch
    {
        Tlp.Clear or Tlp.Green => true,
        Tlp.Amber or Tlp.AmberStrict => audience == ExportAudience.OwnTool,
        _ => false, // RED, and any unknown level, never in bulk
    };

    /// <summary>The levels <paramref name="audience"/> may receive in bulk, most open first.</summary>
    public static IReadOnlyList<Tlp> Levels(ExportAudience audience) => [.. Enum.GetValues<Tlp>().Where(t => Allows(audience, t))];

    /// <summary>
    /// The stored versions that may be exported to <paramref name="reader"/> as <paramref name="audience"/>:
    /// of each object of type <paramref name="type"/>, the newest published version the reader may see
    /// (<see cref="Visibility"/>), kept only when its level may go to the audience.
    /// </summary>
    public static IQueryable<StoredObject> Exportable(IQueryable<StoredObject> objects, Reader reader, ExportAudience audience, string type)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(reader);
        var visible = objects.VisibleTo(reader).Where(o => o.State == SubmissionState.Published && o.Type == type);
        Tlp[] levels = [.. Levels(audience)];
        return visible
            .Where(o => o.Version == visible.Where(x => x.StixId == o.StixId).Max(x => x.Version))
            .Where(o => levels.Contains(o.Tlp));
    }
}
