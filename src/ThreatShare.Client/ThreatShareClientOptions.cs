namespace ThreatShare.Client;

/// <summary>Where the server is and who the client is.</summary>
public sealed class ThreatShareClientOptions
{
    /// <summary>The server's base address, e.g. <c>https://threatshare.example/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The OAuth client id of an API client of your organization (client credentials).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client's secret. Keep it out of command lines and logs.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes to ask for (e.g. <c>stix.read alerts</c>); null asks for every scope the client was granted.</summary>
    public string? Scope { get; set; }

    /// <summary>
    /// Gives an access token instead of the client credentials (e.g. from your own identity flow). Called before each
    /// connection and request; it should cache, and return a fresh token when called again after a refusal.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? AccessTokenProvider { get; set; }

    /// <summary>A token is renewed this long before it expires (default one minute).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one REST request may take (default 100 seconds).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The clock, for token expiry and retry delays (tests give a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>Where to start for a stream the client has no position of.</summary>
public enum AlertStart
{
    /// <summary>Only alerts written from now on.</summary>
    Latest = 0,

    /// <summary>Every alert of the stream, from sequence 1.</summary>
    Beginning = 1,
}

/// <summary>How <see cref="ThreatShareClient.WatchAsync(AlertWatchOptions, CancellationToken)"/> follows the live channels.</summary>
public sealed class AlertWatchOptions
{
    /// <summary>The last sequence already handled, per stream: the watch resumes right after it. Streams not in it start at <see cref="NewStreams"/>.</summary>
    public IReadOnlyDictionary<string, long>? ResumeFrom { get; set; }

    /// <summary>The streams to follow; null follows every stream the server gives this client. Naming a stream the client does not read is an error.</summary>
    public IReadOnlyCollection<string>? Streams { get; set; }

    /// <summary>Where a stream without a position in <see cref="ResumeFrom"/> starts (default <see cref="AlertStart.Latest"/>).</summary>
    public AlertStart NewStreams { get; set; } = AlertStart.Latest;

    /// <summary>
    /// How many received alerts may wait for the consumer (default 10,000). Past it, alerts are not kept but fetched
    /// again from the server (by resuming) once the consumer has caught up, so memory stays bounded and nothing is lost.
    /// </summary>
    public int BufferCapacity { get; set; } = 10_000;

    /// <summary>The waits between connection attempts (the last one repeats); also given to SignalR's automatic reconnect.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>
    /// Failed connection attempts in a row after which the watch fails with <see cref="ThreatShareUnreachableException"/>
    /// (default 10); null retries for ever. A connection that the server closes within 30 seconds counts as a failed attempt.
    /// </summary>
    public int? MaxConnectAttempts { get; set; } = 10;

    /// <summary>
    /// How often every stream is resumed even without a sign of loss (default two minutes; null never). A gap shows
    /// when a later alert arrives; this bounds how long a lost send of a stream's newest alert stays unseen, at the
    /// cost of one small query per stream and interval.
    /// </summary>
    public TimeSpan? ResumeInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Called with the streams followed each time the watch has (re)connected, taken its positions and asked the server
    /// for what it missed: from then on nothing written to those streams can be missed.
    /// </summary>
    public Action<IReadOnlyList<string>>? OnConnected { get; set; }

    /// <summary>Test hook: how many copies of each received alert to process (0 drops it, 2 duplicates it).</summary>
    internal Func<Alert, int>? InboundCopies { get; set; }
}
