using System.Net.WebSockets;

namespace Cartesia.Core.WebSockets;

/// <summary>
/// One whole message received on a WebSocket. <see cref="Data"/> points into the reader's pooled buffer and is
/// valid only until the next read.
/// </summary>
internal readonly record struct WebSocketMessage(WebSocketMessageType Type, ReadOnlyMemory<byte> Data, WebSocketCloseStatus? CloseStatus, string? CloseDescription)
{
    public bool IsClose => Type == WebSocketMessageType.Close;
}
