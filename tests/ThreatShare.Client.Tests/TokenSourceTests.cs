using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ThreatShare.Client.Tests;

/// <summary>Client-credentials tokens: cached while fresh, renewed before expiry and after a refusal, with clear errors.</summary>
public sealed class TokenSourceTests
{
    /// <summary>A token endpoint that counts its requests and answers what the test says.</summary>
    private sealed class TokenEndpoint(Func<int, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("http://ts.test/connect/token", request.RequestUri!.ToString());
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return answer(++Requests);
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Token(int n) => Json(HttpStatusCode.OK, $$"""{"access_token":"t{{n}}","token_type":"Bearer","expires_in":1800}""");

    private static (TokenSource Tokens, TokenEndpoint Endpoint, FakeTimeProvider Time) Create(Func<int, HttpResponseMessage> answer, string? scope = null)
    {
        var endpoint = new TokenEndpoint(answer);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var http = new HttpClient(endpoint) { BaseAddress = new Uri("http://ts.test/") };
        var options = new ThreatShareClientOptions { BaseAddress = http.BaseAddress, ClientId = "siem", ClientSecret = "s3cret", Scope = scope, TimeProvider = time };
        return (new TokenSource(http, options), endpoint, time);
    }

    [Fact]
    public async Task AToken_IsCached_AndRenewedAMarginBeforeItExpires()
    {
        var (tokens, endpoint, time) = Create(Token, scope: "alerts");

        Assert.Equal("t1", await tokens.GetAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(28));
        Assert.Equal("t1", await tokens.GetAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1)); // inside the last minute of 30
        Assert.Equal("t2", await tokens.GetAsync(CancellationToken.None));

        Assert.Equal(2, endpoint.Requests);
        Assert.Equal("grant_type=client_credentials&client_id=siem&client_secret=s3cret&scope=alerts", endpoint.Bodies[0]);
    }

    [Fact]
    public async Task ARefusedToken_IsReplaced_OnTheNextCall()
    {
        var (tokens, endpoint, _) = Create(Token);
        string first = await tokens.GetAsync(CancellationToken.None);

        tokens.Invalidate("some-other-token");
        Assert.Equal(first, await tokens.GetAsync(CancellationToken.None));
        tokens.Invalidate(first);
        Assert.Equal("t2", await tokens.GetAsync(CancellationToken.None));
        Assert.Equal(2, endpoint.Requests);
    }

    [Fact]
    public async Task RefusedCredentials_AreAnAuthenticationError_NamingTheClientAndTheReason()
    {
        var (tokens, _, _) = Create(_ => Json(HttpStatusCode.BadRequest, """{"error":"invalid_client","error_description":"The client credentials are invalid."}"""));

        var e = await Assert.ThrowsAsync<ThreatShareAuthenticationException>(() => tokens.GetAsync(CancellationToken.None).AsTask());
        Assert.Equal("authentication failed: the server refused client 'siem' (invalid_client: The client credentials are invalid.)", e.Message);
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANetworkFailure_IsAnUnreachableError()
    {
        var (tokens, _, _) = Create(_ => throw new HttpRequestException("Connection refused"));

        var e = await Assert.ThrowsAsync<ThreatShareUnreachableException>(() => tokens.GetAsync(CancellationToken.None).AsTask());
        Assert.Contains("Connection refused", e.Message, StringComparison.Ordinal);
    }
}
