namespace ThreatShare.Stix;

/// <summary><c>location</c>: a geographic location, by coordinates, region, country or address.</summary>
public sealed record Location : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "location";

    /// <summary>Creates an empty <c>location</c>; set the required properties with an object initializer.</summary>
    public Location() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the location.</summary>
    public string? Name { get; init; }

    /// <summary>More details and context about the location.</summary>
    public string? Description { get; init; }

    /// <summary>Latitude in decimal degrees (-90 to 90); <c>decimal</c> so the written digits are kept.</summary>
    public decimal? Latitude { get; init; }

    /// <summary>Longitude in decimal degrees (-180 to 180).</summary>
    public decimal? Longitude { get; init; }

    /// <summary>Precision of the coordinates, in meters.</summary>
    public decimal? Precision { get; init; }

    /// <summary>Region (open vocabulary <c>region-ov</c>).</summary>
    public string? Region { get; init; }

    /// <summary>Country (ISO 3166-1 alpha-2 code recommended).</summary>
    public string? Country { get; init; }

    /// <summary>State, province or other sub-national area.</summary>
    public string? AdministrativeArea { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>Street address.</summary>
    public string? StreetAddress { get; init; }

    /// <summary>Postal code.</summary>
    public string? PostalCode { get; init; }
}
