using System.Text.RegularExpressions;

namespace Cartesia.Tts;

/// <summary>
/// Checks a text-to-speech request for everything knowable locally, before anything is sent, and throws
/// <see cref="ArgumentException"/> naming the field.
/// </summary>
internal static partial class TtsRequestValidator
{
    /// <summary>The transports, which differ in the containers they allow.</summary>
    public enum Transport
    {
        /// <summary><c>POST /tts/bytes</c>: raw, wav and mp3.</summary>
        Bytes,

        /// <summary><c>POST /tts/sse</c> and the WebSocket: raw only.</summary>
        Stream,
    }

    /// <summary>Validates a request for the given transport and API version.</summary>
    public static void Validate(TtsRequestBase request, Transport transport, CartesiaApiVersion version, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        string type = request.GetType().Name;

        CheckId(request.ModelId.Value, $"{type}.ModelId (model_id)", paramName);
        if (string.IsNullOrWhiteSpace(request.Transcript))
        {
            throw new ArgumentException($"{type}.Transcript (transcript) must not be empty or white space.", paramName);
        }

        if (request.Voice is null)
        {
            throw new ArgumentException($"{type}.Voice (voice) is required: set it to a voice id.", paramName);
        }

        CheckId(request.Voice.Id, $"{type}.Voice (voice id)", paramName);
        ValidateOutputFormat(request.OutputFormat, transport, $"{type}.OutputFormat", paramName);

        if (request.Language is { } language)
        {
            CheckId(language.Value, $"{type}.Language (language)", paramName);
        }

        ValidateLocale(request.Language, request.Locale, request.Normalization, version, type, paramName);

        ValidateGenerationConfig(request.GenerationConfig, $"{type}.GenerationConfig", paramName);

        if (request.PronunciationDictId is not null)
        {
            CheckId(request.PronunciationDictId, $"{type}.PronunciationDictId (pronunciation_dict_id)", paramName);
        }
    }

    /// <summary>Validates an output format for a transport.</summary>
    public static void ValidateOutputFormat(AudioOutputFormat? format, Transport transport, string field, string paramName)
    {
        if (format is null)
        {
            throw new ArgumentException($"{field} (output_format) is required, for example AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100).", paramName);
        }

        if (format.Container.Value is null)
        {
            throw new ArgumentException($"{field}.Container (output_format.container) is required: raw, wav or mp3.", paramName);
        }

        if (transport == Transport.Stream && format.Container != AudioContainer.Raw)
        {
            throw new ArgumentException($"{field}.Container is '{format.Container}', but streamed audio (SSE and WebSocket) is always 'raw'; use AudioOutputFormat.Raw(…), or the bytes endpoint for wav and mp3.", paramName);
        }

        if (!AudioOutputFormat.SupportedSampleRates.Contains(format.SampleRate))
        {
            throw new ArgumentException($"{field}.SampleRate (output_format.sample_rate) is {format.SampleRate} Hz; supported rates are {string.Join(", ", AudioOutputFormat.SupportedSampleRates)}.", paramName);
        }

        if (format.Container == AudioContainer.Mp3)
        {
            if (format.Encoding is not null)
            {
                throw new ArgumentException($"{field}.Encoding must not be set for mp3 (mp3 has a bit rate, not a sample encoding).", paramName);
            }

            if (format.BitRate is not { } bitRate || !AudioOutputFormat.SupportedBitRates.Contains(bitRate))
            {
                throw new ArgumentException($"{field}.BitRate (output_format.bit_rate) must be one of {string.Join(", ", AudioOutputFormat.SupportedBitRates)} for mp3; it is {format.BitRate?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not set"}.", paramName);
            }
        }
        else if (format.Container == AudioContainer.Raw || format.Container == AudioContainer.Wav)
        {
            if (format.Encoding is not { } encoding || encoding.Value is null)
            {
                throw new ArgumentException($"{field}.Encoding (output_format.encoding) is required for {format.Container}: pcm_s16le, pcm_f32le, pcm_mulaw or pcm_alaw.", paramName);
            }

            if (format.BitRate is not null)
            {
                throw new ArgumentException($"{field}.BitRate applies to mp3 only; remove it for {format.Container}.", paramName);
            }
        }
    }

    /// <summary>Validates the volume, speed and emotion ranges.</summary>
    public static void ValidateGenerationConfig(GenerationConfig? config, string field, string paramName)
    {
        if (config is null)
        {
            return;
        }

        if (config.Speed is { } speed && !(speed >= GenerationConfig.MinSpeed && speed <= GenerationConfig.MaxSpeed))
        {
            throw new ArgumentOutOfRangeException(paramName, speed, $"{field}.Speed (generation_config.speed) must be between {GenerationConfig.MinSpeed} and {GenerationConfig.MaxSpeed}.");
        }

        if (config.Volume is { } volume && !(volume >= GenerationConfig.MinVolume && volume <= GenerationConfig.MaxVolume))
        {
            throw new ArgumentOutOfRangeException(paramName, volume, $"{field}.Volume (generation_config.volume) must be between {GenerationConfig.MinVolume} and {GenerationConfig.MaxVolume}.");
        }

        if (config.Emotion is { } emotion)
        {
            CheckId(emotion.Value, $"{field}.Emotion (generation_config.emotion)", paramName);
        }
    }

    /// <summary>Rejects an id that is empty or carries white space or control characters at its ends.</summary>
    public static void CheckId(string? value, string field, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required and must not be empty.", paramName);
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || Core.Validate.HasControl(value))
        {
            throw new ArgumentException($"{field} '{value}' has white space or control characters around it (a pasted non-breaking space?); remove them.", paramName);
        }
    }

    /// <summary>Checks <c>locale</c> and <c>normalization</c> (API 2026-08-14 and later; locale exclusive with language).</summary>
    public static void ValidateLocale(Language? language, string? locale, TtsNormalization? normalization, CartesiaApiVersion version, string type, string paramName)
    {
        if (locale is not null)
        {
            if (language is not null)
            {
                throw new ArgumentException($"{type}.Language and {type}.Locale are exclusive: set one of them.", paramName);
            }

            if (!LocalePattern().IsMatch(locale))
            {
                throw new ArgumentException($"{type}.Locale (locale) must look like 'en-GB' (language-REGION); '{locale}' does not.", paramName);
            }

            RequireVersion(version, $"{type}.Locale (locale)", paramName);
        }

        if (normalization is { } value)
        {
            CheckId(value.Value, $"{type}.Normalization (normalization)", paramName);
            RequireVersion(version, $"{type}.Normalization (normalization)", paramName);
        }
    }

    private static void RequireVersion(CartesiaApiVersion version, string field, string paramName)
    {
        if (version < CartesiaApiVersion.V2026_08_14)
        {
            throw new ArgumentException($"{field} needs API version 2026-08-14 or later; this client is pinned to {version}.", paramName);
        }
    }

    [GeneratedRegex("^[a-z]{2}-[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();
}
