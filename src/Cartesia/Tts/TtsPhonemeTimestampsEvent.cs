using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>Phoneme timestamps for audio of the stream (sent when phoneme timestamps were requested).</summary>
public sealed class TtsPhonemeTimestampsEvent : TtsEvent
{
    /// <summary>Creates a phoneme timestamps event.</summary>
    public TtsPhonemeTimestampsEvent() : base("phoneme_timestamps")
    {
    }

    /// <summary>The phonemes and their times.</summary>
    [JsonPropertyName("phoneme_timestamps")]
    public PhonemeTimestamps? PhonemeTimestamps { get; init; }

    /// <summary>Which flush segment the phonemes belong to (WebSocket; counts from 1).</summary>
    [JsonPropertyName("flush_id")]
    public int? FlushId { get; init; }
}
