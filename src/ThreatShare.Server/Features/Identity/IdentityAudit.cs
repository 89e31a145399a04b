using Microsoft.EntityFrameworkCore;
using OpenIddict.Server;
using ThreatShare.Core.Audit;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Features.Identity;

/// <summary>Audit records of sign-ins and tokens.</summary>
internal static class IdentityAudit
{
    /// <summary>
    /// A sign-in step (<c>password</c>, <c>authenticator</c>, <c>enrolment</c>) of <paramref name="user"/>,
    /// or of the name typed when no such user exists.
    /// </summary>
    public static async Task SignInAsync(AuditLog audit, ThreatShareDb db, UserAccount? user, string? typedName, string step, string outcome, string? reason, CancellationToken ct)
    {
        string? organization = user is null ? null : await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.Slug).FirstOrDefaultAsync(ct);
        string who = user is null ? "anonymous" : CallerContext.UserActor(user.Id);
        await audit.AppendAsync(who, organization, AuditActions.SignIn, user?.UserName ?? typedName, outcome, new { step, reason }, ct);
    }

    /// <summary>A token issued at the token endpoint to <paramref name="target"/> (a client id, or a person's user name).</summary>
    public static Task TokenIssuedAsync(AuditLog audit, string who, string organization, string target, string grant, IEnumerable<string> scopes, CancellationToken ct) =>
        audit.AppendAsync(who, organization, AuditActions.Token, target, AuditOutcome.Success, new { grant, scopes }, ct);

    /// <summary>
    /// Records every error answer of the token endpoint: a wrong client secret, a used or expired code,
    /// a disabled client. They are refused by OpenIddict before the product's own handler runs.
    /// </summary>
    public sealed class TokenErrors(AuditLog audit) : IOpenIddictServerHandler<OpenIddictServerEvents.ApplyTokenResponseContext>
    {
        public async ValueTask HandleAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (string.IsNullOrEmpty(context.Response.Error))
            {
                return;
            }
            string? client = context.Request?.ClientId;
            await audit.AppendAsync(client is null ? "anonymous" : CallerContext.ClientSubject(client), null, AuditActions.Token, client, AuditOutcome.Failure,
                new { grant = context.Request?.GrantType, error = context.Response.Error, description = context.Response.ErrorDescription }, CancellationToken.None);
        }
    }
}
