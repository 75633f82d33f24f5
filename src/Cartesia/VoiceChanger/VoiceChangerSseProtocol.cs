using System.Text.Json;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Errors;
using Cartesia.Core.Json;
using Cartesia.Core.Sse;
using Cartesia.Tts;

namespace Cartesia.VoiceChanger;

/// <summary>
/// The events of <c>/voice-changer/sse</c>. Success events are untyped: an event whose <c>type</c> is
/// <c>error</c> is an error (also when the SSE event name is <c>error</c>), one with <c>done: true</c> ends the
/// stream, any other is a chunk; an event with another <c>type</c> is unknown (PROTOCOL.md §10.2).
/// </summary>
internal sealed class VoiceChangerSseProtocol : SseProtocol<VoiceChangerEvent>
{
    public static VoiceChangerSseProtocol Instance { get; } = new();

    public override long AudioBytes(VoiceChangerEvent value) => value is VoiceChangerChunkEvent chunk ? chunk.Audio.Length : 0;

    public override bool IsDone(VoiceChangerEvent value) => value is VoiceChangerDoneEvent;

    public override string? ContextId(VoiceChangerEvent value) => null;

    public override CartesiaStreamException? AsError(VoiceChangerEvent value, long audioBytesReceived)
        => value is VoiceChangerErrorEvent e
            ? TtsSseProtocol.ToException(new TtsErrorEvent { ErrorCode = e.ErrorCode, Title = e.Title, Message = e.Message, RequestId = e.RequestId, DocUrl = e.DocUrl, Error = e.Error, StatusCode = e.StatusCode, Done = true }, audioBytesReceived)
            : null;

    public override VoiceChangerEvent Parse(string eventType, ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An event must be a JSON object.");
        }

        string? type = null, requestId = null;
        var error = default(ErrorEventFields);
        int? status = null, sampleRate = null;
        bool done = false;
        double? stepTime = null;
        byte[]? audio = null;
        Dictionary<string, JsonElement>? extra = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = JsonReading.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                try
                {
                    audio = reader.TokenType switch
                    {
                        JsonTokenType.Null => [],
                        JsonTokenType.String => reader.GetBytesFromBase64(),
                        _ => throw new JsonException("The audio data must be a base64 string."),
                    };
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException)
                {
                    throw new JsonException("The audio data is not valid base64.", ex);
                }
            }
            else if (reader.ValueTextEquals("done"u8))
            {
                done = JsonReading.ReadBoolean(ref reader) ?? false;
            }
            else if (reader.ValueTextEquals("status_code"u8))
            {
                status = JsonReading.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("sample_rate"u8))
            {
                sampleRate = JsonReading.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("step_time"u8))
            {
                stepTime = JsonReading.ReadDouble(ref reader);
            }
            else if (reader.ValueTextEquals("request_id"u8))
            {
                requestId = JsonReading.ReadString(ref reader);
            }
            else if (error.TryRead(ref reader, ref extra))
            {
                // An error field.
            }
            else
            {
                JsonReading.ReadUnknown(ref reader, ref extra);
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The event object is incomplete.");
        }

        if (type == "error" || (type is null && eventType == "error"))
        {
            return new VoiceChangerErrorEvent { ErrorCode = error.Code, Title = error.Title, Message = error.Message, RequestId = SecretRedactor.Redact(requestId), DocUrl = error.DocUrl, Error = error.LegacyError, StatusCode = error.StatusCode(status), Done = true, AdditionalProperties = extra };
        }

        if (type is not null)
        {
            return new VoiceChangerUnknownEvent(type, JsonElement.Parse(data)) { StatusCode = status, Done = done };
        }

        return done
            ? new VoiceChangerDoneEvent { StatusCode = status, Done = true, AdditionalProperties = extra }
            : new VoiceChangerChunkEvent { Audio = audio ?? [], SampleRate = sampleRate, StepTime = stepTime, StatusCode = status, AdditionalProperties = extra };
    }
}
