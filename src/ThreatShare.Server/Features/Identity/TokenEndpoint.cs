using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThreatShare.Server.Features.Identity;

/// <summary>The token endpoint: OpenIddict has authenticated the client; this decides what the token says.</summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> ExchangeAsync(HttpContext http, ThreatShareDb db, UserManager<UserAccount> users, AuditLog audit, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId, ct);
            var org = client is null ? null : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == client.OrganizationId, ct);
            if (client is null || org is null || client.Disabled || org.Disabled)
            {
                return AuthorizeEndpoint.Refuse(Errors.InvalidClient, "The client is disabled.");
            }

            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, CallerContext.ClientSubject(client.ClientId))
                .SetClaim(Claims.Name, client.Name)
                .SetClaim(CallerContext.OrganizationClaim, org.Id.ToString());
            string[] granted = client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var requested = request.GetScopes();
            identity.SetScopes(requested.IsEmpty ? granted : requested.Intersect(granted, StringComparer.Ordinal));
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            await IdentityAudit.TokenIssuedAsync(audit, CallerContext.ClientSubject(client.ClientId), org.Slug, client.ClientId, GrantTypes.ClientCredentials, identity.GetScopes(), ct);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // OpenIddict has validated the code or refresh token; re-read the person so that a
            // disabled account or a changed role takes effect at the next refresh.
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            string? subject = granted.Principal?.GetClaim(Claims.Subject);
            var user = subject is null ? null : await users.FindByIdAsync(subject);
            var person = user is null ? null : await PersonClaims.LoadAsync(users, db, user, ct);
            if (granted.Principal is null || person is null)
            {
                return AuthorizeEndpoint.Refuse(Errors.InvalidGrant, "The account is no longer allowed to sign in.");
            }
            var identity = person.ToIdentity();
            identity.SetScopes(granted.Principal.GetScopes());
            identity.SetDestinations(PersonClaims.Destinations);
            await IdentityAudit.TokenIssuedAsync(audit, CallerContext.UserActor(person.User.Id), person.Organization.Slug, person.User.UserName ?? "", request.GrantType!, identity.GetScopes(), ct);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return AuthorizeEndpoint.Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }
}
