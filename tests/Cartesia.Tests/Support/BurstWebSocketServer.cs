using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Cartesia.Tests.Support;

/// <summary>
/// A bare WebSocket server on loopback that answers one handshake, waits for the client's first frame and then
/// writes a whole script of text frames (and optionally a close frame) in a single socket write, so the client
/// receives them as one burst. The emulator writes frame by frame; this is for what only a burst shows.
/// </summary>
internal sealed class BurstWebSocketServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="textFrames">The frames of the burst.</param>
    /// <param name="closeStatus">A close frame after the burst, or null for a reset.</param>
    /// <param name="holdOpen">After the burst, neither close nor reset: keep the connection open (reading nothing) until disposed.</param>
    public BurstWebSocketServer(IReadOnlyList<string> textFrames, ushort? closeStatus, bool holdOpen = false)
    {
        _listener.Start();
        _serving = ServeAsync(textFrames, closeStatus, holdOpen);
    }

    /// <summary>The server's base address.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        _listener.Stop();
        try
        {
            await _serving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
        }
    }

    private async Task ServeAsync(IReadOnlyList<string> textFrames, ushort? closeStatus, bool holdOpen)
    {
        using TcpClient client = await _listener.AcceptTcpClientAsync();
        NetworkStream stream = client.GetStream();
        string request = await ReadHandshakeAsync(stream);
        string key = request.Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for the handshake; it protects nothing
        string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"));

        var first = new byte[1];
        await stream.ReadExactlyAsync(first); // the client's first frame has begun: its context exists

        var burst = new MemoryStream();
        foreach (string text in textFrames)
        {
            WriteFrame(burst, 0x81, Encoding.UTF8.GetBytes(text));
        }

        if (closeStatus is { } status)
        {
            WriteFrame(burst, 0x88, [(byte)(status >> 8), (byte)status]);
        }

        await stream.WriteAsync(burst.ToArray());
        if (holdOpen)
        {
            await _release.Task;
        }
        else if (closeStatus is null)
        {
            client.Client.LingerState = new LingerOption(true, 0); // a reset, not a close frame
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(1)); // leave the client time to answer the close
        }
    }

    private static async Task<string> ReadHandshakeAsync(NetworkStream stream)
    {
        var request = new StringBuilder();
        var one = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await stream.ReadExactlyAsync(one);
            request.Append((char)one[0]);
        }

        return request.ToString();
    }

    private static void WriteFrame(Stream output, byte head, byte[] payload)
    {
        output.WriteByte(head);
        if (payload.Length < 126)
        {
            output.WriteByte((byte)payload.Length);
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            output.WriteByte(126);
            output.WriteByte((byte)(payload.Length >> 8));
            output.WriteByte((byte)payload.Length);
        }
        else
        {
            output.WriteByte(127);
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                output.WriteByte((byte)((long)payload.Length >> shift));
            }
        }

        output.Write(payload);
    }
}
