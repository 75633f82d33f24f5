using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>
/// An event of a streaming speech-to-text session. From <c>/stt/websocket</c>: <see cref="SttTranscriptEvent"/>,
/// <see cref="SttFlushDoneEvent"/>, <see cref="SttDoneEvent"/>. From <c>/stt/turns/websocket</c>:
/// <see cref="SttConnectedEvent"/>, <see cref="SttTurnStartEvent"/>, <see cref="SttTurnUpdateEvent"/>,
/// <see cref="SttTurnEagerEndEvent"/>, <see cref="SttTurnResumeEvent"/>, <see cref="SttTurnEndEvent"/>. From the
/// SDK itself: <see cref="SttReconnectingEvent"/> and <see cref="SttReconnectedEvent"/>. A type this SDK does not
/// know is delivered as <see cref="SttUnknownEvent"/>, never dropped; an error event ends the stream with
/// <see cref="CartesiaStreamException"/>.
/// </summary>
public abstract class SttEvent : CartesiaModel
{
    /// <summary>Creates an event of a type.</summary>
    /// <param name="type">The wire type, for example <c>transcript</c>.</param>
    protected SttEvent(string type) => Type = type;

    /// <summary>The wire type (<c>transcript</c>, <c>turn.end</c>, …).</summary>
    [JsonPropertyName("type")]
    public string Type { get; }

    /// <summary>The id of the connection, for Cartesia support (it changes when the session reconnects).</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <inheritdoc />
    public override string ToString() => RequestId is null ? Type : $"{Type} (request {RequestId})";
}
