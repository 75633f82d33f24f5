using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Tts;

/// <summary>Validates a text-to-speech request body the way the service does, answering with its errors.</summary>
internal static partial class TtsRequestReader
{
    public static TtsJob Read(JsonElement root, string version, EmulatorState state, TtsTransport transport)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.Invalid("The request body must be a JSON object.");
        }

        string modelId = RequiredString(root, "model_id");
        if (ModelCatalog.IsSunset(modelId))
        {
            throw new ApiError(400, "model_sunsetted", "Model sunsetted", $"The requested model '{modelId}' has been sunsetted and is no longer available.")
            {
                DocUrl = "https://docs.cartesia.ai/build-with-cartesia/tts-models/older-models",
            };
        }

        if (!ModelCatalog.IsKnownTts(modelId))
        {
            throw new ApiError(400, "model_not_found", "Invalid model", "The model is not valid, make sure it is a valid model ID.");
        }

        string transcript = RequiredString(root, "transcript", allowEmpty: transport == TtsTransport.WebSocket);
        if (transport != TtsTransport.WebSocket && !HasSpeakableText(transcript))
        {
            throw ApiError.BadRequest("Invalid transcript", "Transcript empty or contains only punctuation.");
        }

        string voiceId = ReadVoice(root, version);
        VoiceRecord voice = state.Voices.Find(voiceId)
            ?? throw new ApiError(400, "voice_not_found", "Invalid voice", $"Voice '{voiceId}' was not found.");
        if (voice.TrainedModelId is { } trained && modelId != trained)
        {
            throw new ApiError(400, "voice_model_mismatch", "Model not supported for this voice",
                $"Voice '{voiceId}' is a Pro Voice Clone trained on '{trained}'; set model_id to \"{trained}\" (generic ids such as '{modelId}' are not routed to fine-tuned voices).");
        }

        OutputSpec output = ReadOutputFormat(root, transport);
        string? language = OptionalString(root, "language");
        if (language is not null)
        {
            if (!ModelCatalog.TtsLanguages.Contains(language))
            {
                throw ApiError.BadRequest("Invalid language", $"'{language}' is not a supported language.");
            }

            if (!ModelCatalog.Speaks(modelId, language))
            {
                throw ApiError.BadRequest("Language not supported", $"Model '{modelId}' does not support language '{language}'.", "language_not_supported");
            }
        }

        string? locale = OptionalString(root, "locale");
        string? normalization = OptionalString(root, "normalization");
        if ((locale is not null || normalization is not null) && !ApiVersions.UsesPlainVoiceId(version))
        {
            throw ApiError.Invalid($"'locale' and 'normalization' need Cartesia-Version 2026-08-14 or later; this request uses {version}.");
        }

        if (locale is not null)
        {
            if (language is not null)
            {
                throw ApiError.Invalid("Set either 'language' or 'locale', not both.");
            }

            if (!LocalePattern().IsMatch(locale))
            {
                throw ApiError.Invalid($"'{locale}' is not a locale such as en-GB.");
            }
        }

        if (normalization is not null && normalization is not ("auto" or "off") && !LocalePattern().IsMatch(normalization))
        {
            throw ApiError.Invalid($"normalization must be 'auto', 'off' or a locale; '{normalization}' is not.");
        }

        (double speed, double volume) = ReadGenerationConfig(root);
        if (OptionalString(root, "pronunciation_dict_id") is { Length: 0 })
        {
            throw ApiError.Invalid("pronunciation_dict_id must not be empty.");
        }

        bool sseOrSocket = transport != TtsTransport.Bytes;
        string? contextId = sseOrSocket ? OptionalString(root, "context_id") : null;
        return new TtsJob
        {
            ModelId = modelId,
            Transcript = transcript,
            VoiceId = voiceId,
            Output = output,
            Language = language,
            Locale = locale,
            Speed = speed,
            Volume = volume,
            AddTimestamps = sseOrSocket && OptionalBool(root, "add_timestamps"),
            AddPhonemeTimestamps = sseOrSocket && OptionalBool(root, "add_phoneme_timestamps"),
            ContextId = contextId,
            Save = transport == TtsTransport.Bytes && OptionalBool(root, "save"),
        };
    }

    /// <summary>Whether the text has anything to speak (not only punctuation and white space).</summary>
    public static bool HasSpeakableText(string text)
    {
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol)
            {
                return true;
            }
        }

        return false;
    }

    private static string ReadVoice(JsonElement root, string version)
    {
        if (!root.TryGetProperty("voice", out JsonElement voice) || voice.ValueKind == JsonValueKind.Null)
        {
            throw ApiError.Invalid("'voice' is required.");
        }

        bool plain = ApiVersions.UsesPlainVoiceId(version);
        if (voice.ValueKind == JsonValueKind.String)
        {
            return plain
                ? NonEmpty(voice.GetString(), "voice")
                : throw ApiError.Invalid($"In API version {version} the voice is an object {{\"mode\": \"id\", \"id\": \"…\"}}; a plain id string needs 2026-08-14 or later.");
        }

        if (voice.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.Invalid("'voice' must be a voice id or an object with an 'id'.");
        }

        string? mode = voice.TryGetProperty("mode", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (mode is not null && mode != "id")
        {
            throw ApiError.Invalid($"Voice mode '{mode}' is not supported (voice embeddings were sunset on 2026-06-01).");
        }

        if (!plain && mode is null)
        {
            throw ApiError.Invalid($"In API version {version} the voice needs \"mode\": \"id\".");
        }

        return voice.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String
            ? NonEmpty(id.GetString(), "voice.id")
            : throw ApiError.Invalid("The voice object needs an 'id'.");
    }

    private static OutputSpec ReadOutputFormat(JsonElement root, TtsTransport transport)
    {
        if (!root.TryGetProperty("output_format", out JsonElement format) || format.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.Invalid("'output_format' is required.");
        }

        string container = RequiredString(format, "container", field: "output_format.container");
        if (container is not ("raw" or "wav" or "mp3"))
        {
            throw ApiError.Invalid($"output_format.container '{container}' is not one of raw, wav, mp3.");
        }

        if (transport != TtsTransport.Bytes && container != "raw")
        {
            throw ApiError.Invalid($"Only the raw container is supported on this endpoint; '{container}' needs /tts/bytes.");
        }

        int sampleRate = format.TryGetProperty("sample_rate", out JsonElement rate) && rate.ValueKind == JsonValueKind.Number && rate.TryGetInt32(out int r)
            ? r
            : throw ApiError.Invalid("output_format.sample_rate is required.");
        if (!OutputSpec.SampleRates.Contains(sampleRate))
        {
            throw ApiError.Invalid($"output_format.sample_rate {sampleRate} is not supported.");
        }

        if (container == "mp3")
        {
            int bitRate = format.TryGetProperty("bit_rate", out JsonElement bits) && bits.ValueKind == JsonValueKind.Number && bits.TryGetInt32(out int b)
                ? b
                : throw ApiError.Invalid("output_format.bit_rate is required for mp3.");
            return OutputSpec.BitRates.Contains(bitRate)
                ? new OutputSpec(container, null, sampleRate, bitRate)
                : throw ApiError.Invalid($"output_format.bit_rate {bitRate} is not supported.");
        }

        string encoding = RequiredString(format, "encoding", field: "output_format.encoding");
        return OutputSpec.Encodings.Contains(encoding)
            ? new OutputSpec(container, encoding, sampleRate, null)
            : throw ApiError.Invalid($"output_format.encoding '{encoding}' is not supported.");
    }

    private static (double Speed, double Volume) ReadGenerationConfig(JsonElement root)
    {
        if (!root.TryGetProperty("generation_config", out JsonElement config) || config.ValueKind == JsonValueKind.Null)
        {
            return (1.0, 1.0);
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.Invalid("generation_config must be an object.");
        }

        double speed = OptionalNumber(config, "speed") ?? 1.0;
        double volume = OptionalNumber(config, "volume") ?? 1.0;
        if (speed is < 0.6 or > 1.5)
        {
            throw ApiError.Invalid("generation_config.speed must be between 0.6 and 1.5.");
        }

        if (volume is < 0.5 or > 2.0)
        {
            throw ApiError.Invalid("generation_config.volume must be between 0.5 and 2.0.");
        }

        if (config.TryGetProperty("emotion", out JsonElement emotion) && emotion.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            throw ApiError.Invalid("generation_config.emotion must be a string.");
        }

        return (speed, volume);
    }

    private static string RequiredString(JsonElement element, string name, bool allowEmpty = false, string? field = null)
    {
        field ??= name;
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            throw ApiError.Invalid($"'{field}' is required.");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw ApiError.Invalid($"'{field}' must be a string.");
        }

        string text = value.GetString()!;
        return allowEmpty ? text : NonEmpty(text, field);
    }

    private static string NonEmpty(string? value, string field)
        => string.IsNullOrWhiteSpace(value) ? throw ApiError.Invalid($"'{field}' must not be empty.") : value;

    private static string? OptionalString(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw ApiError.Invalid($"'{name}' must be a string.")
            : null;

    private static bool OptionalBool(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw ApiError.Invalid($"'{name}' must be true or false."),
        };

    private static double? OptionalNumber(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw ApiError.Invalid($"'{name}' must be a number.")
            : null;

    [GeneratedRegex("^[a-z]{2}-[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();
}
