namespace ThreatShare.Stix;

/// <summary>
/// Where the writer puts each common property (<see cref="System.Text.Json.Serialization.JsonPropertyOrderAttribute"/>
/// values): the header first, the type's own properties (order 0, in declaration order) next, then the
/// optional common properties, then extensions; custom properties always come last.
/// </summary>
public static class StixPropertyOrder
{
    /// <summary><c>type</c>.</summary>
    public const int Type = -100;

    /// <summary><c>spec_version</c>.</summary>
    public const int SpecVersion = -99;

    /// <summary><c>id</c>.</summary>
    public const int Id = -98;

    /// <summary><c>created_by_ref</c>.</summary>
    public const int CreatedByRef = -97;

    /// <summary><c>created</c>.</summary>
    public const int Created = -96;

    /// <summary><c>modified</c>.</summary>
    public const int Modified = -95;

    /// <summary>The type's own properties (the default order).</summary>
    public const int Own = 0;

    /// <summary><c>revoked</c>.</summary>
    public const int Revoked = 100;

    /// <summary><c>labels</c>.</summary>
    public const int Labels = 101;

    /// <summary><c>confidence</c>.</summary>
    public const int Confidence = 102;

    /// <summary><c>lang</c>.</summary>
    public const int Lang = 103;

    /// <summary><c>external_references</c>.</summary>
    public const int ExternalReferences = 104;

    /// <summary><c>object_marking_refs</c>.</summary>
    public const int ObjectMarkingRefs = 105;

    /// <summary><c>granular_markings</c>.</summary>
    public const int GranularMarkings = 106;

    /// <summary><c>defanged</c> (cyber-observable objects).</summary>
    public const int Defanged = 107;

    /// <summary><c>extensions</c>.</summary>
    public const int Extensions = 200;
}
