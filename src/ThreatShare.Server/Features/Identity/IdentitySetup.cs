using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using ThreatShare.Core.Storage;
using ThreatShare.Server.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThreatShare.Server.Features.Identity;

/// <summary>ASP.NET Core Identity for people, OpenIddict as the OpenID Connect server and as the API's token validation.</summary>
internal static class IdentitySetup
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string EndSessionPath = "/connect/logout";
    public const string UserInfoPath = "/connect/userinfo";

    /// <summary>The public client of the <c>threatshare</c> command (authorization code + PKCE, loopback redirect).</summary>
    public const string CliClientId = "threatshare-cli";
    public const string CliRedirectUri = "http://127.0.0.1:7890/callback";

    public static IServiceCollection AddThreatShareIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<UserAccount>(o =>
            {
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 6;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ThreatShareDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Authenticator codes are accepted once (replaces the default authenticator provider).
            .AddTokenProvider<OneTimeAuthenticator>(TokenOptions.DefaultAuthenticatorProvider);

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ThreatShareDb>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                    .SetEndSessionEndpointUris(EndSessionPath.TrimStart('/'))
                    .SetUserInfoEndpointUris(UserInfoPath.TrimStart('/'));
                o.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, ApiScopes.StixRead, ApiScopes.StixWrite, ApiScopes.Alerts, ApiScopes.Feeds, ApiScopes.Moderation);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                o.SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                // Access tokens are signed, not encrypted: they hold only ids, roles and scopes, which are no secret
                // from their holder, and an RSA decryption on every API call cost more than the rest of a lookup.
                // Refresh tokens and authorization codes stay encrypted.
                o.DisableAccessTokenEncryption();
                // Plain HTTP is accepted for loopback and TLS-terminating proxies; see SECURITY.md.
                o.AddEventHandler<OpenIddict.Server.OpenIddictServerEvents.ApplyTokenResponseContext>(h => h.UseScopedHandler<IdentityAudit.TokenErrors>());
                o.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        // Every node behind one address issues and accepts the same issuer.
        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<ServerOptions>>((o, server) => o.Issuer ??= server.Value.PublicUrl);
        services.AddOptions<KeyRingOptions>().BindConfiguration("ThreatShare:Keys");
        services.AddSingleton<KeyRingChanges>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>, KeyRingChanges.ServerSource>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddict.Validation.OpenIddictValidationOptions>, KeyRingChanges.ValidationSource>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, KeyRing.ConfigureServer>();
        services.AddScoped<KeyRing>();
        services.AddHostedService<KeyRingWatcher>();

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountPages.LoginPath;
            o.Cookie.Name = "threatshare.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
        });
        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddScoped<CallerContext>();
        return services;
    }

    public static IEndpointRouteBuilder MapThreatShareIdentity(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenPath, TokenEndpoint.ExchangeAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods(AuthorizePath, ["GET", "POST"], AuthorizeEndpoint.AuthorizeAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods(EndSessionPath, ["GET", "POST"], AuthorizeEndpoint.EndSessionAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods(UserInfoPath, ["GET", "POST"], AuthorizeEndpoint.UserInfoAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapAccountPages();
        return app;
    }
}
