using System.Text;
using Cartesia.Stt;
using Cartesia.Tts;
using Cartesia.VoiceChanger;

namespace Cartesia.Tests.Tts;

/// <summary>Every error event shape of PROTOCOL.md §5.3/§5.4 (and the older <c>code</c> one) fills the exception.</summary>
public class ErrorEventShapeTests
{
    public static TheoryData<string, string, int?, string?, string?, string?> Shapes => new()
    {
        // name, json, status, error code, request id, message
        { "structured", """{"type":"error","done":true,"status_code":429,"error_code":"concurrency_limited","title":"Too many","message":"Slow down.","request_id":"r-1","doc_url":"https://d","context_id":"c-1"}""", 429, "concurrency_limited", "r-1", "Slow down." },
        { "legacy tts", """{"type":"error","done":true,"error":"Invalid model: The model is not valid.","status_code":400,"context_id":"c-1"}""", 400, null, null, "The model is not valid." },
        { "legacy stt", """{"type":"error","error":"Bad audio: Not PCM.","request_id":"r-1","context_id":"c-1"}""", null, null, "r-1", "Not PCM." },
        { "older numeric code", """{"type":"error","context_id":"c-1","message":"Invalid voice.","code":400,"request_id":"r-1"}""", 400, null, "r-1", "Invalid voice." },
        { "older code as a string number", """{"type":"error","context_id":"c-1","message":"Invalid voice.","code":"404","request_id":"r-1"}""", 404, null, "r-1", "Invalid voice." },
        { "textual code", """{"type":"error","context_id":"c-1","message":"No such model.","code":"model_not_found","status_code":400,"request_id":"r-1"}""", 400, "model_not_found", "r-1", "No such model." },
        { "status_code wins over code", """{"type":"error","context_id":"c-1","message":"Limited.","code":400,"status_code":429,"request_id":"r-1"}""", 429, null, "r-1", "Limited." },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_tts_websocket_or_sse_error_event_fills_the_exception(string name, string json, int? status, string? errorCode, string? requestId, string? message)
    {
        var error = Assert.IsType<TtsErrorEvent>(TtsEventParser.Parse(Encoding.UTF8.GetBytes(json)));
        CartesiaStreamException exception = TtsSseProtocol.ToException(error, 0);

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(errorCode, exception.ErrorCode);
        Assert.Equal(requestId, exception.RequestId);
        Assert.Equal(message, exception.ErrorMessage);
        Assert.Equal("c-1", exception.ContextId);
        Assert.True(status == error.StatusCode, name);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void An_stt_error_event_fills_the_exception(string name, string json, int? status, string? errorCode, string? requestId, string? message)
    {
        var error = Assert.IsType<SttErrorEvent>(SttEventParser.Parse(Encoding.UTF8.GetBytes(json)));
        CartesiaStreamException exception = SttEventParser.ToException(error);

        Assert.True(status == exception.StatusCode, name);
        Assert.Equal(errorCode, exception.ErrorCode);
        Assert.Equal(requestId, exception.RequestId);
        Assert.Equal(message, exception.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_voice_changer_sse_error_event_fills_the_exception(string name, string json, int? status, string? errorCode, string? requestId, string? message)
    {
        VoiceChangerEvent parsed = VoiceChangerSseProtocol.Instance.Parse("error", Encoding.UTF8.GetBytes(json));
        CartesiaStreamException? exception = VoiceChangerSseProtocol.Instance.AsError(parsed, 0);

        Assert.NotNull(exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(errorCode, exception.ErrorCode);
        Assert.Equal(requestId, exception.RequestId);
        Assert.True(message == exception.ErrorMessage, name);
    }
}
