using Cartesia.Tts;

namespace Cartesia.Infill;

/// <summary>
/// Speech that fills the gap between two clips, in their voice (<c>POST /infill/bytes</c>, multipart). At least one
/// of <see cref="LeftAudio"/> and <see cref="RightAudio"/> is needed. Costs 1 credit per character of the transcript
/// plus 300.
/// </summary>
public sealed class InfillRequest
{
    /// <summary>The audio before the gap (<c>left_audio</c>).</summary>
    public CartesiaFile? LeftAudio { get; set; }

    /// <summary>The audio after the gap (<c>right_audio</c>).</summary>
    public CartesiaFile? RightAudio { get; set; }

    /// <summary>The model: <c>sonic-3</c> or a dated sonic-3 snapshot (<c>model_id</c>).</summary>
    public required TtsModel ModelId { get; set; }

    /// <summary>The text to speak in the gap (<c>transcript</c>).</summary>
    public required string Transcript { get; set; }

    /// <summary>The voice to speak with (<c>voice_id</c>).</summary>
    public required string VoiceId { get; set; }

    /// <summary>The audio to produce (<c>output_format[…]</c>).</summary>
    public required AudioOutputFormat OutputFormat { get; set; }

    /// <summary>The transcript's language (<c>language</c>).</summary>
    public Language? Language { get; set; }
}
