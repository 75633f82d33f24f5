using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// A request for <c>POST /tts/sse</c>: audio as a stream of events, with optional word and phoneme timestamps.
/// The output container must be <c>raw</c>.
/// </summary>
public sealed class TtsSseRequest : TtsRequestBase
{
    /// <summary>Whether to send word timestamps (<see cref="TtsTimestampsEvent"/>).</summary>
    [JsonPropertyName("add_timestamps")]
    public bool? AddTimestamps { get; set; }

    /// <summary>Whether to send phoneme timestamps (<see cref="TtsPhonemeTimestampsEvent"/>).</summary>
    [JsonPropertyName("add_phoneme_timestamps")]
    public bool? AddPhonemeTimestamps { get; set; }

    /// <summary>Whether timestamps refer to the normalized text (true) or the text as sent (false).</summary>
    [JsonPropertyName("use_normalized_timestamps")]
    public bool? UseNormalizedTimestamps { get; set; }

    /// <summary>An id echoed on every event of the stream.</summary>
    [JsonPropertyName("context_id")]
    public string? ContextId { get; set; }
}
