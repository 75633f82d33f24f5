using System.Net.WebSockets;
using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>
/// From the SDK, not the service: the connection dropped with a recoverable close code and the session is about to
/// reconnect (<see cref="SttStreamingSessionOptions.Reconnect"/>). Audio not yet sent waits and goes out on the new
/// connection. Passed to <see cref="SttReconnectOptions.OnReconnecting"/> first, then to the reader.
/// </summary>
public sealed class SttReconnectingEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttReconnectingEvent() : base("reconnecting")
    {
    }

    /// <summary>This attempt (from 1).</summary>
    [JsonIgnore]
    public int Attempt { get; init; }

    /// <summary>How many attempts will be made at most.</summary>
    [JsonIgnore]
    public int MaxAttempts { get; init; }

    /// <summary>The wait before this attempt.</summary>
    [JsonIgnore]
    public TimeSpan Delay { get; init; }

    /// <summary>The close status the connection ended with, or null when it dropped with no close frame (1006).</summary>
    [JsonIgnore]
    public WebSocketCloseStatus? CloseStatus { get; init; }

    /// <summary>The close reason, if any.</summary>
    [JsonIgnore]
    public string? CloseDescription { get; init; }
}
