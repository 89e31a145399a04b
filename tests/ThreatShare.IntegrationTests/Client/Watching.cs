using System.Threading.Channels;
using ThreatShare.Client;

namespace ThreatShare.IntegrationTests.Client;

/// <summary>A <see cref="ThreatShareClient.WatchAsync(AlertWatchOptions, CancellationToken)"/> run in the background, read by a test with time-outs.</summary>
public sealed class Watching : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly Channel<Alert> _alerts = Channel.CreateUnbounded<Alert>();
    private readonly Channel<IReadOnlyList<string>> _connects = Channel.CreateUnbounded<IReadOnlyList<string>>();
    private readonly CancellationTokenSource _stop = new();

    private Watching(ThreatShareClient client, AlertWatchOptions options)
    {
        options.OnConnected = streams => _connects.Writer.TryWrite(streams);
        Completion = RunAsync(client, options);
    }

    /// <summary>Ends with the watch's failure, if it fails.</summary>
    public Task Completion { get; }

    public static Watching Start(ThreatShareClient client, AlertWatchOptions options) => new(client, options);

    private async Task RunAsync(ThreatShareClient client, AlertWatchOptions options)
    {
        await Task.Yield();
        try
        {
            await foreach (var alert in client.WatchAsync(options, _stop.Token))
            {
                _alerts.Writer.TryWrite(alert);
            }
        }
        finally
        {
            _alerts.Writer.TryComplete();
            _connects.Writer.TryComplete();
        }
    }

    /// <summary>The streams of the next (re)connection: from then on nothing written to them can be missed.</summary>
    public async Task<IReadOnlyList<string>> ConnectedAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await _connects.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            await Completion; // throws the watch's error
            throw;
        }
    }

    /// <summary>The next alert, or a failure after the time-out.</summary>
    public async Task<Alert> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await _alerts.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no alert within {Timeout.TotalSeconds} s");
        }
        catch (ChannelClosedException)
        {
            await Completion;
            throw;
        }
    }

    /// <summary>The next alert about <paramref name="objectId"/>, skipping others.</summary>
    public async Task<Alert> NextAboutAsync(string objectId)
    {
        while (true)
        {
            var alert = await NextAsync();
            if (alert.ObjectId == objectId)
            {
                return alert;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Completion;
        }
        catch (OperationCanceledException)
        {
        }
        catch (ThreatShareException)
        {
        }
        _stop.Dispose();
    }
}
