using System.Net.WebSockets;
using Cartesia.Core.WebSockets;

namespace Cartesia.Stt;

/// <summary>One WebSocket of a session (a reconnect replaces it): its single writer and its message reader.</summary>
internal sealed class SttConnection : IDisposable
{
    private int _broken;

    public SttConnection(ClientWebSocket socket)
    {
        Socket = socket;
        Sender = new WebSocketSender(socket);
        Reader = new WebSocketMessageReader(socket, initialBytes: 16 * 1024);
        RequestId = FindHeader(socket.HttpResponseHeaders, "X-Request-Id");
    }

    public ClientWebSocket Socket { get; }

    public WebSocketSender Sender { get; }

    public WebSocketMessageReader Reader { get; }

    /// <summary>The request id of the handshake response, when the service sent one.</summary>
    public string? RequestId { get; }

    /// <summary>Whether the connection is known to be gone (nothing more is sent on it).</summary>
    public bool Broken => Volatile.Read(ref _broken) != 0;

    /// <summary>Marks the connection gone and cuts it, so a send or a read waiting on it ends at once.</summary>
    public void Break()
    {
        Volatile.Write(ref _broken, 1);
        try
        {
            Socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // Already released.
        }
    }

    /// <summary>Marks the connection gone without cutting it (the service closed it; the close handshake goes on).</summary>
    public void MarkBroken() => Volatile.Write(ref _broken, 1);

    /// <summary>Releases the socket and the reader's buffer; only once nothing reads from it any more.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _broken, 1);
        Sender.Complete();
        Socket.Dispose();
        Reader.Dispose();
    }

    private static string? FindHeader(IReadOnlyDictionary<string, IEnumerable<string>>? headers, string name)
    {
        foreach ((string key, IEnumerable<string> values) in headers ?? new Dictionary<string, IEnumerable<string>>())
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }
}
