using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace Cartesia.Stt;

/// <summary>The log messages of speech-to-text sessions (source-generated; no audio, no secrets).</summary>
internal static partial class SttLog
{
    /// <summary>The category of session messages.</summary>
    public const string Category = "Cartesia.Stt";

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "Opened {Operation} (request id {RequestId})")]
    public static partial void Opened(ILogger logger, string operation, string? requestId);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "{Operation} lost its connection ({Reason}); reconnecting in {DelayMs} ms, attempt {Attempt} of {MaxAttempts}")]
    public static partial void Reconnecting(ILogger logger, string operation, string reason, long delayMs, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "{Operation} reconnected after {Attempt} attempt(s); {PendingBytes} bytes of audio follow on the new connection")]
    public static partial void Reconnected(ILogger logger, string operation, int attempt, long pendingBytes);

    [LoggerMessage(EventId = 43, Level = LogLevel.Debug, Message = "Reconnect attempt {Attempt} of {Operation} failed: {Failure}")]
    public static partial void ReconnectFailed(ILogger logger, string operation, int attempt, string failure);

    [LoggerMessage(EventId = 44, Level = LogLevel.Debug, Message = "{Operation} ended: {Outcome}")]
    public static partial void Ended(ILogger logger, string operation, string outcome);

    /// <summary>A close for messages: "closed with 1011 InternalServerError (reason)" or "dropped without a close frame".</summary>
    public static string DescribeClose(WebSocketCloseStatus? status, string? description)
        => status is { } s
            ? $"closed with {(int)s} {s}{(string.IsNullOrEmpty(description) ? string.Empty : $": {description}")}"
            : "dropped without a close frame (1006)";
}
