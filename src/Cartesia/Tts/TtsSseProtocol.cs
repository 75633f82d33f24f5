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
        string? title = error.Title;
        string? message = error.Message;
        if (title is null && message is null && error.Error is { } legacy)
        {
            (title, message) = ErrorDetails.SplitTitle(legacy);
        }

        var details = new ErrorDetails(error.ErrorCode, title, message, error.RequestId, error.DocUrl);
        string context = error.ContextId is null ? string.Empty : $" for context {error.ContextId}";
        string code = error.ErrorCode is null ? string.Empty : $" ({error.ErrorCode})";
        string request = error.RequestId is null ? string.Empty : $" [request id {error.RequestId}]";
        string summary = (details.Summary ?? "no details").TrimEnd('.');
        return new CartesiaStreamException($"The service reported an error{context}{code}, status {error.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}: {summary}{request}.")
        {
            StatusCode = error.StatusCode,
            ErrorCode = error.ErrorCode,
            Title = title,
            ErrorMessage = message,
            RequestId = error.RequestId,
            DocUrl = error.DocUrl,
            ContextId = error.ContextId,
            AudioBytesReceived = audioBytesReceived,
        };
    }
}
