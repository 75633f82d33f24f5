using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>A piece of audio, already decoded from base64, in the requested raw encoding and sample rate.</summary>
public sealed class TtsChunkEvent : TtsEvent
{
    /// <summary>Creates a chunk event.</summary>
    public TtsChunkEvent() : base("chunk")
    {
    }

    /// <summary>The audio bytes (concatenate the chunks of a context to get its whole audio).</summary>
    [JsonPropertyName("data")]
    public ReadOnlyMemory<byte> Audio { get; init; }

    /// <summary>The service's processing time for the chunk, in milliseconds.</summary>
    [JsonPropertyName("step_time")]
    public double? StepTime { get; init; }

    /// <summary>Which flush segment the audio belongs to (WebSocket; counts from 1).</summary>
    [JsonPropertyName("flush_id")]
    public int? FlushId { get; init; }
}
