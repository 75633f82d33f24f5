using System.Text.Json;

namespace Cartesia.Tts;

/// <summary>
/// The generation settings of one WebSocket context, fixed for its whole life (the service requires every
/// input of a context to repeat them unchanged; to change voice or model, start a new context).
/// </summary>
public sealed class TtsContextOptions
{
    /// <summary>The model, for example <see cref="TtsModel.Sonic3"/>.</summary>
    public required TtsModel ModelId { get; set; }

    /// <summary>The voice, by id.</summary>
    public required TtsVoice Voice { get; set; }

    /// <summary>The audio format: WebSocket audio is always raw, for example <c>AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000)</c>.</summary>
    public required AudioOutputFormat OutputFormat { get; set; }

    /// <summary>The context id; a fresh one is made when null. It must be unique on the connection.</summary>
    public string? ContextId { get; set; }

    /// <summary>The transcript's language; omit to let the service detect it.</summary>
    public Language? Language { get; set; }

    /// <summary>
    /// The locale to speak in, for example <c>en-GB</c> (<c>locale</c>, API 2026-08-14 and later). Exclusive with
    /// <see cref="Language"/>.
    /// </summary>
    public string? Locale { get; set; }

    /// <summary>How to normalize the text (<c>normalization</c>, API 2026-08-14 and later): <c>auto</c>, <c>off</c> or a locale.</summary>
    public TtsNormalization? Normalization { get; set; }

    /// <summary>
    /// Volume, speed and emotion (Sonic 3 models). One input can carry its own with
    /// <see cref="TtsContext.SendAsync(string, Tts.GenerationConfig, CancellationToken)"/>.
    /// </summary>
    public GenerationConfig? GenerationConfig { get; set; }

    /// <summary>Whether to receive word timestamps (needed by <see cref="TtsContext.GetSpokenText(TimeSpan)"/>).</summary>
    public bool AddTimestamps { get; set; }

    /// <summary>Whether to receive phoneme timestamps.</summary>
    public bool AddPhonemeTimestamps { get; set; }

    /// <summary>Whether timestamps refer to the normalized text (true) or the text as sent (false).</summary>
    public bool? UseNormalizedTimestamps { get; set; }

    /// <summary>
    /// How long the service buffers text before generating (0–5000 ms; the service's default is 3000). Set 0 when
    /// you aggregate text into sentences yourself, so buffering is not stacked twice.
    /// </summary>
    public int? MaxBufferDelayMs { get; set; }

    /// <summary>The id of a pronunciation dictionary to apply (Sonic 3 and newer).</summary>
    public string? PronunciationDictId { get; set; }

    /// <summary>Overrides <see cref="TtsWebSocketOptions.FirstChunkTimeout"/> for this context.</summary>
    public TimeSpan? FirstChunkTimeout { get; set; }

    /// <summary>Overrides <see cref="TtsWebSocketOptions.ChunkTimeout"/> for this context.</summary>
    public TimeSpan? ChunkTimeout { get; set; }

    /// <summary>Extra fields sent in every input of the context, for fields added to the API after this SDK.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
