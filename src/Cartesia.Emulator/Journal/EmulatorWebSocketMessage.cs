using System.Text;

namespace Cartesia.Emulator.Journal;

/// <summary>A message a client sent on a WebSocket, as received.</summary>
/// <param name="Binary">Whether it was a binary frame (audio) rather than text.</param>
/// <param name="Data">Its bytes.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record EmulatorWebSocketMessage(bool Binary, byte[] Data, DateTimeOffset ReceivedAt)
{
    /// <summary>The message as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Data);
}
