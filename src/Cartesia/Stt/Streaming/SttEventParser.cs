using System.Text.Json;
using Cartesia.Core.Errors;
using Cartesia.Core.Json;
using Cartesia.Serialization;

namespace Cartesia.Stt;

/// <summary>
/// Parses a speech-to-text session event straight from its UTF-8 JSON. Unknown fields go to
/// <see cref="CartesiaModel.AdditionalProperties"/>; unknown types become <see cref="SttUnknownEvent"/>. Both
/// shapes of transcript <c>words</c> are read (PROTOCOL.md §13.3).
/// </summary>
internal static class SttEventParser
{
    /// <summary>Parses one event.</summary>
    /// <param name="json">The event's JSON object.</param>
    /// <param name="timeOffset">Seconds added to word times (the audio of earlier connections of the session).</param>
    /// <exception cref="JsonException">The payload is not a valid event object.</exception>
    public static SttEvent Parse(ReadOnlySpan<byte> json, double timeOffset = 0)
    {
        var e = new EventReader(json);
        string? transcript = null, text = null, language = null;
        bool isFinal = false;
        double? duration = null;
        List<SttWord>? words = null;
        while (e.NextField())
        {
            if (e.Json.ValueTextEquals("transcript"u8))
            {
                transcript = JsonReading.ReadString(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("text"u8))
            {
                text = JsonReading.ReadString(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("is_final"u8))
            {
                isFinal = JsonReading.ReadBoolean(ref e.Json) ?? false;
            }
            else if (e.Json.ValueTextEquals("duration"u8))
            {
                duration = JsonReading.ReadDouble(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("language"u8))
            {
                language = JsonReading.ReadString(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("words"u8))
            {
                e.Json.Read();
                words = ReadWords(ref e.Json, timeOffset);
            }
            else
            {
                e.KeepUnknown();
            }
        }

        string? type = e.Type, requestId = e.RequestId;
        Dictionary<string, JsonElement>? extra = e.Extra;

        return type switch
        {
            "transcript" => new SttTranscriptEvent { Text = text ?? string.Empty, IsFinal = isFinal, Duration = duration, Language = language, Words = words, RequestId = requestId, AdditionalProperties = extra },
            "turn.start" => new SttTurnStartEvent { RequestId = requestId, AdditionalProperties = Keep(extra, "transcript", transcript) },
            "turn.update" => new SttTurnUpdateEvent { Transcript = transcript ?? string.Empty, RequestId = requestId, AdditionalProperties = extra },
            "turn.eager_end" => new SttTurnEagerEndEvent { Transcript = transcript ?? string.Empty, RequestId = requestId, AdditionalProperties = extra },
            "turn.resume" => new SttTurnResumeEvent { RequestId = requestId, AdditionalProperties = Keep(extra, "transcript", transcript) },
            "turn.end" => new SttTurnEndEvent { Transcript = transcript ?? string.Empty, RequestId = requestId, AdditionalProperties = extra },
            "connected" => new SttConnectedEvent { RequestId = requestId, AdditionalProperties = extra },
            "flush_done" => new SttFlushDoneEvent { RequestId = requestId, AdditionalProperties = extra },
            "done" => new SttDoneEvent { RequestId = requestId, AdditionalProperties = extra },
            "error" => new SttErrorEvent { StatusCode = e.StatusCode, ErrorCode = e.Error.Code, Title = e.Error.Title, Message = e.Error.Message, DocUrl = e.Error.DocUrl, Error = e.Error.LegacyError, RequestId = requestId, AdditionalProperties = extra },
            null => throw EventReader.NoType(),
            _ => new SttUnknownEvent(type, EventReader.Payload(json)) { RequestId = requestId },
        };
    }

    /// <summary>The exception that ends a session on an error event (either error shape).</summary>
    public static CartesiaStreamException ToException(SttErrorEvent error)
        => ErrorDetails.FromEvent(error.ErrorCode, error.Title, error.Message, error.Error, error.RequestId, error.DocUrl)
            .ToStreamException("The speech-to-text service reported an error", error.StatusCode);

    /// <summary>A field that is not part of an event type is kept as an unknown field.</summary>
    private static Dictionary<string, JsonElement>? Keep(Dictionary<string, JsonElement>? extra, string name, string? value)
    {
        if (value is not null)
        {
            (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonSerializer.SerializeToElement(value, CartesiaJsonContext.Default.String);
        }

        return extra;
    }

    /// <summary>
    /// Reads <c>words</c>: a list of <c>{"word","start","end"}</c> objects (what the service sends), a list of
    /// <c>{"words":[…],"start":[…],"end":[…]}</c> objects or one such object (what the schema declares), or null.
    /// </summary>
    private static List<SttWord>? ReadWords(ref Utf8JsonReader reader, double timeOffset)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                var single = new List<SttWord>();
                ReadWordObject(ref reader, timeOffset, single);
                return single;
            case JsonTokenType.StartArray:
                var words = new List<SttWord>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    JsonReading.Expect(ref reader, JsonTokenType.StartObject);
                    ReadWordObject(ref reader, timeOffset, words);
                }

                return words;
            default:
                throw new JsonException($"Expected the transcript's words as an array, found {reader.TokenType}.");
        }
    }

    /// <summary>Reads one object of either shape, adding its word(s).</summary>
    private static void ReadWordObject(ref Utf8JsonReader reader, double timeOffset, List<SttWord> into)
    {
        string? word = null;
        double? start = null, end = null;
        string[]? texts = null;
        double[]? starts = null, ends = null;
        Dictionary<string, JsonElement>? extra = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("word"u8))
            {
                word = JsonReading.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("words"u8))
            {
                reader.Read();
                texts = JsonReading.ReadStringArray(ref reader);
            }
            else if (reader.ValueTextEquals("start"u8) || reader.ValueTextEquals("end"u8))
            {
                bool isStart = reader.ValueTextEquals("start"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    double[] values = JsonReading.ReadDoubleArray(ref reader);
                    (isStart ? ref starts : ref ends) = values;
                }
                else
                {
                    double? value = reader.TokenType switch
                    {
                        JsonTokenType.Null => null,
                        JsonTokenType.Number => reader.GetDouble(),
                        _ => throw new JsonException($"Expected a number, found {reader.TokenType}."),
                    };
                    (isStart ? ref start : ref end) = value;
                }
            }
            else
            {
                JsonReading.ReadUnknown(ref reader, ref extra);
            }
        }

        if (texts is not null)
        {
            int count = Math.Min(texts.Length, Math.Min(starts?.Length ?? 0, ends?.Length ?? 0));
            for (int i = 0; i < count; i++)
            {
                into.Add(new SttWord { Word = texts[i], Start = starts![i] + timeOffset, End = ends![i] + timeOffset });
            }

            return;
        }

        into.Add(new SttWord { Word = word ?? string.Empty, Start = (start ?? 0) + timeOffset, End = (end ?? 0) + timeOffset, AdditionalProperties = extra });
    }
}
