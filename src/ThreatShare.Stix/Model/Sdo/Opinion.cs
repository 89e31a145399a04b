using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary><c>opinion</c>: an assessment of the correctness of other objects by a producer.</summary>
public sealed record Opinion : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "opinion";

    /// <summary>Creates an empty <c>opinion</c>; set the required properties with an object initializer.</summary>
    public Opinion() : base(TypeName)
    {
    }

    /// <summary>Why the producer holds this opinion.</summary>
    public string? Explanation { get; init; }

    /// <summary>Names of the authors.</summary>
    public IReadOnlyList<string>? Authors { get; init; }

    /// <summary>The opinion (closed vocabulary <c>opinion-enum</c>: <c>strongly-disagree</c> ... <c>strongly-agree</c>).</summary>
    [JsonPropertyName("opinion")]
    public required string OpinionValue { get; init; }

    /// <summary>The STIX objects the opinion refers to.</summary>
    public required IReadOnlyList<StixIdentifier> ObjectRefs { get; init; }
}
