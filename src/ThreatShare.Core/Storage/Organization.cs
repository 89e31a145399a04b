using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Storage;

/// <summary>A member organization (a company, or the directorate itself).</summary>
public sealed class Organization
{
    /// <summary>Stable id.</summary>
    public Guid Id { get; set; }

    /// <summary>URL-safe short name, unique (<c>bank-a</c>).</summary>
    public required string Slug { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>Trust tier: decides moderation routing.</summary>
    public TrustTier Tier { get; set; }

    /// <summary>True for the directorate's own organization (exactly one).</summary>
    public bool IsDirectorate { get; set; }

    /// <summary>Id of the organization's STIX <c>identity</c> object, used as <c>created_by_ref</c>.</summary>
    public required string IdentityId { get; set; }

    /// <summary>The STIX <c>identity</c> object as JSON.</summary>
    public required string IdentityJson { get; set; }

    /// <summary>A disabled organization's users and clients get no tokens.</summary>
    public bool Disabled { get; set; }

    /// <summary>When it joined (server time, UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Sectors the organization is a member of.</summary>
    public ICollection<OrganizationSector> Sectors { get; init; } = [];
}

/// <summary>A sector community (finance, energy, …), configured by the directorate.</summary>
public sealed class Sector
{
    /// <summary>Slug, the key (<c>finance</c>); the channel is <c>sector:&lt;slug&gt;</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }
}

/// <summary>Membership of an organization in a sector.</summary>
public sealed class OrganizationSector
{
    /// <summary>The organization.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The sector slug.</summary>
    public required string SectorSlug { get; set; }
}

/// <summary>A sector a moderator moderates.</summary>
public sealed class ModeratorSector
{
    /// <summary>The moderator (user id).</summary>
    public Guid UserId { get; set; }

    /// <summary>The sector slug.</summary>
    public required string SectorSlug { get; set; }
}
