using System.Text;
using System.Text.Json;
using ThreatShare.Stix;

namespace ThreatShare.Server.Features.Organizations;

/// <summary>The STIX <c>identity</c> object that stands for an organization as <c>created_by_ref</c>.</summary>
internal static class OrganizationIdentity
{
    public static (string Id, string Json) Create(string name, DateTimeOffset now)
    {
        var id = StixIdentifier.NewId("identity");
        string created = StixTimestamp.FromDateTimeOffset(now).ToString();
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "identity");
            w.WriteString("spec_version", "2.1");
            w.WriteString("id", id.Value);
            w.WriteString("created", created);
            w.WriteString("modified", created);
            w.WriteString("name", name);
            w.WriteString("identity_class", "organization");
            w.WriteEndObject();
        }
        return (id.Value, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
