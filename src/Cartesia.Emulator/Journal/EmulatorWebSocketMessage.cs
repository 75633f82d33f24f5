using System.Net.WebSockets;
using System.Text;

namespace Cartesia.Emulator.Journal;

/// <summary>One message the emulator received on a WebSocket, exactly as it arrived.</summary>
/// <param name="Type">Text or binary.</param>
/// <param name="Data">The message's bytes.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record EmulatorWebSocketMessage(WebSocketMessageType Type, byte[] Data, DateTimeOffset ReceivedAt)
{
    /// <summary>Whether the message is binary (audio).</summary>
    public bool IsBinary => Type == WebSocketMessageType.Binary;

    /// <summary>The message as UTF-8 text (for text messages).</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    /// <inheritdoc />
    public override string ToString() => IsBinary ? $"binary {Data.Length} B" : $"text {Text}";
}
