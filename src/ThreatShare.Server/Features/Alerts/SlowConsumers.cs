using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace ThreatShare.Server.Features.Alerts;

/// <summary>
/// Gives every hub connection its own bounded outbound buffer, so that a subscriber that reads
/// slowly, or not at all, never holds back the sends to everyone else.
/// </summary>
/// <remarks>
/// SignalR writes a group's message to each connection and waits for every write; a connection
/// whose socket does not drain makes that wait, and every later alert of every subscriber, last
/// until the connection dies. Here the hub writes into a buffer that never makes it wait, and a
/// pump moves the buffer to the socket at the subscriber's pace. A subscriber is slow when, as an
/// alert is written for it, the pump has been waiting on its socket for longer than
/// <see cref="AlertDispatchOptions.SlowConsumerAfter"/>, or when more than
/// <see cref="AlertDispatchOptions.MaxUnsentBytes"/> wait unsent (the bound on memory; a burst to
/// a subscriber that keeps reading stays under it). A slow subscriber's connection is closed: a
/// close message naming the reason goes after what is already buffered, nothing more is buffered,
/// and the connection is aborted after <see cref="AlertDispatchOptions.SlowConsumerGrace"/> if the
/// subscriber has not read that far. Nothing is lost: the subscriber reconnects and resumes its
/// streams from the store. The close message is written with the JSON hub protocol, the only one
/// the server offers.
/// </remarks>
internal static partial class SlowConsumers
{
    public const string Reason = "slow consumer: alerts for this connection waited unsent too long or beyond the server's buffer; reconnect and resume";

    /// <summary>Puts the bounded outbound buffer between the hub and the transport.</summary>
    public static IConnectionBuilder UseOutboundLimit(this IConnectionBuilder builder)
    {
        var services = builder.ApplicationServices;
        var options = services.GetRequiredService<IOptions<AlertDispatchOptions>>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlowConsumers));
        var json = services.GetRequiredService<IHubProtocolResolver>().GetProtocol("json", null)
            ?? throw new InvalidOperationException("the JSON hub protocol is not registered");
        byte[] close = json.GetMessageBytes(new CloseMessage(Reason, allowReconnect: true)).ToArray();
        return builder.Use(next => connection => RunAsync(connection, next, options.Value, close, log));
    }

    private static async Task RunAsync(ConnectionContext connection, ConnectionDelegate next, AlertDispatchOptions options, byte[] close, ILogger log)
    {
        var transport = connection.Transport;
        var buffer = new Pipe(new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0, useSynchronizationContext: false));
        var writer = new BoundedWriter(buffer.Writer, options.MaxUnsentBytes, (long)options.SlowConsumerAfter.TotalMilliseconds, close, unsent =>
        {
            LogSlowConsumer(log, connection.ConnectionId, unsent);
            _ = AbortLaterAsync(connection, options.SlowConsumerGrace);
        });
        var pump = PumpAsync(buffer.Reader, transport.Output, writer);
        connection.Transport = new DuplexPipe(transport.Input, writer);
        try
        {
            await next(connection);
        }
        finally
        {
            await writer.CompleteAsync();
            // What is still buffered gets a moment to go out; a subscriber that does not read it does not keep the connection.
            if (await Task.WhenAny(pump, Task.Delay(options.SlowConsumerGrace)) != pump)
            {
                transport.Output.CancelPendingFlush();
            }
            await pump;
            connection.Transport = transport;
        }
    }

    private static async Task PumpAsync(PipeReader buffered, PipeWriter socket, BoundedWriter counter)
    {
        try
        {
            while (true)
            {
                var read = await buffered.ReadAsync();
                var data = read.Buffer;
                foreach (var segment in data)
                {
                    socket.Write(segment.Span);
                }
                counter.Flushing();
                var flushed = await socket.FlushAsync();
                counter.Sent(data.Length);
                buffered.AdvanceTo(data.End);
                if (read.IsCompleted || flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or ConnectionAbortedException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is gone; the hub learns it from the transport.
        }
        finally
        {
            await buffered.CompleteAsync();
        }
    }

    private static async Task AbortLaterAsync(ConnectionContext connection, TimeSpan grace)
    {
        await Task.Delay(grace);
        connection.Abort(new ConnectionAbortedException(Reason));
    }

    [LoggerMessage(1210, LogLevel.Warning, "Closing hub connection {ConnectionId} as a slow consumer ({Unsent} bytes unsent); it can reconnect and resume")]
    private static partial void LogSlowConsumer(ILogger log, string connectionId, long unsent);

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>
    /// The hub's writer: never makes the hub wait, counts what is unsent and how long the pump has
    /// waited on the socket, and for a slow subscriber appends the close message once and drops
    /// everything after it.
    /// </summary>
    private sealed class BoundedWriter(PipeWriter inner, long limit, long stallMilliseconds, byte[] close, Action<long> slow) : PipeWriter
    {
        private long _written;
        private long _sent;
        private long _flushingSince;
        private bool _closing;
        private byte[] _discard = [];

        /// <summary>The pump starts waiting on the socket.</summary>
        public void Flushing() => Interlocked.Exchange(ref _flushingSince, Math.Max(Environment.TickCount64, 1));

        /// <summary>The pump handed <paramref name="bytes"/> to the socket.</summary>
        public void Sent(long bytes)
        {
            Interlocked.Add(ref _sent, bytes);
            Interlocked.Exchange(ref _flushingSince, 0);
        }

        public override void Advance(int bytes)
        {
            if (!_closing)
            {
                inner.Advance(bytes);
                _written += bytes;
            }
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _closing ? Discard(sizeHint) : inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _closing ? Discard(sizeHint).Span : inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            if (_closing)
            {
                return ValueTask.FromResult(new FlushResult(isCanceled: false, isCompleted: false));
            }
            long unsent = _written - Interlocked.Read(ref _sent);
            long since = Interlocked.Read(ref _flushingSince);
            if (unsent > limit || (since != 0 && Environment.TickCount64 - since > stallMilliseconds))
            {
                // Messages are flushed whole, so the close message starts on a message boundary.
                inner.Write(close);
                _closing = true;
                slow(unsent);
            }
            // The buffer never pauses its writer, so this completes at once.
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        private Memory<byte> Discard(int sizeHint)
        {
            if (_discard.Length < Math.Max(sizeHint, 1))
            {
                _discard = new byte[Math.Max(sizeHint, 4096)];
            }
            return _discard;
        }
    }
}
