using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThreatShare.Core.Storage;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Identity;

/// <summary>Authorization code + PKCE for people, over real HTTP, with the TOTP step for moderators.</summary>
public abstract class AuthorizationCodeSuite : NodeSuite
{
    private const string Scope = "openid profile offline_access stix.read";
    private JsonElement User(string name) =>
        Node.Credentials.GetProperty("users").EnumerateArray().First(u => u.GetProperty("username").GetString() == name);

    private string Password(string name) => User(name).GetProperty("password").GetString()!;

    [Fact]
    public async Task Analyst_SignsIn_WithPassword_AndGetsTokens()
    {
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        string code = await browser.SignInAsync("bank-a-analyst", Password("bank-a-analyst"), null, Scope);

        using var redeemed = await browser.RedeemAsync(code);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var tokens = await BrowserlessSignIn.JsonAsync(redeemed);
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        Assert.True(tokens.TryGetProperty("id_token", out _));

        using var api = Node.ClientWith(tokens.GetProperty("access_token").GetString()!);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("user", me.GetProperty("kind").GetString());
        Assert.Equal("bank-a", me.GetProperty("organization").GetProperty("slug").GetString());
        Assert.Equal(["analyst"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Moderator_CannotGetACode_WithPasswordAlone()
    {
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        string authorize = browser.AuthorizeUrl(Scope);
        using var toLogin = await browser.GetAsync(authorize);
        using var afterPassword = await browser.SubmitFormAsync(BrowserlessSignIn.PathAndQuery(toLogin.Headers.Location!),
            new Dictionary<string, string> { ["UserName"] = "finance-moderator", ["Password"] = Password("finance-moderator") });
        Assert.StartsWith("/account/totp", BrowserlessSignIn.PathAndQuery(afterPassword.Headers.Location!), StringComparison.Ordinal);

        // Skipping the TOTP page: the authorize endpoint still sends the person to sign in.
        using var retry = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.StartsWith("/account/login", BrowserlessSignIn.PathAndQuery(retry.Headers.Location!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderator_WithTotp_GetsTokens_ScopedToItsSectors()
    {
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        string code = await browser.SignInAsync("finance-moderator", Password("finance-moderator"), User("finance-moderator").GetProperty("totp_secret").GetString(), Scope);
        using var redeemed = await browser.RedeemAsync(code);
        var tokens = await BrowserlessSignIn.JsonAsync(redeemed);

        using var api = Node.ClientWith(tokens.GetProperty("access_token").GetString()!);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["moderator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["finance"], me.GetProperty("moderated_sectors").EnumerateArray().Select(r => r.GetString()));
        Assert.False(me.GetProperty("sees_everything").GetBoolean());
    }

    [Fact]
    public async Task WrongTotpCode_IsRefused()
    {
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        using var toLogin = await browser.GetAsync(browser.AuthorizeUrl(Scope));
        using var afterPassword = await browser.SubmitFormAsync(BrowserlessSignIn.PathAndQuery(toLogin.Headers.Location!),
            new Dictionary<string, string> { ["UserName"] = "directorate-admin", ["Password"] = Password("directorate-admin") });
        Assert.True(afterPassword.Headers.Location is not null, await afterPassword.Content.ReadAsStringAsync());
        using var wrong = await browser.SubmitFormAsync(BrowserlessSignIn.PathAndQuery(afterPassword.Headers.Location!),
            new Dictionary<string, string> { ["Code"] = "000000" == Totp.Code(User("directorate-admin").GetProperty("totp_secret").GetString()!, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not valid", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TotpCode_IsAcceptedOnce()
    {
        string secret = User("finance-moderator").GetProperty("totp_secret").GetString()!;
        using var first = new BrowserlessSignIn(Node.BaseAddress);
        await first.SignInAsync("finance-moderator", Password("finance-moderator"), secret, Scope);
        string used = first.LastTotpCode!;

        // The same code, replayed within its validity window by someone who saw it, is refused.
        using var replay = new BrowserlessSignIn(Node.BaseAddress);
        using var toLogin = await replay.GetAsync(replay.AuthorizeUrl(Scope));
        using var afterPassword = await replay.SubmitFormAsync(BrowserlessSignIn.PathAndQuery(toLogin.Headers.Location!),
            new Dictionary<string, string> { ["UserName"] = "finance-moderator", ["Password"] = Password("finance-moderator") });
        using var replayed = await replay.SubmitFormAsync(BrowserlessSignIn.PathAndQuery(afterPassword.Headers.Location!), new Dictionary<string, string> { ["Code"] = used });
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("not valid", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A fresh code still works.
        using var next = new BrowserlessSignIn(Node.BaseAddress);
        Assert.False(string.IsNullOrEmpty(await next.SignInAsync("finance-moderator", Password("finance-moderator"), secret, Scope)));
    }

    [Fact]
    public async Task Refresh_IssuesANewToken_UntilTheUserIsDisabled()
    {
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        string code = await browser.SignInAsync("multi-f-analyst", Password("multi-f-analyst"), null, Scope);
        var tokens = await BrowserlessSignIn.JsonAsync(await browser.RedeemAsync(code));
        string refresh = tokens.GetProperty("refresh_token").GetString()!;

        using var refreshed = await browser.RefreshAsync(refresh);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        string newRefresh = (await BrowserlessSignIn.JsonAsync(refreshed)).GetProperty("refresh_token").GetString()!;

        await using (var scope = Node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
            await db.Users.Where(u => u.UserName == "multi-f-analyst").ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, true));
        }
        using var refused = await browser.RefreshAsync(newRefresh);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await BrowserlessSignIn.JsonAsync(refused)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task CodeWithoutTheRightVerifier_IsRefused()
    {
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        string code = await browser.SignInAsync("bank-b-analyst", Password("bank-b-analyst"), null, Scope);
        using var other = new BrowserlessSignIn(Node.BaseAddress); // a different verifier
        using var refused = await other.RedeemAsync(code);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await BrowserlessSignIn.JsonAsync(refused)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount()
    {
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        for (int i = 0; i < 5; i++)
        {
            using var wrong = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["UserName"] = "hospital-e-org-admin", ["Password"] = "wrong password " + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var locked = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["UserName"] = "hospital-e-org-admin", ["Password"] = Password("hospital-e-org-admin") });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignIn_NeverRedirects_OffSite(string returnUrl)
    {
        using var browser = new BrowserlessSignIn(Node.BaseAddress);
        using var page = await browser.SubmitFormAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl),
            new Dictionary<string, string> { ["UserName"] = "power-d-org-admin", ["Password"] = Password("power-d-org-admin") });
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/", page.Headers.Location!.OriginalString);
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class SqliteAuthorizationCodeTests(DemoServer server) : AuthorizationCodeSuite, IClassFixture<DemoServer>
{
    protected override Task<ServerNode> NodeAsync() => Task.FromResult(server.Node);
}

/// <summary>The suite on PostgreSQL.</summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class PostgresAuthorizationCodeTests(PostgresNodes postgres) : AuthorizationCodeSuite
{
    protected override Task<ServerNode> NodeAsync() => postgres.NodeAsync("authorizationcode");
}
