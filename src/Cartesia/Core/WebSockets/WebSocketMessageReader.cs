using System.Buffers;
using System.Net.WebSockets;
using Cartesia.Core.Diagnostics;

namespace Cartesia.Core.WebSockets;

/// <summary>
/// Reads whole messages from a WebSocket into one pooled buffer that grows as needed, so a steady stream of
/// frames is received without allocating per message. Not thread-safe: one reader loop per socket.
/// </summary>
internal sealed class WebSocketMessageReader : IDisposable
{
    private readonly WebSocket _socket;
    private readonly int _maxMessageBytes;
    private byte[] _buffer;

    public WebSocketMessageReader(WebSocket socket, int initialBytes = 64 * 1024, int maxMessageBytes = 64 * 1024 * 1024)
    {
        _socket = socket;
        _maxMessageBytes = maxMessageBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(initialBytes);
    }

    /// <summary>Reads the next whole message (or the close).</summary>
    /// <exception cref="WebSocketException">The connection broke.</exception>
    /// <exception cref="CartesiaProtocolException">A message was larger than allowed.</exception>
    public async ValueTask<WebSocketMessage> ReadAsync(CancellationToken cancellationToken)
    {
        int count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                Grow();
            }

            ValueWebSocketReceiveResult result = await _socket.ReceiveAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new WebSocketMessage(WebSocketMessageType.Close, ReadOnlyMemory<byte>.Empty, _socket.CloseStatus, SecretRedactor.Redact(_socket.CloseStatusDescription));
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return new WebSocketMessage(result.MessageType, _buffer.AsMemory(0, count), null, null);
            }
        }
    }

    public void Dispose()
    {
        byte[] buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow()
    {
        if (_buffer.Length >= _maxMessageBytes)
        {
            throw new CartesiaProtocolException($"A WebSocket message exceeded {_maxMessageBytes} bytes.");
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxMessageBytes));
        _buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
