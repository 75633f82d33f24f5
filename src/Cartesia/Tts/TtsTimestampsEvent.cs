using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>Word timestamps for audio of the stream (sent when timestamps were requested).</summary>
public sealed class TtsTimestampsEvent : TtsEvent
{
    /// <summary>Creates a word timestamps event.</summary>
    public TtsTimestampsEvent() : base("timestamps")
    {
    }

    /// <summary>The words and their times.</summary>
    [JsonPropertyName("word_timestamps")]
    public WordTimestamps? WordTimestamps { get; init; }

    /// <summary>Which flush segment the words belong to (WebSocket; counts from 1).</summary>
    [JsonPropertyName("flush_id")]
    public int? FlushId { get; init; }
}
