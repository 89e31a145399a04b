using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Features.Identity;

/// <summary>
/// The product's own sign-in pages: password, then TOTP for accounts that have it, and TOTP
/// enrolment for moderators and administrators who have none yet. Plain server-rendered HTML with
/// antiforgery tokens; every failure shows the same neutral message and counts toward lockout.
/// </summary>
internal static class AccountPages
{
    public const string LoginPath = "/account/login";
    public const string TotpPath = "/account/totp";
    public const string MfaPath = "/account/mfa";

    private const string Neutral = "Invalid user name or password.";

    public sealed record LoginForm(string? UserName, string? Password, string? ReturnUrl);

    public sealed record CodeForm(string? Code, string? ReturnUrl);

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapGet("/login", (HttpContext http, IAntiforgery af, string? returnUrl) => LoginPage(http, af, returnUrl, null));
        group.MapPost("/login", LoginAsync);
        group.MapGet("/totp", (HttpContext http, IAntiforgery af, string? returnUrl) => CodePage(http, af, TotpPath, "Authenticator code", "Enter the 6-digit code from your authenticator app.", returnUrl, null));
        group.MapPost("/totp", TotpAsync);
        group.MapGet("/mfa", EnrolPageAsync);
        group.MapPost("/mfa", EnrolAsync);
        return app;
    }

    private static async Task<IResult> LoginAsync([FromForm] LoginForm form, HttpContext http, IAntiforgery af, UserManager<UserAccount> users, SignInManager<UserAccount> signIn,
        AuditLog audit, ThreatShareDb db, CancellationToken ct)
    {
        string returnUrl = LocalOrRoot(form.ReturnUrl);
        var user = string.IsNullOrEmpty(form.UserName) ? null : await users.FindByNameAsync(form.UserName);
        if (user is null || user.Disabled || string.IsNullOrEmpty(form.Password))
        {
            string reason = user is null ? "unknown user" : user.Disabled ? "disabled" : "no password";
            await IdentityAudit.SignInAsync(audit, db, user, form.UserName, "password", user?.Disabled == true ? AuditOutcome.Denied : AuditOutcome.Failure, reason, ct);
            return LoginPage(http, af, returnUrl, Neutral);
        }
        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        await IdentityAudit.SignInAsync(audit, db, user, form.UserName, "password",
            result.Succeeded || result.RequiresTwoFactor ? AuditOutcome.Success : result.IsLockedOut ? AuditOutcome.Denied : AuditOutcome.Failure,
            result.RequiresTwoFactor ? "authenticator code next" : result.IsLockedOut ? "locked out" : result.Succeeded ? null : "wrong password", ct);
        if (result.RequiresTwoFactor)
        {
            return Results.Redirect(TotpPath + QueryString.Create("returnUrl", returnUrl));
        }
        if (result.IsLockedOut)
        {
            return LoginPage(http, af, returnUrl, "Too many failed attempts: the account is locked for a while.");
        }
        return result.Succeeded ? Results.Redirect(returnUrl) : LoginPage(http, af, returnUrl, Neutral);
    }

    private static async Task<IResult> TotpAsync([FromForm] CodeForm form, HttpContext http, IAntiforgery af, SignInManager<UserAccount> signIn,
        AuditLog audit, ThreatShareDb db, CancellationToken ct)
    {
        string returnUrl = LocalOrRoot(form.ReturnUrl);
        string code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        await IdentityAudit.SignInAsync(audit, db, user, null, "authenticator",
            result.Succeeded ? AuditOutcome.Success : result.IsLockedOut ? AuditOutcome.Denied : AuditOutcome.Failure,
            result.Succeeded ? null : user is null ? "no password step before" : result.IsLockedOut ? "locked out" : "wrong or used code", ct);
        if (result.Succeeded)
        {
            return Results.Redirect(returnUrl);
        }
        string message = result.IsLockedOut ? "Too many failed attempts: the account is locked for a while." : "That code is not valid.";
        return CodePage(http, af, TotpPath, "Authenticator code", "Enter the 6-digit code from your authenticator app.", returnUrl, message);
    }

    private static async Task<IResult> EnrolPageAsync(HttpContext http, IAntiforgery af, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, string? returnUrl)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect(LoginPath + QueryString.Create("returnUrl", LocalOrRoot(returnUrl)));
        }
        if (user.TwoFactorEnabled)
        {
            // Enrolled already: the session lacks the second factor, so sign in again with it.
            await signIn.SignOutAsync();
            return Results.Redirect(LoginPath + QueryString.Create("returnUrl", LocalOrRoot(returnUrl)));
        }
        string? key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        string uri = $"otpauth://totp/ThreatShare:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer=ThreatShare&digits=6";
        return CodePage(http, af, MfaPath, "Set up your authenticator",
            $"Your role requires a second factor. Add this key to an authenticator app, then enter the code it shows. Key: <code id=\"totp-key\">{Encode(key)}</code> <br><small>{Encode(uri)}</small>",
            LocalOrRoot(returnUrl), null, rawIntro: true);
    }

    private static async Task<IResult> EnrolAsync([FromForm] CodeForm form, HttpContext http, IAntiforgery af, UserManager<UserAccount> users, SignInManager<UserAccount> signIn,
        AuditLog audit, ThreatShareDb db, CancellationToken ct)
    {
        string returnUrl = LocalOrRoot(form.ReturnUrl);
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect(LoginPath + QueryString.Create("returnUrl", returnUrl));
        }
        string code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (user.TwoFactorEnabled || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await IdentityAudit.SignInAsync(audit, db, user, null, "enrolment", AuditOutcome.Failure, user.TwoFactorEnabled ? "already enrolled" : "wrong code", ct);
            return CodePage(http, af, MfaPath, "Set up your authenticator", "That code is not valid. Enter the code your authenticator app shows now.", returnUrl, "That code is not valid.");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await IdentityAudit.SignInAsync(audit, db, user, null, "enrolment", AuditOutcome.Success, null, ct);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", AuthorizeEndpoint.MfaMethod)]);
        return Results.Redirect(returnUrl);
    }

    private static IResult LoginPage(HttpContext http, IAntiforgery af, string? returnUrl, string? error)
    {
        var tokens = af.GetAndStoreTokens(http);
        return Page("Sign in", error, $"""
            <form method="post" action="{LoginPath}">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? "")}">
              <input type="hidden" name="ReturnUrl" value="{Encode(LocalOrRoot(returnUrl))}">
              <label>User name <input name="UserName" autocomplete="username" required autofocus></label>
              <label>Password <input name="Password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            """);
    }

    private static IResult CodePage(HttpContext http, IAntiforgery af, string action, string title, string intro, string? returnUrl, string? error, bool rawIntro = false)
    {
        var tokens = af.GetAndStoreTokens(http);
        return Page(title, error, $"""
            <p>{(rawIntro ? intro : Encode(intro))}</p>
            <form method="post" action="{action}">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? "")}">
              <input type="hidden" name="ReturnUrl" value="{Encode(LocalOrRoot(returnUrl))}">
              <label>Code <input name="Code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,8}" required autofocus></label>
              <button type="submit">Verify</button>
            </form>
            """);
    }

    private static IResult Page(string title, string? error, string body) => Results.Content($"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · ThreatShare</title>
        <style>body{"{"}font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem{"}"}label{"{"}display:block;margin:.8rem 0{"}"}input{"{"}display:block;width:100%;padding:.4rem{"}"}.error{"{"}color:#b00020{"}"}</style>
        </head><body>
        <h1>{Encode(title)}</h1>
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Encode(error)}</p>")}
        {body}
        </body></html>
        """, "text/html; charset=utf-8");

    /// <summary>Only local paths are followed after sign-in (no open redirect).</summary>
    internal static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
