using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// An event of a text-to-speech stream (Server-Sent Events or WebSocket): <see cref="TtsChunkEvent"/> (audio),
/// <see cref="TtsTimestampsEvent"/>, <see cref="TtsPhonemeTimestampsEvent"/>, <see cref="TtsFlushDoneEvent"/>,
/// <see cref="TtsDoneEvent"/>, <see cref="TtsErrorEvent"/>, or <see cref="TtsUnknownEvent"/> for a type this SDK
/// does not know yet (delivered, never dropped).
/// </summary>
public abstract class TtsEvent : CartesiaModel
{
    /// <summary>Creates an event of a type.</summary>
    /// <param name="type">The wire type, for example <c>chunk</c>.</param>
    protected TtsEvent(string type) => Type = type;

    /// <summary>The wire type (<c>chunk</c>, <c>timestamps</c>, <c>done</c>, …).</summary>
    [JsonPropertyName("type")]
    public string Type { get; }

    /// <summary>The context (generation) the event belongs to, when the stream has one.</summary>
    [JsonPropertyName("context_id")]
    public string? ContextId { get; init; }

    /// <summary>The HTTP-like status the service attaches to events (206 while streaming).</summary>
    [JsonPropertyName("status_code")]
    public int? StatusCode { get; init; }

    /// <summary>Whether this event ends its context.</summary>
    [JsonPropertyName("done")]
    public bool Done { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Type} (context {ContextId ?? "(none)"}{(Done ? ", done" : string.Empty)})";
}
