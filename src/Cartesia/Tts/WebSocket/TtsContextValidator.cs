namespace Cartesia.Tts;

/// <summary>Validates context options before anything is sent, and snapshots them so later edits cannot change a running context.</summary>
internal static class TtsContextValidator
{
    public static TtsContextOptions Validate(TtsContextOptions options, string paramName, CartesiaApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(options, paramName);
        const string Type = nameof(TtsContextOptions);
        TtsRequestValidator.CheckId(options.ModelId.Value, $"{Type}.ModelId (model_id)", paramName);
        if (options.Voice is null)
        {
            throw new ArgumentException($"{Type}.Voice (voice) is required: set it to a voice id.", paramName);
        }

        TtsRequestValidator.CheckId(options.Voice.Id, $"{Type}.Voice (voice id)", paramName);
        TtsRequestValidator.ValidateOutputFormat(options.OutputFormat, TtsRequestValidator.Transport.Stream, $"{Type}.OutputFormat", paramName);
        if (options.ContextId is not null)
        {
            TtsRequestValidator.CheckId(options.ContextId, $"{Type}.ContextId (context_id)", paramName);
        }

        if (options.Language is { } language)
        {
            TtsRequestValidator.CheckId(language.Value, $"{Type}.Language (language)", paramName);
        }

        TtsRequestValidator.ValidateLocale(options.Language, options.Locale, options.Normalization, version, Type, paramName);
        TtsRequestValidator.ValidateGenerationConfig(options.GenerationConfig, $"{Type}.GenerationConfig", paramName);
        if (options.MaxBufferDelayMs is < 0 or > 5000)
        {
            throw new ArgumentOutOfRangeException(paramName, options.MaxBufferDelayMs, $"{Type}.MaxBufferDelayMs (max_buffer_delay_ms) must be between 0 and 5000.");
        }

        if (options.PronunciationDictId is not null)
        {
            TtsRequestValidator.CheckId(options.PronunciationDictId, $"{Type}.PronunciationDictId (pronunciation_dict_id)", paramName);
        }

        CheckTimeout(options.FirstChunkTimeout, nameof(options.FirstChunkTimeout), paramName);
        CheckTimeout(options.ChunkTimeout, nameof(options.ChunkTimeout), paramName);

        return new TtsContextOptions
        {
            ModelId = options.ModelId,
            Voice = options.Voice,
            OutputFormat = new AudioOutputFormat
            {
                Container = options.OutputFormat.Container,
                Encoding = options.OutputFormat.Encoding,
                SampleRate = options.OutputFormat.SampleRate,
                AdditionalProperties = options.OutputFormat.AdditionalProperties,
            },
            ContextId = options.ContextId,
            Language = options.Language,
            Locale = options.Locale,
            Normalization = options.Normalization,
            GenerationConfig = options.GenerationConfig is { } config
                ? new GenerationConfig { Speed = config.Speed, Volume = config.Volume, Emotion = config.Emotion, AdditionalProperties = config.AdditionalProperties }
                : null,
            AddTimestamps = options.AddTimestamps,
            AddPhonemeTimestamps = options.AddPhonemeTimestamps,
            UseNormalizedTimestamps = options.UseNormalizedTimestamps,
            MaxBufferDelayMs = options.MaxBufferDelayMs,
            PronunciationDictId = options.PronunciationDictId,
            FirstChunkTimeout = options.FirstChunkTimeout,
            ChunkTimeout = options.ChunkTimeout,
            AdditionalProperties = options.AdditionalProperties is null ? null : new Dictionary<string, System.Text.Json.JsonElement>(options.AdditionalProperties),
        };
    }

    private static void CheckTimeout(TimeSpan? value, string name, string paramName)
    {
        if (value is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, timeout, $"{nameof(TtsContextOptions)}.{name} must be positive or Timeout.InfiniteTimeSpan.");
        }
    }
}
