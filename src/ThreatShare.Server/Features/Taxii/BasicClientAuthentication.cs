using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Features.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThreatShare.Server.Features.Taxii;

/// <summary>
/// HTTP Basic with an API client's id and secret, for TAXII tools that cannot fetch a token. The
/// secret is checked by OpenIddict's application manager, as at the token endpoint, and the
/// principal is the one a client-credentials token carries: the client's subject, its organization,
/// and the scopes the client was granted. A refused attempt is audited like a refused token request.
/// </summary>
internal sealed class BasicClientAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOpenIddictApplicationManager applications,
    ThreatShareDb db,
    AuditLog audit)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TaxiiBasic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("malformed Basic credentials");
        }
        int colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1)
        {
            return AuthenticateResult.Fail("malformed Basic credentials");
        }
        string clientId = pair[..colon], secret = pair[(colon + 1)..];
        var ct = Context.RequestAborted;

        var application = await applications.FindByClientIdAsync(clientId, ct);
        var client = application is null ? null : await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        var org = client is null ? null : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == client.OrganizationId, ct);
        if (application is null || client is null || org is null || client.Disabled || org.Disabled
            || !await applications.ValidateClientSecretAsync(application, secret, ct))
        {
            // Only ids that exist are named in the record, as at the token endpoint.
            await audit.AppendAsync(client is null ? "anonymous" : CallerContext.ClientSubject(clientId), org?.Slug, AuditActions.Token, client?.ClientId,
                AuditOutcome.Failure, new { grant = "taxii-basic", error = "invalid_client" }, CancellationToken.None);
            return AuthenticateResult.Fail("invalid client credentials");
        }

        var identity = new ClaimsIdentity(SchemeName, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, CallerContext.ClientSubject(client.ClientId))
            .SetClaim(Claims.Name, client.Name)
            .SetClaim(CallerContext.OrganizationClaim, org.Id.ToString());
        identity.SetScopes(client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
