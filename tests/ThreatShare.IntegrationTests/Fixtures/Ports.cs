using System.Net;
using System.Net.Sockets;

namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>Ports for the servers tests start as processes.</summary>
public static class Ports
{
    /// <summary>A loopback port the operating system has just handed out, free for a child process to bind.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
