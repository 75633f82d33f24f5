using System.Net.WebSockets;

namespace Cartesia.Stt;

/// <summary>How reading one connection of a session ended: the service's normal end, a failure that ends the session, or a loss (maybe recoverable).</summary>
internal readonly record struct SttReadOutcome(bool Ended, Exception? Failure, WebSocketCloseStatus? CloseStatus, string? CloseDescription, Exception? Cause)
{
    public static SttReadOutcome Normal => new(true, null, null, null, null);

    public static SttReadOutcome Fatal(Exception failure) => new(false, failure, null, null, null);

    public static SttReadOutcome Lost(WebSocketCloseStatus? status, string? description, Exception? cause) => new(false, null, status, description, cause);
}
