using System.Net.WebSockets;

namespace Cartesia.Agents;

/// <summary>How an agent call ended normally, with what was sent and received (see <see cref="AgentRealtimeSession.Completion"/>).</summary>
public sealed class AgentCallEnd
{
    /// <summary>Who ended the call.</summary>
    public required AgentCallEndReason Reason { get; init; }

    /// <summary>The close status the service sent (1000 when the agent hung up), or null when this side closed first and no answer came.</summary>
    public WebSocketCloseStatus? CloseStatus { get; init; }

    /// <summary>The close reason the service sent, for example <c>call ended by agent</c> (secrets redacted).</summary>
    public string? CloseDescription { get; init; }

    /// <summary>Bytes of audio sent to the agent.</summary>
    public long AudioBytesSent { get; init; }

    /// <summary>Messages sent (audio, DTMF, tool results, …, the opening one included).</summary>
    public long MessagesSent { get; init; }

    /// <summary>Bytes of agent audio received.</summary>
    public long AudioBytesReceived { get; init; }

    /// <summary>Events received (audio included).</summary>
    public long EventsReceived { get; init; }

    /// <inheritdoc />
    public override string ToString()
        => $"{Reason}{(CloseStatus is { } status ? $" (close {(int)status}{(string.IsNullOrEmpty(CloseDescription) ? string.Empty : ": " + CloseDescription)})" : string.Empty)}; sent {AudioBytesSent} audio bytes in {MessagesSent} messages, received {AudioBytesReceived} audio bytes in {EventsReceived} events";
}
