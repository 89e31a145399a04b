using ThreatShare.Stix;

namespace ThreatShare.Core.Trust;

/// <summary><c>created_by_ref</c> of the object kinds that carry one (domain, relationship and meta objects).</summary>
internal static class Attribution
{
    public static StixIdentifier? Of(StixObject obj) => obj switch
    {
        StixDomainObject d => d.CreatedByRef,
        StixRelationshipObject r => r.CreatedByRef,
        StixMetaObject m => m.CreatedByRef,
        _ => null,
    };

    /// <summary>A copy attributed to <paramref name="author"/>; objects without the property are returned as they are.</summary>
    public static StixObject With(StixObject obj, StixIdentifier author) => obj switch
    {
        StixDomainObject d => d with { CreatedByRef = author },
        StixRelationshipObject r => r with { CreatedByRef = author },
        StixMetaObject m => m with { CreatedByRef = author },
        _ => obj,
    };
}
