using Microsoft.AspNetCore.Identity;

namespace ThreatShare.Core.Storage;

/// <summary>A person: a member of exactly one organization. Roles are ASP.NET Core Identity roles (see <see cref="Roles"/>).</summary>
public sealed class UserAccount : IdentityUser<Guid>
{
    /// <summary>The user's organization.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>A disabled user cannot sign in and its tokens stop working.</summary>
    public bool Disabled { get; set; }

    /// <summary>When the account was created (server time, UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The 30-second time step of the last authenticator code accepted: a code is accepted once (RFC 6238, 5.2).</summary>
    public long? LastTotpStep { get; set; }
}

/// <summary>The role names of DESIGN.md.</summary>
public static class Roles
{
    /// <summary>A company's security team member.</summary>
    public const string Analyst = "analyst";

    /// <summary>A company's lead: analyst plus user and API client management.</summary>
    public const string OrgAdmin = "org-admin";

    /// <summary>Directorate staff scoped to sectors.</summary>
    public const string Moderator = "moderator";

    /// <summary>Directorate operators: everything.</summary>
    public const string DirectorateAdmin = "directorate-admin";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Analyst, OrgAdmin, Moderator, DirectorateAdmin];

    /// <summary>Roles that must use multi-factor authentication.</summary>
    public static IReadOnlyList<string> RequiringMfa { get; } = [Moderator, DirectorateAdmin];
}

/// <summary>An organization's tool (SIEM, firewall, TIP) that signs in with OAuth client credentials.</summary>
public sealed class ApiClient
{
    /// <summary>The OAuth client id (also the OpenIddict application's client id).</summary>
    public required string ClientId { get; set; }

    /// <summary>The organization the client acts for; never more than it may.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>Granted scopes, space separated (<c>stix.read stix.write alerts</c>).</summary>
    public required string Scopes { get; set; }

    /// <summary>A disabled client gets no tokens and its tokens stop working.</summary>
    public bool Disabled { get; set; }

    /// <summary>When it was created (server time, UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>OAuth scopes granted to API clients.</summary>
public static class ApiScopes
{
    /// <summary>Read STIX objects (REST, TAXII).</summary>
    public const string StixRead = "stix.read";

    /// <summary>Submit STIX objects.</summary>
    public const string StixWrite = "stix.write";

    /// <summary>Receive live alerts.</summary>
    public const string Alerts = "alerts";

    /// <summary>Act on the moderation queue (directorate clients only, for automation; same limits as moderators).</summary>
    public const string Moderation = "moderation";

    /// <summary>
    /// Pull bulk exports meant for redistribution (a feed to the organization's community or customers):
    /// a token with this scope is a feed token and receives TLP:CLEAR and GREEN only.
    /// </summary>
    public const string Feeds = "feeds";

    /// <summary>Scopes an organization may grant its clients.</summary>
    public static IReadOnlyList<string> ClientGrantable { get; } = [StixRead, StixWrite, Alerts, Feeds];

    /// <summary>Scopes the directorate may grant its own clients.</summary>
    public static IReadOnlyList<string> DirectorateGrantable { get; } = [StixRead, StixWrite, Alerts, Feeds, Moderation];

    /// <summary>What an organization's clients may be granted.</summary>
    public static IReadOnlyList<string> GrantableTo(bool directorate) => directorate ? DirectorateGrantable : ClientGrantable;
}
