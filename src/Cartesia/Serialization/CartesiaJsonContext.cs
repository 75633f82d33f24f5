using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cartesia.AccessTokens;
using Cartesia.Agents;
using Cartesia.Catalog;
using Cartesia.Datasets;
using Cartesia.FineTunes;
using Cartesia.PronunciationDictionaries;
using Cartesia.Stt;
using Cartesia.Tts;
using Cartesia.Voices;

namespace Cartesia.Serialization;

/// <summary>The source-generated JSON metadata of every model (trimming- and NativeAOT-safe).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(ApiStatus))]
[JsonSerializable(typeof(AudioOutputFormat))]
[JsonSerializable(typeof(TtsRequest))]
[JsonSerializable(typeof(TtsSseRequest))]
[JsonSerializable(typeof(TtsVoice))]
[JsonSerializable(typeof(GenerationConfig))]
[JsonSerializable(typeof(WordTimestamps))]
[JsonSerializable(typeof(PhonemeTimestamps))]
[JsonSerializable(typeof(TtsChunkEvent))]
[JsonSerializable(typeof(TtsTimestampsEvent))]
[JsonSerializable(typeof(TtsPhonemeTimestampsEvent))]
[JsonSerializable(typeof(TtsFlushDoneEvent))]
[JsonSerializable(typeof(TtsDoneEvent))]
[JsonSerializable(typeof(TtsErrorEvent))]
[JsonSerializable(typeof(SttTranscription))]
[JsonSerializable(typeof(SttConnectedEvent))]
[JsonSerializable(typeof(SttTurnStartEvent))]
[JsonSerializable(typeof(SttTurnUpdateEvent))]
[JsonSerializable(typeof(SttTurnEagerEndEvent))]
[JsonSerializable(typeof(SttTurnResumeEvent))]
[JsonSerializable(typeof(SttTurnEndEvent))]
[JsonSerializable(typeof(SttTranscriptEvent))]
[JsonSerializable(typeof(SttFlushDoneEvent))]
[JsonSerializable(typeof(SttDoneEvent))]
[JsonSerializable(typeof(SttErrorEvent))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Voice))]
[JsonSerializable(typeof(VoiceMetadata))]
[JsonSerializable(typeof(CartesiaPage<Voice>))]
[JsonSerializable(typeof(VoiceUpdateRequest))]
[JsonSerializable(typeof(VoiceLocalizeRequest))]
[JsonSerializable(typeof(GenderPresentation?))]
[JsonSerializable(typeof(Accent))]
[JsonSerializable(typeof(ModelInfo))]
[JsonSerializable(typeof(LocaleInfo))]
[JsonSerializable(typeof(Dataset))]
[JsonSerializable(typeof(CartesiaPage<Dataset>))]
[JsonSerializable(typeof(DatasetCreateRequest))]
[JsonSerializable(typeof(DatasetUpdateRequest))]
[JsonSerializable(typeof(CartesiaPage<DatasetFile>))]
[JsonSerializable(typeof(FineTune))]
[JsonSerializable(typeof(CartesiaPage<FineTune>))]
[JsonSerializable(typeof(FineTuneCreateRequest))]
[JsonSerializable(typeof(PronunciationDictionary))]
[JsonSerializable(typeof(CartesiaPage<PronunciationDictionary>))]
[JsonSerializable(typeof(PronunciationDictionaryCreateRequest))]
[JsonSerializable(typeof(PronunciationDictionaryUpdateRequest))]
[JsonSerializable(typeof(AgentSummary))]
[JsonSerializable(typeof(AgentUpdateRequest))]
[JsonSerializable(typeof(AgentTemplate))]
[JsonSerializable(typeof(List<PhoneNumber>))]
[JsonSerializable(typeof(AgentCall))]
[JsonSerializable(typeof(CartesiaPage<AgentCall>))]
[JsonSerializable(typeof(Metric))]
[JsonSerializable(typeof(MetricCreateRequest))]
[JsonSerializable(typeof(CartesiaPage<Metric>))]
[JsonSerializable(typeof(CartesiaPage<MetricResult>))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(List<Deployment>))]
[JsonSerializable(typeof(AccessTokenRequest))]
[JsonSerializable(typeof(AccessToken))]
public sealed partial class CartesiaJsonContext : JsonSerializerContext
{
    /// <summary>
    /// A context whose request shapes follow an API version (the voice is a plain id from 2026-08-14 and
    /// <c>{"mode":"id","id":…}</c> before).
    /// </summary>
    /// <param name="version">The API version requests are shaped for.</param>
    public static CartesiaJsonContext ForVersion(CartesiaApiVersion version)
        => version.UsesPlainVoiceId ? Current.Value : Legacy.Value;

    private static readonly Lazy<CartesiaJsonContext> Current = new(() => Create(legacyVoice: false));

    private static readonly Lazy<CartesiaJsonContext> Legacy = new(() => Create(legacyVoice: true));

    private static CartesiaJsonContext Create(bool legacyVoice)
    {
        // Request bodies keep non-ASCII text as it is (a Japanese transcript is not tripled in size by \u escapes);
        // they are never embedded in HTML, which is what the default encoder guards against.
        var options = new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        if (legacyVoice)
        {
            options.Converters.Add(new TtsVoiceJsonConverter(legacyShape: true));
        }

        return new CartesiaJsonContext(options);
    }
}
