namespace Cartesia.VoiceChanger;

/// <summary>
/// Speech to re-speak in another voice with the same intonation (<c>POST /voice-changer/bytes</c> and
/// <c>/voice-changer/sse</c>, multipart). Priced at 15 characters per second of input audio.
/// </summary>
public sealed class VoiceChangerRequest
{
    /// <summary>The source speech, from a path, a stream or bytes (<c>clip</c>).</summary>
    public required CartesiaFile Clip { get; set; }

    /// <summary>The voice to speak with (<c>voice[id]</c>).</summary>
    public required string VoiceId { get; set; }

    /// <summary>The audio to produce (<c>output_format[container]</c>, <c>[encoding]</c>, <c>[sample_rate]</c>, <c>[bit_rate]</c>); raw only for SSE.</summary>
    public required AudioOutputFormat OutputFormat { get; set; }
}
