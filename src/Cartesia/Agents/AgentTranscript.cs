using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>One turn of a call transcript.</summary>
public sealed class AgentTranscript : CartesiaModel
{
    /// <summary>Who spoke.</summary>
    [JsonPropertyName("role")]
    public TranscriptRole Role { get; init; }

    /// <summary>What was said.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The turn in timed pieces.</summary>
    [JsonPropertyName("text_chunks")]
    public IReadOnlyList<TextChunk>? TextChunks { get; init; }

    /// <summary>The start, in seconds from the start of the call.</summary>
    [JsonPropertyName("start_timestamp")]
    public double StartTimestamp { get; init; }

    /// <summary>The end, in seconds from the start of the call.</summary>
    [JsonPropertyName("end_timestamp")]
    public double EndTimestamp { get; init; }

    /// <summary>Why an assistant turn ended: <c>call_ended</c>, <c>interrupted</c> or <c>tts_completed</c>.</summary>
    [JsonPropertyName("end_reason")]
    public string? EndReason { get; init; }

    /// <summary>Tools called during the turn.</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }

    /// <summary>The voice-activity-detection buffer, in milliseconds.</summary>
    [JsonPropertyName("vad_buffer_ms")]
    public int? VadBufferMs { get; init; }

    /// <summary>Time to first audio byte of the agent's speech, in seconds.</summary>
    [JsonPropertyName("tts_ttfb")]
    public double? TtsTtfb { get; init; }

    /// <summary>A logged event (system turns).</summary>
    [JsonPropertyName("log_event")]
    public LogEvent? LogEvent { get; init; }

    /// <summary>A logged metric (system turns).</summary>
    [JsonPropertyName("log_metric")]
    public LogMetric? LogMetric { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Role}: {Text}";
}
