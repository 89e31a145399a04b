namespace ThreatShare.Client;

/// <summary>What <see cref="AlertSequencer.Accept"/> did with an alert.</summary>
internal enum Acceptance
{
    /// <summary>It was next in its stream: it (and any held alerts that follow it) is ready.</summary>
    Delivered,

    /// <summary>Its sequence was already delivered (at-least-once delivery, or a resume that overlapped): dropped.</summary>
    Duplicate,

    /// <summary>It came before an earlier one: held back (or, past capacity, dropped to be fetched again) until the gap is filled by resuming.</summary>
    Gap,

    /// <summary>The stream has no position yet: call <see cref="AlertSequencer.Start"/> first.</summary>
    UnknownStream,
}

/// <summary>
/// Per-stream order and de-duplication, with no I/O: sequences are gapless from 1 in each stream, so an alert is
/// delivered only when it is the one after the last delivered; earlier numbers are duplicates; later numbers wait
/// (at most <c>holdCapacity</c> per stream) until what is missing arrives, normally through a resume from
/// <see cref="Position"/>. A held alert that is dropped for room is not lost: the resume sends it again.
/// </summary>
internal sealed class AlertSequencer(int holdCapacity)
{
    private readonly Dictionary<string, StreamState> _streams = new(StringComparer.Ordinal);

    private sealed class StreamState(long last)
    {
        public long Last { get; set; } = last;

        public SortedDictionary<long, Alert> Held { get; } = [];
    }

    /// <summary>The last delivered sequence of every known stream.</summary>
    public IReadOnlyDictionary<string, long> Positions => _streams.ToDictionary(s => s.Key, s => s.Value.Last, StringComparer.Ordinal);

    /// <summary>True when <paramref name="stream"/> has a position.</summary>
    public bool Knows(string stream) => _streams.ContainsKey(stream);

    /// <summary>The last delivered sequence of <paramref name="stream"/> (0: nothing yet), or null when unknown.</summary>
    public long? Position(string stream) => _streams.TryGetValue(stream, out var state) ? state.Last : null;

    /// <summary>True when <paramref name="stream"/> holds alerts that wait for earlier ones.</summary>
    public bool HasGap(string stream) => _streams.TryGetValue(stream, out var state) && state.Held.Count > 0;

    /// <summary>How many alerts <paramref name="stream"/> holds back.</summary>
    public int HeldCount(string stream) => _streams.TryGetValue(stream, out var state) ? state.Held.Count : 0;

    /// <summary>Gives <paramref name="stream"/> its starting position (the last sequence already handled), unless it has one.</summary>
    public void Start(string stream, long last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(last);
        _streams.TryAdd(stream, new StreamState(last));
    }

    /// <summary>Drops what is held for <paramref name="stream"/> (no longer read); its position is kept.</summary>
    public void Release(string stream)
    {
        if (_streams.TryGetValue(stream, out var state))
        {
            state.Held.Clear();
        }
    }

    /// <summary>Takes one received alert; what is ready to deliver, in order, is appended to <paramref name="ready"/>.</summary>
    public Acceptance Accept(Alert alert, List<Alert> ready)
    {
        if (!_streams.TryGetValue(alert.Stream, out var state))
        {
            return Acceptance.UnknownStream;
        }
        if (alert.Sequence <= state.Last || state.Held.ContainsKey(alert.Sequence))
        {
            return Acceptance.Duplicate;
        }
        if (alert.Sequence != state.Last + 1)
        {
            if (state.Held.Count < holdCapacity)
            {
                state.Held.Add(alert.Sequence, alert);
            }
            return Acceptance.Gap;
        }
        ready.Add(alert);
        state.Last = alert.Sequence;
        while (state.Held.Remove(state.Last + 1, out var next))
        {
            ready.Add(next);
            state.Last = next.Sequence;
        }
        return Acceptance.Delivered;
    }
}
