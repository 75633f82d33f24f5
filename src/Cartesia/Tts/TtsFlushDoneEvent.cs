using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>All audio of a flush has been sent (WebSocket).</summary>
public sealed class TtsFlushDoneEvent : TtsEvent
{
    /// <summary>Creates a flush-done event.</summary>
    public TtsFlushDoneEvent() : base("flush_done")
    {
    }

    /// <summary>The flush that completed (counts from 1).</summary>
    [JsonPropertyName("flush_id")]
    public int? FlushId { get; init; }

    /// <summary>Always true on this event.</summary>
    [JsonPropertyName("flush_done")]
    public bool? FlushDone { get; init; }
}
