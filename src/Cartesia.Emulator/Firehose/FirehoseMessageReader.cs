using System.Net.WebSockets;

namespace Cartesia.Emulator.Firehose;

/// <summary>
/// Reads whole WebSocket messages into one reused, growing buffer (no allocation per message); a message over the
/// limit closes the socket with 1009 (message too big).
/// </summary>
internal sealed class FirehoseMessageReader(WebSocket socket, int initialBytes, int maxBytes)
{
    private byte[] _buffer = new byte[Math.Min(initialBytes, maxBytes + 1)];

    /// <summary>The last message's bytes (valid until the next read).</summary>
    public ReadOnlySpan<byte> Message => _buffer.AsSpan(0, Count);

    /// <summary>The last message's length.</summary>
    public int Count { get; private set; }

    /// <summary>Reads the next whole message; returns its type (<see cref="WebSocketMessageType.Close"/> at the end, or after refusing one too big).</summary>
    public async ValueTask<WebSocketMessageType> ReadAsync(CancellationToken cancellationToken)
    {
        int count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (count == _buffer.Length)
            {
                Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, maxBytes + 1L));
            }

            result = await socket.ReceiveAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            count += result.Count;
            if (count > maxBytes)
            {
                await Hosting.EmulatorWebSocket.RefuseTooBigAsync(socket, maxBytes).ConfigureAwait(false);
                Count = 0;
                return WebSocketMessageType.Close;
            }
        }
        while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

        Count = count;
        return result.MessageType;
    }
}
