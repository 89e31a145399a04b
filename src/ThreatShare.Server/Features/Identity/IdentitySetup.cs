using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using ThreatShare.Core.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThreatShare.Server.Features.Identity;

/// <summary>ASP.NET Core Identity for people, OpenIddict as the OpenID Connect server and as the API's token validation.</summary>
internal static class IdentitySetup
{
    public const string TokenPath = "/connect/token";

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
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ThreatShareDb>()
            .AddDefaultTokenProviders();

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ThreatShareDb>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                o.AllowClientCredentialsFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess,
                    ApiScopes.StixRead, ApiScopes.StixWrite, ApiScopes.Alerts);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                o.SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                // Plain HTTP is accepted only behind a TLS-terminating proxy or on loopback in tests; see SECURITY.md.
                o.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, KeyRing.ConfigureServer>();
        services.AddScoped<KeyRing>();

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        services.AddAuthorization();
        services.AddScoped<CallerContext>();
        return services;
    }

    public static IEndpointRouteBuilder MapThreatShareIdentity(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenPath, TokenEndpoint.ExchangeAsync).ExcludeFromDescription();
        return app;
    }
}
