using System.Text.Json;

namespace ThreatShare.Stix;

/// <summary>Deterministic identifiers for typed cyber-observable objects (see <see cref="ScoIdentifiers"/>).</summary>
public static class ScoIdentifierExtensions
{
    // Stands in for a missing id while the object is written to JSON; the id never contributes to itself.
    private static readonly Guid Placeholder = new("00000000-0000-4000-8000-000000000000");

    /// <summary>
    /// The identifier this SCO should have according to its ID contributing properties: a UUIDv5 when at least one
    /// is present, else a new random UUIDv4. The object's current <see cref="StixObject.Id"/> plays no part, so an
    /// object built with <c>Id = default</c> can be given its id: <c>obj with { Id = obj.ComputeId() }</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A contributing property cannot be canonicalized.</exception>
    public static StixIdentifier ComputeId(this StixCyberObservable sco)
    {
        ArgumentNullException.ThrowIfNull(sco);
        var probe = sco.Id.Value is null ? sco with { Id = StixIdentifier.Create(sco.Type, Placeholder) } : sco;
        using var json = JsonDocument.Parse(StixJson.SerializeToUtf8Bytes(probe));
        return ScoIdentifiers.Compute(json.RootElement);
    }

    /// <summary>A copy of the SCO carrying the identifier of <see cref="ComputeId"/>.</summary>
    /// <typeparam name="T">The SCO type.</typeparam>
    /// <exception cref="ArgumentException">A contributing property cannot be canonicalized.</exception>
    public static T WithComputedId<T>(this T sco)
        where T : StixCyberObservable
    {
        ArgumentNullException.ThrowIfNull(sco);
        // The copy keeps the runtime type: records clone virtually.
        return (T)(((StixCyberObservable)sco) with { Id = sco.ComputeId() });
    }
}
