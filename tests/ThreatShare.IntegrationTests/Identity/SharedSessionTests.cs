using System.Net;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Identity;

/// <summary>
/// Nodes behind one address share the data-protection keys through the store: a sign-in form served
/// by one node is accepted by another (antiforgery), and the session cookie one node issues is read
/// by the other, so no load balancer needs sticky sessions.
/// </summary>
[Collection(PostgresNodesCollection.Name)]
public sealed class SharedSessionTests(PostgresNodes postgres)
{
    [Fact]
    public async Task ASignInStartedOnOneNode_FinishesOnAnother()
    {
        var settings = new Dictionary<string, string?>(await postgres.SettingsAsync("sessions"))
        {
            ["ThreatShare:PublicUrl"] = "http://threatshare.test/",
        };
        await using var a = await ServerNode.StartAsync(settings);
        // The second node's demo seed renews the demo secrets in the shared store: use its credentials.
        await using var b = await ServerNode.StartAsync(settings);
        var analyst = b.Credentials.GetProperty("users").EnumerateArray().First(u => u.GetProperty("username").GetString() == "bank-a-analyst");

        // Cookies do not depend on the port: one browser, two nodes on 127.0.0.1.
        using var browser = new BrowserlessSignIn(a.BaseAddress);
        using var toLogin = await browser.GetAsync(browser.AuthorizeUrl("openid stix.read"));
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        string loginPage = BrowserlessSignIn.PathAndQuery(toLogin.Headers.Location!);

        // The form (and its antiforgery cookie) comes from node a; the post goes to node b.
        using var signedIn = await browser.SubmitFormAsync(loginPage, new Dictionary<string, string>
        {
            ["UserName"] = "bank-a-analyst",
            ["Password"] = analyst.GetProperty("password").GetString()!,
        }, postTo: b.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        string next = BrowserlessSignIn.PathAndQuery(signedIn.Headers.Location!);
        Assert.StartsWith("/connect/authorize", next, StringComparison.Ordinal);

        // Node b's session cookie is read by node a: the code is issued without another sign-in.
        using var toClient = await browser.GetAsync(next);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        Assert.StartsWith(BrowserlessSignIn.RedirectUri, toClient.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
