using System.Text.Json;

namespace ThreatShare.Stix;

/// <summary><c>observed-data</c>: raw cyber-security observations over a time window, referring to SCOs.</summary>
public sealed record ObservedData : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "observed-data";

    /// <summary>Creates an empty <c>observed-data</c>; set the required properties with an object initializer.</summary>
    public ObservedData() : base(TypeName)
    {
    }

    /// <summary>Start of the observation window.</summary>
    public required StixTimestamp FirstObserved { get; init; }

    /// <summary>End of the observation window.</summary>
    public required StixTimestamp LastObserved { get; init; }

    /// <summary>How many times the data was observed (1 to 999,999,999).</summary>
    public required int NumberObserved { get; init; }

    /// <summary>Deprecated embedded observables by local key, kept as raw JSON; use <see cref="ObjectRefs"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Objects { get; init; }

    /// <summary>The SCOs (and SROs) observed.</summary>
    public IReadOnlyList<StixIdentifier>? ObjectRefs { get; init; }
}
