using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ThreatShare.Client;

/// <summary>
/// One watch of the live alerts. Everything the hub reports (alerts, resumes done, reconnects, closes) goes into one
/// queue that the enumeration alone reads, so the ordering state (<see cref="AlertSequencer"/>) has a single owner.
/// Received alerts in the queue are counted: past the buffer capacity they are dropped and every stream is resumed
/// once the consumer has caught up, so a slow consumer costs bounded memory and loses nothing.
/// </summary>
internal sealed class AlertWatch
{
    private const string HubPath = "hubs/alerts";

    /// <summary>A connection that lasted this long ends a series of failed attempts.</summary>
    private static readonly TimeSpan StableConnection = TimeSpan.FromSeconds(30);

    private readonly ThreatShareClient _client;
    private readonly AlertWatchOptions _options;
    private readonly AlertSequencer _sequencer;
    private readonly Channel<Item> _items = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Resuming> _resuming = new(StringComparer.Ordinal);
    private int _queuedAlerts;
    private int _overflowed;
    private int _resumeIds;
    private string? _lastToken;
    private Exception? _lastError;

    public AlertWatch(ThreatShareClient client, AlertWatchOptions options)
    {
        _client = client;
        _options = options;
        // A stream holds back at most the whole buffer; anything past it is fetched again by resuming.
        _sequencer = new AlertSequencer(options.BufferCapacity);
    }

    private abstract record Item(HubConnection Source);

    private sealed record AlertItem(HubConnection Source, Alert Alert) : Item(Source);

    private sealed record ResumeDone(HubConnection Source, string Stream, int Id, Exception? Error) : Item(Source);

    private sealed record Reconnected(HubConnection Source) : Item(Source);

    private sealed record Closed(HubConnection Source, Exception? Error) : Item(Source);

    private sealed record Tick(HubConnection Source) : Item(Source);

    /// <summary>A resume in flight: asked from <see cref="From"/>; <see cref="Again"/> when another was wanted meanwhile.</summary>
    private sealed class Resuming(int id, long from)
    {
        public int Id { get; } = id;

        public long From { get; } = from;

        public bool Again { get; set; }
    }

    public async IAsyncEnumerable<Alert> RunAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var (stream, last) in _options.ResumeFrom ?? new Dictionary<string, long>())
        {
            _sequencer.Start(stream, Math.Max(last, 0));
        }
        var ready = new List<Alert>();
        int failures = 0;
        bool first = true;
        while (true)
        {
            var connection = Build(ct);
            try
            {
                if (!await ConnectAsync(connection, first, ct).ConfigureAwait(false))
                {
                    failures++;
                    if (_options.MaxConnectAttempts is { } max && failures >= max)
                    {
                        throw new ThreatShareUnreachableException(
                            $"cannot connect to the live alerts of {_client.BaseAddress} after {failures} attempts: {_lastError?.Message}", _lastError);
                    }
                    await Task.Delay(Delay(failures - 1), _client.Options.TimeProvider, ct).ConfigureAwait(false);
                    continue;
                }
                first = false;
                var connectedAt = _client.Options.TimeProvider.GetUtcNow();
                bool closed = false;
                // A lost send of a stream's newest alert shows no gap until the next one: resume now and then anyway.
                await using var ticks = _options.ResumeInterval is { } every
                    ? _client.Options.TimeProvider.CreateTimer(_ => Post(new Tick(connection)), null, every, every) : null;
                while (!closed && await _items.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
                {
                    while (!closed && _items.Reader.TryRead(out var item))
                    {
                        closed = await HandleAsync(item, connection, ready, ct).ConfigureAwait(false);
                        foreach (var alert in ready)
                        {
                            yield return alert;
                        }
                        ready.Clear();
                    }
                    if (!closed && Interlocked.Exchange(ref _overflowed, 0) == 1)
                    {
                        // Alerts were dropped for room: the store has them, ask again now that the queue is empty.
                        foreach (string stream in _active)
                        {
                            Resume(connection, stream, ct);
                        }
                    }
                }
                // Closed for good (SignalR's own reconnect gave up): new connections from here. A connection that the
                // server closes soon after it opened counts as one more failed attempt, so such a server is not hammered.
                failures = _client.Options.TimeProvider.GetUtcNow() - connectedAt >= StableConnection ? 1 : failures + 1;
                if (_options.MaxConnectAttempts is { } most && failures >= most)
                {
                    throw new ThreatShareUnreachableException(
                        $"the live alerts of {_client.BaseAddress} keep closing: {failures} connections in a row did not last; last error: {_lastError?.Message}", _lastError);
                }
                await Task.Delay(Delay(failures - 1), _client.Options.TimeProvider, ct).ConfigureAwait(false);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Delay(int attempt) => _options.RetryDelays[Math.Min(attempt, _options.RetryDelays.Count - 1)];

    private HubConnection Build(CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_client.BaseAddress, HubPath), o => o.AccessTokenProvider = async () =>
            {
                string token = await _client.Tokens.GetAsync(ct).ConfigureAwait(false);
                _lastToken = token;
                return token;
            })
            .WithAutomaticReconnect(new RetryPolicy(_options.RetryDelays))
            .Build();
        connection.On<JsonElement>("alert", json => Received(connection, json));
        connection.Reconnected += _ => Post(new Reconnected(connection));
        connection.Closed += error => Post(new Closed(connection, error));
        return connection;
    }

    private Task Post(Item item)
    {
        _items.Writer.TryWrite(item);
        return Task.CompletedTask;
    }

    private void Received(HubConnection connection, JsonElement json)
    {
        Alert alert;
        try
        {
            alert = Alert.FromJson(json);
        }
        catch (FormatException)
        {
            return; // Not an alert this client understands; the sequence gap, if any, brings it back through Resume.
        }
        int copies = _options.InboundCopies?.Invoke(alert) ?? 1;
        for (int i = 0; i < copies; i++)
        {
            if (Interlocked.Increment(ref _queuedAlerts) > _options.BufferCapacity)
            {
                Interlocked.Decrement(ref _queuedAlerts);
                Volatile.Write(ref _overflowed, 1);
                return;
            }
            _items.Writer.TryWrite(new AlertItem(connection, alert));
        }
    }

    /// <summary>Connects, learns the streams, takes positions and resumes every stream; false on a failure worth retrying.</summary>
    private async Task<bool> ConnectAsync(HubConnection connection, bool first, CancellationToken ct)
    {
        try
        {
            // Over REST first: it tells a refused identity (401 after renewal, 403 without the 'alerts' scope)
            // from an unreachable server, which the hub's handshake does not.
            await _client.LastSequenceAsync("national", ct).ConfigureAwait(false);
        }
        catch (ThreatShareRequestException e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new ThreatShareAuthenticationException($"authentication failed: this client may not read alerts ({e.Message})", e);
        }
        catch (ThreatShareUnreachableException e)
        {
            _lastError = e;
            return false;
        }
        catch (ThreatShareRequestException e) when ((int)e.StatusCode >= 500)
        {
            _lastError = e;
            return false;
        }
        try
        {
            await connection.StartAsync(ct).ConfigureAwait(false);
            var streams = await connection.InvokeAsync<string[]>("Streams", ct).ConfigureAwait(false);
            await EstablishAsync(connection, streams, first, ct).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token passed REST a moment ago; renew it and try again.
            _client.Tokens.Invalidate(_lastToken);
            _lastError = e;
            return false;
        }
        catch (ThreatShareUnreachableException e)
        {
            _lastError = e; // the REST call for a new stream's position
            return false;
        }
        catch (Exception e) when (e is not ThreatShareException && !ct.IsCancellationRequested)
        {
            _lastError = e;
            return false;
        }
    }

    /// <summary>Decides the streams followed, gives new ones their start, and resumes each from its position.</summary>
    private async Task EstablishAsync(HubConnection connection, IReadOnlyCollection<string> given, bool first, CancellationToken ct)
    {
        var readable = given.ToHashSet(StringComparer.Ordinal);
        if (_options.Streams is { } wanted && first && wanted.Where(s => !readable.Contains(s)).ToList() is { Count: > 0 } missing)
        {
            throw new ThreatShareRequestException(HttpStatusCode.Forbidden, default,
                $"this client does not read {string.Join(", ", missing)}; it reads {string.Join(", ", readable.Order(StringComparer.Ordinal))}");
        }
        var follow = _options.Streams is { } only ? readable.Where(only.Contains).ToList() : [.. readable];
        foreach (string gone in _active.Where(s => !readable.Contains(s)).ToList())
        {
            // The server took the stream away (membership changed): stop waiting for it.
            _active.Remove(gone);
            _sequencer.Release(gone);
        }
        foreach (string stream in follow.Order(StringComparer.Ordinal))
        {
            if (!_sequencer.Knows(stream))
            {
                _sequencer.Start(stream, _options.NewStreams == AlertStart.Beginning ? 0 : await _client.LastSequenceAsync(stream, ct).ConfigureAwait(false));
            }
            _active.Add(stream);
        }
        _resuming.Clear(); // whatever was in flight died with the old connection
        foreach (string stream in _active)
        {
            Resume(connection, stream, ct);
        }
        _options.OnConnected?.Invoke([.. _active.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Handles one queued item; true when the connection is closed for good.</summary>
    private async Task<bool> HandleAsync(Item item, HubConnection connection, List<Alert> ready, CancellationToken ct)
    {
        switch (item)
        {
            case AlertItem { Alert: var alert }:
                Interlocked.Decrement(ref _queuedAlerts);
                if (!_active.Contains(alert.Stream))
                {
                    if (_options.Streams is { } only && !only.Contains(alert.Stream))
                    {
                        return false; // a stream the caller did not ask for
                    }
                    // A stream the server added while connected: from its beginning, or from this alert.
                    _sequencer.Start(alert.Stream, _options.NewStreams == AlertStart.Beginning ? 0 : alert.Sequence - 1);
                    _active.Add(alert.Stream);
                }
                if (_sequencer.Accept(alert, ready) == Acceptance.Gap && item.Source == connection)
                {
                    Resume(connection, alert.Stream, ct);
                }
                return false;
            case ResumeDone done when done.Source == connection && _resuming.TryGetValue(done.Stream, out var resuming) && resuming.Id == done.Id:
                _resuming.Remove(done.Stream);
                if (done.Error is HubException)
                {
                    // The stream is no longer one this connection reads.
                    _active.Remove(done.Stream);
                    _sequencer.Release(done.Stream);
                }
                else if (done.Error is null && _sequencer.HasGap(done.Stream)
                    && (resuming.Again || _sequencer.Position(done.Stream) > resuming.From))
                {
                    // Still a gap (a later send was lost too): ask again from where we are now, as long as resuming makes progress.
                    Resume(connection, done.Stream, ct);
                }
                else if (done.Error is null && resuming.Again)
                {
                    Resume(connection, done.Stream, ct);
                }
                return false;
            case Reconnected when item.Source == connection:
                try
                {
                    var streams = await connection.InvokeAsync<string[]>("Streams", ct).ConfigureAwait(false);
                    await EstablishAsync(connection, streams, first: false, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not ThreatShareAuthenticationException && !ct.IsCancellationRequested)
                {
                    // Lost again at once: the next Reconnected or Closed follows.
                    _lastError = e;
                }
                return false;
            case Tick when item.Source == connection:
                foreach (string stream in _active)
                {
                    Resume(connection, stream, ct);
                }
                return false;
            case Closed closed when item.Source == connection:
                _lastError = closed.Error ?? _lastError;
                return true;
            default:
                return false; // from an older connection, or a resume that was superseded
        }
    }

    /// <summary>Asks the server for every alert of <paramref name="stream"/> after our position (once at a time per stream).</summary>
    private void Resume(HubConnection connection, string stream, CancellationToken ct)
    {
        if (_resuming.TryGetValue(stream, out var inFlight))
        {
            inFlight.Again = true;
            return;
        }
        long from = _sequencer.Position(stream) ?? 0;
        int id = ++_resumeIds;
        _resuming[stream] = new Resuming(id, from);
        _ = ResumeAsync(connection, stream, from, id, ct);
    }

    private async Task ResumeAsync(HubConnection connection, string stream, long from, int id, CancellationToken ct)
    {
        Exception? error = null;
        try
        {
            await connection.InvokeAsync("Resume", stream, from, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e;
        }
        _items.Writer.TryWrite(new ResumeDone(connection, stream, id, error));
    }

    /// <summary>SignalR's automatic reconnect with our delays; it gives up after them, and the outer loop takes over.</summary>
    private sealed class RetryPolicy(IReadOnlyList<TimeSpan> delays) : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.PreviousRetryCount < delays.Count ? delays[(int)retryContext.PreviousRetryCount] : null;
    }
}
