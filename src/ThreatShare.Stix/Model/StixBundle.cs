using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary>
/// A STIX <c>bundle</c>: a collection of arbitrary STIX objects for transport. A bundle is not a STIX object
/// itself (it has no <c>spec_version</c>, <c>created</c> or <c>modified</c>) and has no meaning of its own.
/// </summary>
[JsonConverter(typeof(StixBundleJsonConverter))]
public sealed record StixBundle
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "bundle";

    /// <summary>Always <c>bundle</c>.</summary>
#pragma warning disable CA1822 // An instance member on purpose: it mirrors StixObject.Type.
    public string Type => TypeName;
#pragma warning restore CA1822

    /// <summary>The bundle identifier, <c>bundle--UUID</c>.</summary>
    public required StixIdentifier Id { get; init; }

    /// <summary>The objects, in their original order; empty when the bundle has no <c>objects</c>.</summary>
    public IReadOnlyList<StixObject> Objects { get; init; } = [];

    /// <summary>Properties not modelled here (e.g. a STIX 2.0 <c>spec_version</c>), as raw JSON in their original order.</summary>
    public IReadOnlyDictionary<string, JsonElement>? CustomProperties { get; init; }

    /// <summary>Creates a bundle with a new random identifier.</summary>
    public static StixBundle Create(IEnumerable<StixObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        return new StixBundle { Id = StixIdentifier.NewId(TypeName), Objects = [.. objects] };
    }
}
