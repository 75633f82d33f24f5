using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cartesia.Tests.Support;

/// <summary>
/// A raw HTTP/1.1 server on loopback that plays a hostile Cartesia: it records every byte each connection sends
/// (so a test sees exactly what reached the wire, injected headers and smuggled requests included) and answers
/// each request with whatever the test's responder writes (endless lines, huge bodies, echoed secrets…), then
/// closes the connection.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, Stream, Task> _respond;
    private readonly MemoryStream _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _connections;

    /// <param name="respond">Writes the answer to a request, given the request's head (request line and headers).</param>
    public HostileServer(Func<string, Stream, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The server's base address.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>How many connections were accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every byte received so far, on every connection, as Latin-1 text (byte for byte).</summary>
    public string Received
    {
        get
        {
            lock (_received)
            {
                return Encoding.Latin1.GetString(_received.ToArray());
            }
        }
    }

    /// <summary>An answer with a status, a content type and a body (Content-Length set, connection closed after).</summary>
    public static async Task WriteAsync(Stream stream, int status, string contentType, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(bytes);
    }

    /// <summary>
    /// A 200 answer whose body is <paramref name="prefix"/> followed by <paramref name="fillBytes"/> bytes of
    /// <paramref name="fill"/> and no end marker (no Content-Length: the body runs until the connection closes).
    /// Stops quietly when the client hangs up.
    /// </summary>
    public static async Task WriteEndlessAsync(Stream stream, string contentType, string prefix, byte fill, long fillBytes)
    {
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nConnection: close\r\n\r\n{prefix}"));
            byte[] chunk = new byte[64 * 1024];
            Array.Fill(chunk, fill);
            for (long sent = 0; sent < fillBytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, fillBytes - sent)));
            }
        }
        catch (IOException)
        {
            // The client stopped reading and closed: that is the point.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                connections.Add(HandleAsync(client));
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                string head = await ReadHeadAsync(stream);
                await _respond(head, stream);
                await stream.FlushAsync();
                client.Client.Shutdown(SocketShutdown.Send);

                // Record whatever else the client sends until it hangs up (a smuggled request would show here).
                byte[] rest = new byte[4096];
                using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                int read;
                while ((read = await stream.ReadAsync(rest, drain.Token)) > 0)
                {
                    Record(rest.AsSpan(0, read));
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        byte[] one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }

            head.Add(one[0]);
            Record(one);
        }

        string text = Encoding.Latin1.GetString([.. head]);
        string? length = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null && int.TryParse(length["Content-Length:".Length..].Trim(), out int bodyLength) && bodyLength > 0)
        {
            byte[] body = new byte[bodyLength];
            await stream.ReadExactlyAsync(body);
            Record(body);
        }

        return text;
    }

    private void Record(ReadOnlySpan<byte> bytes)
    {
        lock (_received)
        {
            _received.Write(bytes);
        }
    }

    private static bool EndsWithBlankLine(List<byte> head)
        => head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
