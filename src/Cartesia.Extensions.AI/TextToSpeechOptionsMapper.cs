using System.Globalization;
using System.Text.RegularExpressions;
using Cartesia.Tts;
using Microsoft.Extensions.AI;

namespace Cartesia.Extensions.AI;

/// <summary>Maps <see cref="TextToSpeechOptions"/> onto Cartesia requests, refusing what Cartesia cannot honour.</summary>
internal static partial class TextToSpeechOptionsMapper
{
    private static readonly HashSet<string> KnownKeys =
    [
        CartesiaAdditionalProperties.Emotion, CartesiaAdditionalProperties.SampleRate, CartesiaAdditionalProperties.Encoding,
        CartesiaAdditionalProperties.BitRate, CartesiaAdditionalProperties.PronunciationDictId, CartesiaAdditionalProperties.Normalization,
        CartesiaAdditionalProperties.AddTimestamps, CartesiaAdditionalProperties.ContextId,
    ];

    /// <summary>The settings common to both transports.</summary>
    public sealed record Settings(
        TtsModel Model,
        string Voice,
        AudioOutputFormat Format,
        Language? Language,
        string? Locale,
        GenerationConfig? GenerationConfig,
        string? PronunciationDictId,
        TtsNormalization? Normalization,
        bool AddTimestamps,
        string? ContextId);

    public static Settings Map(TextToSpeechOptions? options, CartesiaTextToSpeechClientOptions defaults, bool streaming, CartesiaApiVersion version)
    {
        IDictionary<string, object?> extra = options?.AdditionalProperties ?? (IDictionary<string, object?>)new Dictionary<string, object?>();
        foreach (string key in extra.Keys)
        {
            if (!KnownKeys.Contains(key))
            {
                throw new ArgumentException($"TextToSpeechOptions.AdditionalProperties has '{key}', which Cartesia does not understand; supported keys: {string.Join(", ", KnownKeys)}.", nameof(options));
            }
        }

        if (options?.Pitch is { } pitch && Math.Abs(pitch - 1f) > 1e-6)
        {
            throw new NotSupportedException($"Cartesia has no pitch control; TextToSpeechOptions.Pitch is {pitch}.");
        }

        string voice = options?.VoiceId ?? defaults.DefaultVoiceId
            ?? throw new InvalidOperationException("No voice: set TextToSpeechOptions.VoiceId or CartesiaTextToSpeechClientOptions.DefaultVoiceId.");
        TtsModel model = string.IsNullOrWhiteSpace(options?.ModelId) ? defaults.DefaultModelId : new TtsModel(options.ModelId);
        (Language? language, string? locale) = MapLanguage(options?.Language, version);
        AudioOutputFormat format = MapFormat(options?.AudioFormat, streaming ? defaults.DefaultStreamingFormat : defaults.DefaultOutputFormat, streaming, extra);
        string? emotion = Get<string>(extra, CartesiaAdditionalProperties.Emotion);
        GenerationConfig? config = options?.Speed is null && options?.Volume is null && emotion is null
            ? null
            : new GenerationConfig { Speed = options?.Speed, Volume = options?.Volume, Emotion = emotion is null ? (Emotion?)null : new Emotion(emotion) };
        string? normalization = Get<string>(extra, CartesiaAdditionalProperties.Normalization);
        return new Settings(
            model,
            voice,
            format,
            language,
            locale,
            config,
            Get<string>(extra, CartesiaAdditionalProperties.PronunciationDictId),
            normalization is null ? (TtsNormalization?)null : new TtsNormalization(normalization),
            Get<bool?>(extra, CartesiaAdditionalProperties.AddTimestamps) ?? false,
            Get<string>(extra, CartesiaAdditionalProperties.ContextId));
    }

    /// <summary>A media type for audio of a format (raw PCM as <c>audio/L16</c>, μ-law as <c>audio/PCMU</c>, …).</summary>
    public static string MediaType(AudioOutputFormat format) => format.MediaType;

    /// <summary>The format's name as Microsoft.Extensions.AI callers use it (<c>wav</c>, <c>mp3</c>, <c>pcm_s16le</c>, …).</summary>
    private static AudioOutputFormat MapFormat(string? requested, AudioOutputFormat fallback, bool streaming, IDictionary<string, object?> extra)
    {
        int? sampleRate = Get<int?>(extra, CartesiaAdditionalProperties.SampleRate);
        string? encoding = Get<string>(extra, CartesiaAdditionalProperties.Encoding);
        int? bitRate = Get<int?>(extra, CartesiaAdditionalProperties.BitRate);
        AudioOutputFormat format = (requested?.Trim().ToLowerInvariant()) switch
        {
            null or "" => Copy(fallback),
            "mp3" or "audio/mpeg" or "audio/mp3" => AudioOutputFormat.Mp3(44100, 128000),
            "wav" or "audio/wav" or "audio/x-wav" or "audio/wave" => AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100),
            "pcm" or "raw" or "l16" or "audio/l16" or "pcm_s16le" or "audio/pcm" => AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000),
            "pcm_f32le" or "f32" => AudioOutputFormat.Raw(AudioEncoding.PcmF32LE, 24000),
            "mulaw" or "ulaw" or "pcm_mulaw" or "audio/pcmu" or "audio/basic" => AudioOutputFormat.Raw(AudioEncoding.PcmMulaw, 8000),
            "alaw" or "pcm_alaw" or "audio/pcma" => AudioOutputFormat.Raw(AudioEncoding.PcmAlaw, 8000),
            _ => throw new NotSupportedException($"Cartesia cannot produce the audio format '{requested}'; use mp3, wav, pcm (s16), pcm_f32le, mulaw or alaw."),
        };

        if (streaming && format.Container != AudioContainer.Raw)
        {
            // The WebSocket streams raw samples: keep the encoding and rate, drop the container.
            format = AudioOutputFormat.Raw(format.Encoding ?? AudioEncoding.PcmS16LE, format.SampleRate);
        }

        if (sampleRate is { } rate)
        {
            format.SampleRate = rate;
        }

        if (encoding is not null)
        {
            format.Encoding = encoding;
        }

        if (bitRate is not null)
        {
            format.BitRate = bitRate;
        }

        return format;
    }

    private static (Language? Language, string? Locale) MapLanguage(string? bcp47, CartesiaApiVersion version)
    {
        if (string.IsNullOrWhiteSpace(bcp47))
        {
            return (null, null);
        }

        Match match = LanguageTag().Match(bcp47.Trim());
        if (!match.Success)
        {
            throw new ArgumentException($"TextToSpeechOptions.Language '{bcp47}' is not a language code such as 'en' or 'en-GB'.");
        }

        string language = match.Groups["language"].Value.ToLowerInvariant();
        string region = match.Groups["region"].Value.ToUpperInvariant();
        return region.Length == 2 && version >= CartesiaApiVersion.V2026_08_14
            ? (null, $"{language}-{region}")
            : (new Language(language), null);
    }

    private static T? Get<T>(IDictionary<string, object?> extra, string key)
    {
        if (!extra.TryGetValue(key, out object? value) || value is null)
        {
            return default;
        }

        Type target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            return value is T typed ? typed : (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"AdditionalProperties['{key}'] must be a {target.Name}; it is '{value}'.", ex);
        }
    }

    private static AudioOutputFormat Copy(AudioOutputFormat format)
        => new() { Container = format.Container, Encoding = format.Encoding, SampleRate = format.SampleRate, BitRate = format.BitRate };

    [GeneratedRegex("^(?<language>[A-Za-z]{2,3})(?:[-_](?<region>[A-Za-z]{2}|[0-9]{3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
