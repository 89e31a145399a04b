using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ThreatShare.Server.Features.Administration;
using ThreatShare.Server.Features.Alerts;
using ThreatShare.Server.Features.Audit;
using ThreatShare.Server.Features.Bootstrap;
using ThreatShare.Server.Features.Exports;
using ThreatShare.Server.Features.Identity;
using ThreatShare.Server.Features.Lookup;
using ThreatShare.Server.Features.Me;
using ThreatShare.Server.Features.Moderation;
using ThreatShare.Server.Features.Objects;
using ThreatShare.Server.Features.Organizations;
using ThreatShare.Server.Features.Sightings;
using ThreatShare.Server.Features.Submissions;
using ThreatShare.Server.Features.Taxii;
using ThreatShare.Server.Features.WarningLists;
using ThreatShare.Server.Hosting;

var builder = WebApplication.CreateBuilder(CommandLine.Normalize(args));
// `dotnet run` starts in the user's directory (where ./data belongs): the server's own settings file
// comes from beside the binary, below everything else (environment, command line).
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
{
    FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
    Path = "appsettings.json",
    Optional = true,
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
// The REST API speaks snake_case like STIX and TAXII.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddThreatShareStore();
// Cookie and antiforgery keys live in the store: sign-ins survive a restart and every node reads the others' cookies.
builder.Services.AddDataProtection().SetApplicationName("ThreatShare").PersistKeysToDbContext<ThreatShare.Core.Storage.ThreatShareDb>();
builder.Services.AddOpenApi();
builder.Services.AddThreatShareIdentity();
builder.Services.AddScoped<MemberDirectory>();
builder.Services.AddScoped<FirstStart>();
builder.Services.AddScoped<DemoSeed>();
builder.Services.AddSubmissions();
builder.Services.AddModeration();
builder.Services.AddAudit();
builder.Services.AddTaxii();
builder.Services.AddAlerts(builder.Configuration["ThreatShare:Redis"]);

var app = builder.Build();

var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
Directory.CreateDirectory(options.DataDirectory);
DemoCredentials? demo = null;
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<FirstStart>().RunAsync(Console.Out, app.Lifetime.ApplicationStopping);
    if (options.SeedDemo)
    {
        demo = await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(app.Lifetime.ApplicationStopping);
    }
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuditActor();
app.UseHubAccessTokens();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapThreatShareIdentity();
app.MapMe();
app.MapSubmissions();
app.MapModeration();
app.MapSightings();
app.MapAlerts();
app.MapWarningLists();
app.MapObjects();
app.MapLookup();
app.MapTaxii();
app.MapExports();
app.MapAdministration();
app.MapKeys();
app.MapAudit();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapGet("/health", () => Results.Ok(new { status = "ok" })).ExcludeFromDescription();

if (demo is not null)
{
    // The base URL is known once Kestrel has bound its addresses.
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        string baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
        demo.BaseUrl = baseUrl.TrimEnd('/');
        demo.TokenEndpoint = demo.BaseUrl + IdentitySetup.TokenPath;
        string path = Path.Combine(options.DataDirectory, "demo-credentials.json");
        demo.WriteAsync(path, CancellationToken.None).GetAwaiter().GetResult();
        Log.DemoSeeded(app.Logger, path);
    });
}

await app.RunAsync();

/// <summary>The server's entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
