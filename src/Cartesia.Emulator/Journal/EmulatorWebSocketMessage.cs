using System.Net.WebSockets;
using System.Text;

namespace Cartesia.Emulator.Journal;

/// <summary>One message the emulator received on a WebSocket, as it arrived (a long one cut to its first bytes).</summary>
/// <param name="Type">Text or binary.</param>
/// <param name="Data">The message's bytes, or its first <see cref="EmulatorLimits.JournalBodyPrefixBytes"/> bytes (see <see cref="Length"/>).</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record EmulatorWebSocketMessage(WebSocketMessageType Type, byte[] Data, DateTimeOffset ReceivedAt)
{
    /// <summary>The length of the whole message (it may be longer than <see cref="Data"/>).</summary>
    public int Length { get; init; } = Data.Length;

    /// <summary>Whether the message is binary (audio).</summary>
    public bool IsBinary => Type == WebSocketMessageType.Binary;

    /// <summary>The message as UTF-8 text (for text messages).</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    /// <inheritdoc />
    public override string ToString() => IsBinary ? $"binary {Length} B" : $"text {Text}";
}
