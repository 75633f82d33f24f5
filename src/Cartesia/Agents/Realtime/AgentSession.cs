namespace Cartesia.Agents;

/// <summary>
/// A call with a managed agent on <c>/v1/agents/websocket/{agent_id}</c> (<see cref="AgentsClient.ConnectAsync"/>):
/// audio both ways, turn and text events, client tools, DTMF. See <see cref="AgentRealtimeSession"/> for audio,
/// events and endings.
/// </summary>
public abstract class AgentSession : AgentRealtimeSession
{
    private protected AgentSession()
    {
    }

    /// <summary>The call's id (from <c>session_ready</c>): fetch its transcript and audio with <see cref="AgentsClient.Calls"/> afterwards.</summary>
    public abstract string CallId { get; }

    /// <summary>The agent version the call is pinned to.</summary>
    public abstract string? AgentVersionId { get; }

    /// <summary>The output delivery the service resolved.</summary>
    public abstract AgentOutputDelivery OutputDelivery { get; }

    /// <summary>
    /// Answers a <see cref="AgentToolCallEvent"/> (<c>client_tool_result</c>), queued after the audio pushed before.
    /// Late, duplicate or unknown ids are ignored by the service.
    /// </summary>
    /// <param name="toolCallId">The call's <see cref="AgentToolCallEvent.ToolCallId"/> (at most 256 characters).</param>
    /// <param name="result">The result for the agent's LLM: at most 4,096 bytes of UTF-8.</param>
    /// <param name="isError">Whether the tool failed (the result then says why; empty gives the LLM a generic message).</param>
    /// <param name="errorType">A short error class for the logs (at most 256 bytes), not shown to the LLM.</param>
    /// <param name="cancellationToken">Stops waiting for room in the queue.</param>
    /// <exception cref="ArgumentException">An argument is empty or over its limit (nothing is sent).</exception>
    public abstract ValueTask SendToolResultAsync(string toolCallId, string result, bool isError = false, string? errorType = null, CancellationToken cancellationToken = default);
}
