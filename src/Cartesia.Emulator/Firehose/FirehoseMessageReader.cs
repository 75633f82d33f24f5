using System.Net.WebSockets;

namespace Cartesia.Emulator.Firehose;

/// <summary>Reads whole WebSocket messages into one reused, growing buffer (no allocation per message).</summary>
internal sealed class FirehoseMessageReader(WebSocket socket, int initialBytes)
{
    private byte[] _buffer = new byte[initialBytes];

    /// <summary>The last message's bytes (valid until the next read).</summary>
    public ReadOnlySpan<byte> Message => _buffer.AsSpan(0, Count);

    /// <summary>The last message's length.</summary>
    public int Count { get; private set; }

    /// <summary>Reads the next whole message; returns its type (<see cref="WebSocketMessageType.Close"/> at the end).</summary>
    public async ValueTask<WebSocketMessageType> ReadAsync(CancellationToken cancellationToken)
    {
        int count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            result = await socket.ReceiveAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            count += result.Count;
        }
        while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

        Count = count;
        return result.MessageType;
    }
}
