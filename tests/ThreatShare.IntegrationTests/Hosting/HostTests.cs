using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThreatShare.Core.Storage;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Hosting;

public sealed class HostTests(DemoServer server) : IClassFixture<DemoServer>
{
    private readonly ServerNode _node = server.Node;

    [Fact]
    public async Task OpenApi_Describes_TheRestApi()
    {
        var doc = await _node.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/me", out _));
    }

    [Fact]
    public async Task SignInPage_Keys_AreKept_InTheStore_NotInTheDataDirectory()
    {
        using var page = await _node.Http.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var scope = _node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        Assert.False(Directory.Exists(Path.Combine(_node.DataDirectory, "protection-keys")));
    }

    [Fact]
    public async Task UnknownPath_Answers404_WithoutAStackTrace()
    {
        using var response = await _node.Http.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
