using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cartesia.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// Builds the JSON messages of one context. The settings every input repeats (model, voice, format, options)
/// are serialized once; each input then writes only its transcript and flags around them.
/// </summary>
internal sealed class TtsContextMessages
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly string _contextId;
    private readonly string _modelId;
    private readonly byte[] _voice;
    private readonly byte[] _outputFormat;
    private readonly byte[]? _generationConfig;
    private readonly TtsContextOptions _options;
    private readonly CartesiaJsonContext _json;
    private readonly int _settingsSize;

    public TtsContextMessages(string contextId, TtsContextOptions options, CartesiaJsonContext json, TtsSettingsJson settings)
    {
        _contextId = contextId;
        _options = options;
        _json = json;
        _modelId = options.ModelId.Value;
        _voice = settings.Voice(options.Voice);
        _outputFormat = settings.OutputFormat(options.OutputFormat);
        _generationConfig = options.GenerationConfig is null ? null : JsonSerializer.SerializeToUtf8Bytes(options.GenerationConfig, json.GenerationConfig);
        _settingsSize = 256 + _voice.Length + _outputFormat.Length + (_generationConfig?.Length ?? 0);
    }

    /// <summary>The JSON of a per-input generation config (see <see cref="Input"/>).</summary>
    public byte[] SerializeGenerationConfig(GenerationConfig config) => JsonSerializer.SerializeToUtf8Bytes(config, _json.GenerationConfig);

    /// <summary>An input: text with <c>continue</c>, optionally a flush, optionally its own generation config.</summary>
    public byte[] Input(string transcript, bool @continue, bool flush, byte[]? generationConfig = null)
    {
        generationConfig ??= _generationConfig;
        var buffer = new ArrayBufferWriter<byte>(_settingsSize + (transcript.Length * 3));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("context_id"u8, _contextId);
            writer.WriteString("transcript"u8, transcript);
            writer.WriteBoolean("continue"u8, @continue);
            if (flush)
            {
                writer.WriteBoolean("flush"u8, true);
            }

            writer.WriteString("model_id"u8, _modelId);
            writer.WritePropertyName("voice"u8);
            writer.WriteRawValue(_voice, skipInputValidation: true);
            writer.WritePropertyName("output_format"u8);
            writer.WriteRawValue(_outputFormat, skipInputValidation: true);
            if (_options.Language is { } language)
            {
                writer.WriteString("language"u8, language.Value);
            }

            if (_options.Locale is { } locale)
            {
                writer.WriteString("locale"u8, locale);
            }

            if (_options.Normalization is { } normalization)
            {
                writer.WriteString("normalization"u8, normalization.Value);
            }

            if (generationConfig is not null)
            {
                writer.WritePropertyName("generation_config"u8);
                writer.WriteRawValue(generationConfig, skipInputValidation: true);
            }

            if (_options.AddTimestamps)
            {
                writer.WriteBoolean("add_timestamps"u8, true);
            }

            if (_options.AddPhonemeTimestamps)
            {
                writer.WriteBoolean("add_phoneme_timestamps"u8, true);
            }

            if (_options.UseNormalizedTimestamps is { } normalized)
            {
                writer.WriteBoolean("use_normalized_timestamps"u8, normalized);
            }

            if (_options.MaxBufferDelayMs is { } delay)
            {
                writer.WriteNumber("max_buffer_delay_ms"u8, delay);
            }

            if (_options.PronunciationDictId is { } dictionary)
            {
                writer.WriteString("pronunciation_dict_id"u8, dictionary);
            }

            if (_options.AdditionalProperties is { } extra)
            {
                foreach ((string name, JsonElement value) in extra)
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The cancel request: <c>{"context_id": …, "cancel": true}</c>.</summary>
    public byte[] Cancel()
    {
        var buffer = new ArrayBufferWriter<byte>(64 + _contextId.Length);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("context_id"u8, _contextId);
            writer.WriteBoolean("cancel"u8, true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
