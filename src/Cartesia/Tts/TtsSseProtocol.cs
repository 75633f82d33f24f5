using Cartesia.Core.Errors;
using Cartesia.Core.Sse;

namespace Cartesia.Tts;

/// <summary>The meaning of <c>/tts/sse</c> events: audio chunks, timestamps, <c>done</c> last, errors.</summary>
internal sealed class TtsSseProtocol : SseProtocol<TtsEvent>
{
    public static TtsSseProtocol Instance { get; } = new();

    public override TtsEvent Parse(string eventType, ReadOnlySpan<byte> data) => TtsEventParser.Parse(data, eventType);

    public override long AudioBytes(TtsEvent value) => value is TtsChunkEvent chunk ? chunk.Audio.Length : 0;

    public override bool IsDone(TtsEvent value) => value is TtsDoneEvent;

    public override CartesiaStreamException? AsError(TtsEvent value, long audioBytesReceived)
        => value is TtsErrorEvent error ? ToException(error, audioBytesReceived) : null;

    public override string? ContextId(TtsEvent value) => value.ContextId;

    /// <summary>The exception for an error event (either error shape).</summary>
    public static CartesiaStreamException ToException(TtsErrorEvent error, long audioBytesReceived)
    {
        string context = error.ContextId is null ? string.Empty : $" for context {error.ContextId}";
        return ErrorDetails.FromEvent(error.ErrorCode, error.Title, error.Message, error.Error, error.RequestId, error.DocUrl)
            .ToStreamException($"The service reported an error{context}", error.StatusCode, error.ContextId, audioBytesReceived);
    }
}
