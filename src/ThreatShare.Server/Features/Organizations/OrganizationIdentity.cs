using ThreatShare.Stix;

namespace ThreatShare.Server.Features.Organizations;

/// <summary>The STIX <c>identity</c> object that stands for an organization as <c>created_by_ref</c>.</summary>
internal static class OrganizationIdentity
{
    public static (string Id, string Json) Create(string name, DateTimeOffset now)
    {
        var created = StixTimestamp.FromDateTimeOffset(now);
        var identity = new Stix.Identity
        {
            Id = StixIdentifier.NewId(Stix.Identity.TypeName),
            Created = created,
            Modified = created,
            Name = name,
            IdentityClass = "organization",
        };
        return (identity.Id.Value, StixJson.Serialize(identity));
    }
}
