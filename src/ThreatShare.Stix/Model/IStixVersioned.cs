namespace ThreatShare.Stix;

/// <summary>An object that is versioned by its <c>modified</c> timestamp (SDOs, SROs, language content, extension definitions).</summary>
public interface IStixVersioned
{
    /// <summary>When the first version of the object was created.</summary>
    StixTimestamp Created { get; }

    /// <summary>When this version of the object was made; later than or equal to <see cref="Created"/>.</summary>
    StixTimestamp Modified { get; }

    /// <summary>Whether the object is revoked (no longer valid); a revoked object gets no further versions.</summary>
    bool? Revoked { get; }

    /// <summary>A copy with another <c>modified</c>; callers use <see cref="StixVersioning.NewVersion{T}(T, StixTimestamp)"/>, which checks it.</summary>
    internal StixObject WithModified(StixTimestamp modified);

    /// <summary>A copy with <c>revoked</c> set to true.</summary>
    internal StixObject WithRevoked();
}
