using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>
/// Drives the authorization code flow with PKCE over real HTTP the way a browser would: follows
/// redirects by hand, fills the sign-in forms (with their antiforgery tokens), answers the TOTP step.
/// </summary>
public sealed partial class BrowserlessSignIn : IDisposable
{
    public const string ClientId = "threatshare-cli";
    public const string RedirectUri = "http://127.0.0.1:7890/callback";

    private readonly HttpClient _http;

    public BrowserlessSignIn(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
    }

    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The authenticator code the last sign-in used.</summary>
    public string? LastTotpCode { get; private set; }

    public string AuthorizeUrl(string scope, string state = "s1") =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))),
            ["code_challenge_method"] = "S256",
        });

    public async Task<HttpResponseMessage> GetAsync(string url) => await _http.GetAsync(url);

    /// <summary>
    /// Posts the form found on <paramref name="pageUrl"/> with the given fields (antiforgery and
    /// ReturnUrl taken from the page), to the same server or to <paramref name="postTo"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, IReadOnlyDictionary<string, string> fields, Uri? postTo = null)
    {
        using var page = await _http.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        string html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(fields);
        foreach (Match hidden in HiddenInput().Matches(html))
        {
            form.TryAdd(WebUtility.HtmlDecode(hidden.Groups["name"].Value), WebUtility.HtmlDecode(hidden.Groups["value"].Value));
        }
        string action = WebUtility.HtmlDecode(FormAction().Match(html).Groups["action"].Value);
        return await _http.PostAsync(postTo is null ? new Uri(action, UriKind.Relative) : new Uri(postTo, action), new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in from the authorize URL to the authorization code; returns the code.</summary>
    public async Task<string> SignInAsync(string userName, string password, string? totpSecret, string scope)
    {
        string authorize = AuthorizeUrl(scope);
        using var toLogin = await _http.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        string loginPage = PathAndQuery(toLogin.Headers.Location!);

        using var afterPassword = await SubmitFormAsync(loginPage, new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        string next = PathAndQuery(afterPassword.Headers.Location!);
        if (next.StartsWith("/account/totp", StringComparison.Ordinal))
        {
            Assert.NotNull(totpSecret);
            LastTotpCode = await Totp.FreshCodeAsync(totpSecret);
            using var afterTotp = await SubmitFormAsync(next, new Dictionary<string, string> { ["Code"] = LastTotpCode });
            Assert.Equal(HttpStatusCode.Redirect, afterTotp.StatusCode);
            next = PathAndQuery(afterTotp.Headers.Location!);
        }

        using var toClient = await _http.GetAsync(next);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var callback = toClient.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("s1", query["state"].ToString());
        return query["code"].ToString();
    }

    public async Task<HttpResponseMessage> RedeemAsync(string code) =>
        await _http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["code"] = code,
            ["code_verifier"] = Verifier,
        }));

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await _http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = refreshToken,
        }));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string PathAndQuery(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\">")]
    private static partial Regex FormAction();

    public void Dispose() => _http.Dispose();
}
