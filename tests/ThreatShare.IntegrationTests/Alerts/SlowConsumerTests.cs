using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ThreatShare.IntegrationTests.Fixtures;

namespace ThreatShare.IntegrationTests.Alerts;

/// <summary>
/// A subscriber that stops reading its socket does not hold back the others: they get every alert
/// while its share waits in a bounded buffer, and it is closed with a message that names the reason.
/// </summary>
public sealed class SlowConsumerTests
{
    private const string Finance = "channel:sector:finance";

    [Fact]
    public async Task ASubscriberThatDoesNotRead_HoldsBackNoOne_AndIsClosedWithTheReason()
    {
        await using var node = await ServerNode.StartAsync(new Dictionary<string, string?>
        {
            ["ThreatShare:Alerts:SlowConsumerAfter"] = "00:00:03",
            // Long enough for this test to read the close message; the default is 5 s.
            ["ThreatShare:Alerts:SlowConsumerGrace"] = "00:02:00",
        });
        using var publisher = node.ClientWith(await node.ClientTokenAsync("bank-a"));
        string readerToken = await node.ClientTokenAsync("bank-b");

        using var slow = await RawHubConnection.OpenAsync(node.BaseAddress, readerToken);
        long received = 0, newest = 0;
        var fast = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, "/hubs/alerts"), HttpTransportType.WebSockets, o => o.AccessTokenProvider = () => Task.FromResult<string?>(readerToken))
            .Build();
        fast.On<JsonElement>("alert", a =>
        {
            if (a.GetProperty("stream").GetString() == Finance)
            {
                Interlocked.Increment(ref received);
                Interlocked.Exchange(ref newest, a.GetProperty("sequence").GetInt64());
            }
        });
        await fast.StartAsync();

        // About 9 MB of alerts: more than the kernel buffers of the stalled socket and the server's buffer for it.
        const int Submissions = 9, PerSubmission = 100;
        string text = string.Concat(Enumerable.Repeat("Infrastructure reused across several campaigns against the sector. ", 150));
        for (int s = 0; s < Submissions; s++)
        {
            var objects = Enumerable.Range(0, PerSubmission).Select(_ =>
            {
                var indicator = Samples.Indicator(pattern: $"[ipv4-addr:value = '45.155.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}']");
                indicator["description"] = text;
                return indicator;
            }).ToArray();
            using var response = await publisher.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(objects)));
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
        long last = (await publisher.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?stream={Finance}&after=0&limit=1")).GetProperty("last_sequence").GetInt64();
        Assert.True(last >= Submissions * PerSubmission);

        // The reading subscriber gets everything, live, while the other reads nothing.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Interlocked.Read(ref newest) < last && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.True(Interlocked.Read(ref newest) == last, $"the reading subscriber got {received} alerts up to {newest} of {last}: held back by the one that does not read");
        Assert.Equal(last, Interlocked.Read(ref received));

        // Its socket has now been full for longer than SlowConsumerAfter: the next alert closes it, and the other still gets that one.
        await Task.Delay(TimeSpan.FromSeconds(4));
        using (var one = await publisher.PostAsJsonAsync("/api/v1/submissions", Samples.Submission("sector:finance", "green", Samples.Bundle(Samples.Indicator()))))
        {
            Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        }
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (Interlocked.Read(ref newest) <= last && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(last + 1, Interlocked.Read(ref newest));
        await fast.DisposeAsync();

        // The stalled subscriber, reading at last, finds what was buffered for it and then the reason it is closed.
        string stream = await slow.ReadUntilClosedAsync(TimeSpan.FromSeconds(90));
        int closeAt = stream.IndexOf("\"type\":7", StringComparison.Ordinal);
        Assert.True(closeAt >= 0, "no close message");
        Assert.Contains("slow consumer", stream[closeAt..], StringComparison.Ordinal);
        // What was buffered before the close is whole alerts of the stream, in order (how many depends on the kernel's socket buffers).
        var buffered = System.Text.RegularExpressions.Regex.Matches(stream[..closeAt], "\"stream\":\"channel:sector:finance\",\"sequence\":(\\d+)")
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(buffered);
        Assert.Equal(buffered.Order(), buffered);
        Assert.Equal(buffered.Count, buffered.Distinct().Count());
        Assert.InRange(buffered[^1], 1, last + 1);
    }

    /// <summary>
    /// A WebSocket to the hub spoken by hand over a socket with a tiny receive buffer, so that not
    /// reading it stalls the server's sends at once, as a stuck subscriber on a slow link would.
    /// </summary>
    private sealed class RawHubConnection : IDisposable
    {
        private readonly Socket _socket;
        private readonly NetworkStream _stream;

        private RawHubConnection(Socket socket)
        {
            _socket = socket;
            _stream = new NetworkStream(socket, ownsSocket: false);
        }

        public static async Task<RawHubConnection> OpenAsync(Uri server, string token)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
            await socket.ConnectAsync(server.Host, server.Port);
            var connection = new RawHubConnection(socket);
            string key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
            string request = $"GET /hubs/alerts?access_token={Uri.EscapeDataString(token)} HTTP/1.1\r\nHost: {server.Authority}\r\nUpgrade: websocket\r\n" +
                $"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
            await connection._stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            string head = await connection.ReadHeadAsync();
            Assert.StartsWith("HTTP/1.1 101", head, StringComparison.Ordinal);
            await connection.SendTextAsync("{\"protocol\":\"json\",\"version\":1}\u001e");
            Assert.Equal("{}\u001e", await connection.ReadMessageAsync());
            return connection;
        }

        /// <summary>Everything the server sends until it closes (or stops sending for a while), as text.</summary>
        public async Task<string> ReadUntilClosedAsync(TimeSpan timeout)
        {
            var text = new StringBuilder();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                while (true)
                {
                    string? message = await ReadMessageAsync(cancel.Token);
                    if (message is null)
                    {
                        return text.ToString();
                    }
                    text.Append(message);
                    if (message.Contains("\"type\":7", StringComparison.Ordinal))
                    {
                        return text.ToString();
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or EndOfStreamException)
            {
                return text.ToString();
            }
        }

        private async Task<string> ReadHeadAsync()
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                await _stream.ReadExactlyAsync(one);
                head.Append((char)one[0]);
            }
            return head.ToString();
        }

        /// <summary>The payload of the next data frame as text; null on a close frame.</summary>
        private async Task<string?> ReadMessageAsync(CancellationToken ct = default)
        {
            var header = new byte[2];
            await _stream.ReadExactlyAsync(header, ct);
            int opcode = header[0] & 0x0f;
            long length = header[1] & 0x7f;
            if (length >= 126)
            {
                var extended = new byte[length == 126 ? 2 : 8];
                await _stream.ReadExactlyAsync(extended, ct);
                length = extended.Aggregate(0L, (n, b) => (n << 8) | b);
            }
            var payload = new byte[length];
            await _stream.ReadExactlyAsync(payload, ct);
            return opcode == 0x8 ? null : Encoding.UTF8.GetString(payload);
        }

        private async Task SendTextAsync(string text)
        {
            byte[] payload = Encoding.UTF8.GetBytes(text);
            byte[] mask = Guid.NewGuid().ToByteArray()[..4];
            var frame = new List<byte> { 0x81, (byte)(0x80 | payload.Length) };
            frame.AddRange(mask);
            frame.AddRange(payload.Select((b, i) => (byte)(b ^ mask[i % 4])));
            await _stream.WriteAsync(frame.ToArray());
        }

        public void Dispose()
        {
            _stream.Dispose();
            _socket.Dispose();
        }
    }
}
