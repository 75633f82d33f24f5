using System.Text.Json;
using Cartesia.Core.Diagnostics;
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
        var e = new EventReader(data);
        int? sampleRate = null;
        bool done = false;
        double? stepTime = null;
        byte[]? audio = null;
        while (e.NextField())
        {
            if (e.Json.ValueTextEquals("data"u8))
            {
                e.Json.Read();
                try
                {
                    audio = e.Json.TokenType switch
                    {
                        JsonTokenType.Null => [],
                        JsonTokenType.String => e.Json.GetBytesFromBase64(),
                        _ => throw new JsonException("The audio data must be a base64 string."),
                    };
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException)
                {
                    throw new JsonException("The audio data is not valid base64.", ex);
                }
            }
            else if (e.Json.ValueTextEquals("done"u8))
            {
                done = JsonReading.ReadBoolean(ref e.Json) ?? false;
            }
            else if (e.Json.ValueTextEquals("sample_rate"u8))
            {
                sampleRate = JsonReading.ReadInt32(ref e.Json);
            }
            else if (e.Json.ValueTextEquals("step_time"u8))
            {
                stepTime = JsonReading.ReadDouble(ref e.Json);
            }
            else
            {
                e.KeepUnknown();
            }
        }

        string? type = e.TypeOr(eventType);
        int? status = e.StatusCodeField;
        Dictionary<string, JsonElement>? extra = e.Extra;
        if (type == "error")
        {
            return new VoiceChangerErrorEvent { ErrorCode = e.Error.Code, Title = e.Error.Title, Message = e.Error.Message, RequestId = SecretRedactor.Redact(e.RequestId), DocUrl = e.Error.DocUrl, Error = e.Error.LegacyError, StatusCode = e.StatusCode, Done = true, AdditionalProperties = extra };
        }

        if (type is not null)
        {
            return new VoiceChangerUnknownEvent(type, EventReader.Payload(data)) { StatusCode = status, Done = done };
        }

        return done
            ? new VoiceChangerDoneEvent { StatusCode = status, Done = true, AdditionalProperties = extra }
            : new VoiceChangerChunkEvent { Audio = audio ?? [], SampleRate = sampleRate, StepTime = stepTime, StatusCode = status, AdditionalProperties = extra };
    }
}
