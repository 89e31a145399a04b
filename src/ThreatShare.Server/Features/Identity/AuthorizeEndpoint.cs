using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ThreatShare.Core.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThreatShare.Server.Features.Identity;

/// <summary>
/// The authorization endpoint for people (authorization code + PKCE): the person signs in on the
/// product's own page (password, then TOTP where required), and the endpoint issues the code.
/// </summary>
internal static class AuthorizeEndpoint
{
    /// <summary>The <c>amr</c> value ASP.NET Core Identity sets after a second-factor sign-in.</summary>
    public const string MfaMethod = "mfa";

    public static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<UserAccount> users, ThreatShareDb db, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        string here = http.Request.PathBase + http.Request.Path + QueryString.Create(
            http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList());
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }
            return Results.Challenge(new AuthenticationProperties { RedirectUri = here }, [IdentityConstants.ApplicationScheme]);
        }

        var user = await users.GetUserAsync(session.Principal);
        var person = user is null ? null : await PersonClaims.LoadAsync(users, db, user, ct);
        if (person is null)
        {
            return Refuse(Errors.AccessDenied, "The account is disabled.");
        }
        if (person.RequiresMfa && !HasMfa(session.Principal))
        {
            // Moderators and administrators must present a second factor before any token is issued.
            return Results.Redirect(AccountPages.MfaPath + QueryString.Create("returnUrl", here));
        }

        var identity = person.ToIdentity();
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(PersonClaims.Destinations);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public static async Task<IResult> EndSessionAsync(HttpContext http, SignInManager<UserAccount> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<UserAccount> users, ThreatShareDb db, CancellationToken ct)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal is null ? null : await users.FindByIdAsync(result.Principal.GetClaim(Claims.Subject) ?? "");
        var person = user is null ? null : await PersonClaims.LoadAsync(users, db, user, ct);
        if (person is null)
        {
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The account is disabled.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        return Results.Ok(new Dictionary<string, object>
        {
            [Claims.Subject] = person.User.Id.ToString(),
            [Claims.Name] = person.User.UserName ?? "",
            [Claims.Role] = person.Roles,
            [CallerContext.OrganizationClaim] = person.Organization.Slug,
        });
    }

    internal static bool HasMfa(ClaimsPrincipal principal) =>
        principal.FindAll("amr").Any(c => c.Value == MfaMethod);

    internal static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

/// <summary>A person as tokens describe them, read fresh from the store at every issue and refresh.</summary>
internal sealed record PersonClaims(UserAccount User, Organization Organization, IReadOnlyList<string> Roles)
{
    public bool RequiresMfa => Roles.Any(r => Core.Storage.Roles.RequiringMfa.Contains(r));

    /// <summary>The person, or null when the user or its organization is disabled.</summary>
    public static async Task<PersonClaims?> LoadAsync(UserManager<UserAccount> users, ThreatShareDb db, UserAccount user, CancellationToken ct)
    {
        if (user.Disabled || await users.IsLockedOutAsync(user))
        {
            return null;
        }
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrganizationId, ct);
        if (org is null || org.Disabled)
        {
            return null;
        }
        return new PersonClaims(user, org, [.. await users.GetRolesAsync(user)]);
    }

    public ClaimsIdentity ToIdentity()
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, User.Id.ToString())
            .SetClaim(Claims.Name, User.UserName)
            .SetClaim(CallerContext.OrganizationClaim, Organization.Id.ToString())
            .SetClaims(Claims.Role, [.. Roles]);
        return identity;
    }

    public static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Name or Claims.Role when claim.Subject?.HasScope(Scopes.Profile) == true => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}
