using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Cartesia.Core;
using Cartesia.Core.Audio;
using Cartesia.Core.Errors;
using Cartesia.Core.Json;

namespace Cartesia.Tts;

/// <summary>
/// Parses a text-to-speech event (SSE data or WebSocket frame) straight from its UTF-8 JSON, decoding the audio
/// from base64 into its own buffer with no intermediate string. Unknown fields go to
/// <see cref="CartesiaModel.AdditionalProperties"/>; unknown types become <see cref="TtsUnknownEvent"/>.
/// </summary>
internal static class TtsEventParser
{
    /// <summary>
    /// Finds the string of a context id that is already known (so a chunk reuses it instead of allocating its own),
    /// or returns null. Called with the id's UTF-8 bytes as they are on the wire (not unescaped).
    /// </summary>
    public delegate string? ContextIdLookup(ReadOnlySpan<byte> utf8);

    /// <summary>Parses one event.</summary>
    /// <param name="json">The event's JSON object.</param>
    /// <param name="sseEventName">The SSE <c>event:</c> name, used only when the JSON has no type.</param>
    /// <param name="knownContextIds">Returns the known string of a context id, so it is not allocated per event.</param>
    /// <param name="rentAudio">Decode chunk audio into an array rented from <see cref="AudioBufferPool"/> (see <see cref="TtsChunkEvent.RentedAudio"/>).</param>
    /// <exception cref="JsonException">The payload is not a valid event object.</exception>
    public static TtsEvent Parse(ReadOnlySpan<byte> json, string? sseEventName = null, ContextIdLookup? knownContextIds = null, bool rentAudio = false)
    {
        var e = new EventReader(json);
        bool done = false;
        byte[]? audio = null;
        ReadOnlySpan<byte> base64 = default; // plain base64, decoded once the frame is known to be a chunk
        bool rented = false;
        string? contextId = null;
        double? stepTime = null;
        int? flushId = null;
        bool? flushDone = null;
        WordTimestamps? words = null;
        PhonemeTimestamps? phonemes = null;

        while (e.NextField())
        {
            if (e.Json.ValueTextEquals("data"u8))
            {
                e.Json.Read();
                audio = null;
                base64 = default;
                if (e.Json.TokenType == JsonTokenType.Null)
                {
                    audio = [];
                }
                else if (e.Json.TokenType != JsonTokenType.String)
                {
                    throw new JsonException("The audio data must be a base64 string.");
                }
                else if (!e.Json.ValueIsEscaped && !e.Json.HasValueSequence)
                {
                    base64 = e.Json.ValueSpan;
                }
                else
                {
                    audio = GetBytesFromBase64(ref e.Json);
                }
            }
            else if (e.Json.ValueTextEquals("context_id"u8))
            {
                e.Json.Read();
                contextId = e.Json.TokenType == JsonTokenType.String && knownContextIds is not null && !e.Json.ValueIsEscaped && !e.Json.HasValueSequence
                    ? knownContextIds(e.Json.ValueSpan) ?? JsonReading.GetString(ref e.Json)
                    : ReadCurrentString(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("done"u8))
            {
                done = JsonReading.ReadBoolean(ref e.Json) ?? false;
            }
            else if (e.Json.ValueTextEquals("step_time"u8))
            {
                stepTime = JsonReading.ReadDouble(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("flush_id"u8))
            {
                flushId = JsonReading.ReadInt32(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("flush_done"u8))
            {
                flushDone = JsonReading.ReadBoolean(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("word_timestamps"u8))
            {
                e.Json.Read();
                words = ReadWordTimestamps(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("phoneme_timestamps"u8))
            {
                e.Json.Read();
                phonemes = ReadPhonemeTimestamps(ref e.Json);
            }
            else
            {
                e.KeepUnknown();
            }
        }

        string? type = e.TypeOr(sseEventName);
        int? statusCode = e.StatusCodeField;
        Dictionary<string, JsonElement>? extra = e.Extra;
        int audioLength = audio?.Length ?? 0;
        if (audio is null && type == "chunk")
        {
            rented = rentAudio && base64.Length > 0;
            (audio, audioLength) = DecodeBase64(base64, rented);
        }

        return type switch
        {
            "chunk" => new TtsChunkEvent { Audio = audio.AsMemory(0, audioLength), RentedAudio = rented ? audio : null, StepTime = stepTime, FlushId = flushId, ContextId = contextId, StatusCode = statusCode, Done = done, AdditionalProperties = extra },
            "timestamps" when phonemes is null || words is not null => new TtsTimestampsEvent { WordTimestamps = words, FlushId = flushId, ContextId = contextId, StatusCode = statusCode, Done = done, AdditionalProperties = extra },
            "phoneme_timestamps" or "timestamps" => new TtsPhonemeTimestampsEvent { PhonemeTimestamps = phonemes, FlushId = flushId, ContextId = contextId, StatusCode = statusCode, Done = done, AdditionalProperties = extra },
            "flush_done" => new TtsFlushDoneEvent { FlushId = flushId, FlushDone = flushDone, ContextId = contextId, StatusCode = statusCode, Done = done, AdditionalProperties = extra },
            "done" => new TtsDoneEvent { ContextId = contextId, StatusCode = statusCode, Done = true, AdditionalProperties = extra },
            "error" => new TtsErrorEvent { ErrorCode = e.Error.Code, Title = e.Error.Title, Message = e.Error.Message, RequestId = e.RequestId, DocUrl = e.Error.DocUrl, Error = e.Error.LegacyError, ContextId = contextId, StatusCode = e.StatusCode, Done = done, AdditionalProperties = extra },
            null => throw EventReader.NoType(),
            _ => new TtsUnknownEvent(type, EventReader.Payload(json)) { ContextId = contextId, StatusCode = statusCode, Done = done },
        };
    }

    /// <summary>
    /// Decodes the audio straight into an array of its exact size, or into a rented array when
    /// <paramref name="rent"/> (the reader's own decoding goes through a temporary buffer and copies).
    /// </summary>
    private static (byte[] Audio, int Length) DecodeBase64(ReadOnlySpan<byte> base64, bool rent)
    {
        int padding = base64.Length >= 2 && base64[^1] == '=' ? (base64[^2] == '=' ? 2 : 1) : 0;
        int length = base64.Length % 4 == 0 ? base64.Length / 4 * 3 - padding : -1;
        if (length >= 0)
        {
            byte[] audio = rent ? AudioBufferPool.Instance.Rent(length) : GC.AllocateUninitializedArray<byte>(length);
            if (Base64.DecodeFromUtf8(base64, audio, out _, out int written) == OperationStatus.Done && written == length)
            {
                return (audio, length);
            }

            if (rent)
            {
                AudioBufferPool.Instance.Return(audio);
            }
        }

        throw new JsonException("The audio data is not valid base64.");
    }

    /// <summary>Decodes base64 that is escaped or split across buffers (the JSON reader unescapes it).</summary>
    private static byte[] GetBytesFromBase64(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetBytesFromBase64();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new JsonException("The audio data is not valid base64.", ex);
        }
    }

    /// <summary>The string at the reader's current token (already read), null for a JSON null.</summary>
    private static string? ReadCurrentString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => JsonReading.GetString(ref reader),
        _ => throw new JsonException($"Expected a string, found {reader.TokenType}."),
    };

    private static WordTimestamps? ReadWordTimestamps(ref Utf8JsonReader reader)
        => ReadTimings(ref reader, "words"u8) is { } t
            ? new WordTimestamps { Words = t.Texts, Start = t.Start, End = t.End, AdditionalProperties = t.Extra }
            : null;

    private static PhonemeTimestamps? ReadPhonemeTimestamps(ref Utf8JsonReader reader)
        => ReadTimings(ref reader, "phonemes"u8) is { } t
            ? new PhonemeTimestamps { Phonemes = t.Texts, Start = t.Start, End = t.End, AdditionalProperties = t.Extra }
            : null;

    /// <summary>Reads <c>{"&lt;texts&gt;": [...], "start": [...], "end": [...]}</c>, or null.</summary>
    private static (string[] Texts, double[] Start, double[] End, Dictionary<string, JsonElement>? Extra)? ReadTimings(ref Utf8JsonReader reader, ReadOnlySpan<byte> textsName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        JsonReading.Expect(ref reader, JsonTokenType.StartObject);
        string[] texts = [];
        double[] start = [], end = [];
        Dictionary<string, JsonElement>? extra = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(textsName))
            {
                reader.Read();
                texts = JsonReading.ReadStringArray(ref reader);
            }
            else if (reader.ValueTextEquals("start"u8))
            {
                reader.Read();
                start = JsonReading.ReadDoubleArray(ref reader);
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                reader.Read();
                end = JsonReading.ReadDoubleArray(ref reader);
            }
            else
            {
                JsonReading.ReadUnknown(ref reader, ref extra);
            }
        }

        return (texts, start, end, extra);
    }
}
