using Microsoft.Extensions.Logging;

namespace Cartesia.Core.Diagnostics;

/// <summary>The SDK's log messages (source-generated; no secrets, no audio, no request bodies).</summary>
internal static partial class Log
{
    /// <summary>The category of HTTP pipeline messages.</summary>
    public const string HttpCategory = "Cartesia.Http";

    /// <summary>The category of WebSocket messages (connections, contexts, sessions).</summary>
    public const string WebSocketCategory = "Cartesia.WebSocket";

    /// <summary>The category of client-level messages (configuration, deprecations).</summary>
    public const string ClientCategory = "Cartesia.Client";

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending {Method} {Url} ({Operation}, attempt {Attempt})")]
    public static partial void SendingRequest(ILogger logger, string method, string url, string operation, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Received {StatusCode} for {Method} {Url} after {ElapsedMs} ms (request id {RequestId})")]
    public static partial void ReceivedResponse(ILogger logger, int statusCode, string method, string url, long elapsedMs, string? requestId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Retrying {Method} {Url} ({Operation}) in {DelayMs} ms, retry {Retry} of {MaxRetries}: {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string url, string operation, long delayMs, int retry, int maxRetries, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Not retrying {Method} {Url} ({Operation}): {Reason}")]
    public static partial void NotRetrying(ILogger logger, string method, string url, string operation, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "{Method} {Url} ({Operation}) failed: {Failure}")]
    public static partial void RequestFailed(ILogger logger, string method, string url, string operation, string failure);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Model '{ModelId}' was sunset on {SunsetDate} and is rejected by the service (error model_sunsetted); use {Replacement} instead")]
    public static partial void SunsetModel(ILogger logger, string modelId, string sunsetDate, string replacement);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "The HttpClient supplied in CartesiaClientOptions has Timeout {HttpClientTimeout}, shorter than the SDK's per-attempt timeout {SdkTimeout}; it will cut requests first. Set HttpClient.Timeout to Timeout.InfiniteTimeSpan and use CartesiaClientOptions.Timeout")]
    public static partial void HttpClientTimeoutShorter(ILogger logger, TimeSpan httpClientTimeout, TimeSpan sdkTimeout);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Stream of {Operation} ended after {Events} events and {AudioBytes} audio bytes: {Outcome}")]
    public static partial void StreamEnded(ILogger logger, string operation, int events, long audioBytes, string outcome);

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "TTS WebSocket #{Generation} ended ({CloseStatus}: {Reason}); {Contexts} running context(s) were cut")]
    public static partial void Closed(ILogger logger, int generation, string closeStatus, string reason, int contexts);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Reconnecting the TTS WebSocket: {Reason}")]
    public static partial void Reconnecting(ILogger logger, string reason);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "Recycling TTS WebSocket #{Generation}: {Reason}")]
    public static partial void Recycling(ILogger logger, int generation, string reason);

    [LoggerMessage(EventId = 33, Level = LogLevel.Debug, Message = "Dropped a late {Type} event of context {ContextId}, which already ended")]
    public static partial void LateEvent(ILogger logger, string type, string contextId);

    [LoggerMessage(EventId = 34, Level = LogLevel.Warning, Message = "Dropped a {Type} event for context {ContextId}, which is not open on this connection")]
    public static partial void Unroutable(ILogger logger, string type, string contextId);

    [LoggerMessage(EventId = 35, Level = LogLevel.Warning, Message = "Ignored an unexpected binary frame of {Length} bytes on the TTS WebSocket")]
    public static partial void UnexpectedBinary(ILogger logger, int length);

    [LoggerMessage(EventId = 36, Level = LogLevel.Debug, Message = "Context {ContextId} ended {State} after {AudioBytes} audio bytes {Failure}")]
    public static partial void ContextEnded(ILogger logger, string contextId, Cartesia.Tts.TtsContextState state, long audioBytes, string failure);
}
