using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>What every text-to-speech request has: model, transcript, voice, output format and options.</summary>
public abstract class TtsRequestBase : CartesiaModel
{
    /// <summary>The model, for example <see cref="TtsModel.Sonic3"/>.</summary>
    [JsonPropertyName("model_id")]
    public required TtsModel ModelId { get; set; }

    /// <summary>The text to speak (not empty).</summary>
    [JsonPropertyName("transcript")]
    public required string Transcript { get; set; }

    /// <summary>The voice, by id: <c>Voice = "a0e99841-…"</c>.</summary>
    [JsonPropertyName("voice")]
    public required TtsVoice Voice { get; set; }

    /// <summary>The audio to produce, for example <c>AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100)</c>.</summary>
    [JsonPropertyName("output_format")]
    public required AudioOutputFormat OutputFormat { get; set; }

    /// <summary>The transcript's language; omit to let the service detect it. Exclusive with <see cref="Locale"/>.</summary>
    [JsonPropertyName("language")]
    public Language? Language { get; set; }

    /// <summary>
    /// The locale to speak in, for example <c>en-GB</c> (API 2026-08-14 and later). Exclusive with
    /// <see cref="Language"/>.
    /// </summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; set; }

    /// <summary>How to normalize the text (API 2026-08-14 and later): <c>auto</c>, <c>off</c> or a locale.</summary>
    [JsonPropertyName("normalization")]
    public TtsNormalization? Normalization { get; set; }

    /// <summary>Volume, speed and emotion (Sonic 3 models).</summary>
    [JsonPropertyName("generation_config")]
    public GenerationConfig? GenerationConfig { get; set; }

    /// <summary>The id of a pronunciation dictionary to apply (Sonic 3 and newer).</summary>
    [JsonPropertyName("pronunciation_dict_id")]
    public string? PronunciationDictId { get; set; }

    /// <summary>The deprecated coarse speed; use <see cref="GenerationConfig"/>.<see cref="GenerationConfig.Speed"/>.</summary>
    [Obsolete("Deprecated by the API: use GenerationConfig.Speed.")]
    [JsonPropertyName("speed")]
    public ModelSpeed? Speed { get; set; }
}
