using Microsoft.Extensions.Logging;

namespace Cartesia.Agents;

/// <summary>The log messages of agent calls (source-generated; no audio, no secrets).</summary>
internal static partial class AgentLog
{
    /// <summary>The category of agent call messages.</summary>
    public const string Category = "Cartesia.Agents";

    [LoggerMessage(EventId = 60, Level = LogLevel.Debug, Message = "Opened {Operation} to agent {AgentId}: {Ready}")]
    public static partial void Opened(ILogger logger, string operation, string agentId, AgentEvent ready);

    [LoggerMessage(EventId = 61, Level = LogLevel.Debug, Message = "{Operation} to agent {AgentId} ended: {Outcome}")]
    public static partial void Ended(ILogger logger, string operation, string agentId, object outcome);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "Client tool {ToolName} (call {ToolCallId}) failed: {Failure}; an error result was sent")]
    public static partial void ToolFailed(ILogger logger, string toolName, string toolCallId, string failure);

    [LoggerMessage(EventId = 63, Level = LogLevel.Debug, Message = "{Operation} ignored a binary message of {Bytes} bytes (the agent sockets carry JSON text)")]
    public static partial void IgnoredBinary(ILogger logger, string operation, int bytes);
}
