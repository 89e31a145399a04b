using System.Net;
using System.Net.Sockets;

namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>
/// A TCP forwarder on a loopback port in front of a server, so a test can cut the network under a live client:
/// <see cref="CutAsync"/> closes every open connection and refuses new ones until <see cref="Restore"/>.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private volatile Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TcpClient In, TcpClient Out)> _open = [];
    private readonly Task _accepting;
    private volatile bool _refusing;
    private int _accepted;

    public TcpProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The address to give clients instead of the server's.</summary>
    public Uri Address { get; }

    /// <summary>How many connections were forwarded so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Closes every open connection and refuses new ones.</summary>
    public Task CutAsync()
    {
        _refusing = true;
        lock (_open)
        {
            foreach (var (a, b) in _open)
            {
                Reset(a);
                b.Dispose();
            }
            _open.Clear();
        }
        return Task.CompletedTask;
    }

    /// <summary>Forwards new connections to <paramref name="target"/> from now on (a load balancer failing over).</summary>
    public void Retarget(Uri target) => _target = target;

    /// <summary>Forwards new connections again.</summary>
    public void Restore() => _refusing = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (_refusing)
            {
                Reset(client);
                continue;
            }
            var server = new TcpClient();
            var target = _target;
            try
            {
                await server.ConnectAsync(target.Host, target.Port, _stop.Token);
            }
            catch (Exception)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }
            Interlocked.Increment(ref _accepted);
            lock (_open)
            {
                _open.Add((client, server));
            }
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    /// <summary>Closes with a reset, as when a node dies (a pump may have closed it already).</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client?.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        client.Dispose();
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token);
            to.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception)
        {
            // A cut connection ends both directions.
            from.Dispose();
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await CutAsync();
        await _accepting;
        _stop.Dispose();
    }
}
