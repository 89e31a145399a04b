using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;
using OpenIddict.Validation;
using ThreatShare.Core.Storage;

namespace ThreatShare.Server.Features.Identity;

/// <summary>Timing of key rotation (section <c>ThreatShare:Keys</c>).</summary>
public sealed class KeyRingOptions
{
    /// <summary>How long a new key only validates before it signs: longer than <see cref="CheckInterval"/> with margin.</summary>
    public TimeSpan Propagation { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a node looks for keys another node created and for keys whose propagation ended.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Tells OpenIddict's options to rebuild from the store: the server's first (its keys), then the
/// validation's (which copies the server's keys when it is built).
/// </summary>
internal sealed class KeyRingChanges : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _server = new();
    private CancellationTokenSource _validation = new();

    public IChangeToken ServerToken
    {
        get
        {
            lock (_gate)
            {
                return new CancellationChangeToken(_server.Token);
            }
        }
    }

    public IChangeToken ValidationToken
    {
        get
        {
            lock (_gate)
            {
                return new CancellationChangeToken(_validation.Token);
            }
        }
    }

    public void Signal()
    {
        CancellationTokenSource server, validation;
        lock (_gate)
        {
            (server, _server) = (_server, new CancellationTokenSource());
            (validation, _validation) = (_validation, new CancellationTokenSource());
        }
        server.Cancel();
        validation.Cancel();
        server.Dispose();
        validation.Dispose();
    }

    public void Dispose()
    {
        _server.Dispose();
        _validation.Dispose();
    }

    internal sealed class ServerSource(KeyRingChanges changes) : IOptionsChangeTokenSource<OpenIddictServerOptions>
    {
        public string Name => Options.DefaultName;

        public IChangeToken GetChangeToken() => changes.ServerToken;
    }

    internal sealed class ValidationSource(KeyRingChanges changes) : IOptionsChangeTokenSource<OpenIddictValidationOptions>
    {
        public string Name => Options.DefaultName;

        public IChangeToken GetChangeToken() => changes.ValidationToken;
    }
}

/// <summary>
/// Watches the key table: when another node rotated, a key finished propagating or one was
/// retired, this node reloads its keys.
/// </summary>
internal sealed partial class KeyRingWatcher(IServiceScopeFactory scopes, KeyRingChanges changes, TimeProvider time,
    IOptions<KeyRingOptions> options, ILogger<KeyRingWatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? last = null;
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            try
            {
                string state = await StateAsync(stoppingToken);
                if (last is not null && state != last)
                {
                    LogReload(log);
                    changes.Signal();
                }
                last = state;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A store that is briefly unreachable must not stop the watch; the next tick retries.
                LogCheckFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Which keys exist and which of them are in service now.</summary>
    private async Task<string> StateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreatShareDb>();
        var keys = await db.SigningKeys.AsNoTracking().ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var propagation = options.Value.Propagation;
        return string.Join(",", KeyRing.InServiceOrder(keys, now, propagation)
            .Select(k => k.Use + ":" + k.Id + (KeyRing.InServiceFrom(k, keys, propagation) > now ? "~" : "")));
    }

    [LoggerMessage(1101, LogLevel.Information, "OpenID Connect keys changed in the store; reloading them")]
    private static partial void LogReload(ILogger log);

    [LoggerMessage(1102, LogLevel.Warning, "Could not check the OpenID Connect keys in the store")]
    private static partial void LogCheckFailed(ILogger log, Exception e);
}
