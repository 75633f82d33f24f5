namespace Cartesia.Extensions.AI;

/// <summary>
/// The <c>AdditionalProperties</c> keys the Cartesia adapters understand, for what the Microsoft.Extensions.AI
/// options have no property for. Any other key is an error, never silently ignored.
/// </summary>
public static class CartesiaAdditionalProperties
{
    /// <summary>An emotion for Sonic 3, for example <c>"calm"</c>.</summary>
    public const string Emotion = "cartesia.emotion";

    /// <summary>The output sample rate in Hz (an <see cref="int"/>).</summary>
    public const string SampleRate = "cartesia.sample_rate";

    /// <summary>The output encoding for raw or WAV audio, for example <c>"pcm_f32le"</c>.</summary>
    public const string Encoding = "cartesia.encoding";

    /// <summary>The mp3 bit rate in bit/s (an <see cref="int"/>).</summary>
    public const string BitRate = "cartesia.bit_rate";

    /// <summary>A pronunciation dictionary id.</summary>
    public const string PronunciationDictId = "cartesia.pronunciation_dict_id";

    /// <summary>Text normalization: <c>"auto"</c>, <c>"off"</c> or a locale.</summary>
    public const string Normalization = "cartesia.normalization";

    /// <summary>With streaming: ask for word timestamps (a <see cref="bool"/>); they arrive in updates' <c>RawRepresentation</c>.</summary>
    public const string AddTimestamps = "cartesia.add_timestamps";

    /// <summary>With streaming: the WebSocket context id to use.</summary>
    public const string ContextId = "cartesia.context_id";

    /// <summary>On updates and responses: the Cartesia request or context id.</summary>
    public const string RequestId = "cartesia.request_id";

    /// <summary>On streaming updates: the word timestamps of a timestamps event (<see cref="Cartesia.Tts.WordTimestamps"/>).</summary>
    public const string WordTimestamps = "cartesia.word_timestamps";

    /// <summary>Speech-to-text input: the encoding of raw audio, for example <c>"pcm_s16le"</c>.</summary>
    public const string InputEncoding = "cartesia.input_encoding";

    /// <summary>
    /// On speech-to-text responses and final updates: the word timings (<c>IReadOnlyList&lt;</c><see cref="Cartesia.Stt.SttWord"/><c>&gt;</c>)
    /// when the service returned them.
    /// </summary>
    public const string Words = "cartesia.words";

    /// <summary>
    /// On interim speech-to-text updates (<c>TextUpdating</c>): the current, not yet final, hypothesis of the
    /// segment being spoken (a <see cref="string"/> that later updates replace). It is kept out of the update's
    /// contents so that merging the updates (<c>ToSpeechToTextResponseAsync</c>) gives exactly the final text.
    /// </summary>
    public const string InterimText = "cartesia.interim_text";
}
