namespace Cartesia.Agents;

/// <summary>
/// Options of a managed agent call (<see cref="AgentsClient.ConnectAsync"/>): the <c>session_create</c> fields,
/// client tool handlers and the keep-alive.
/// </summary>
public sealed class AgentSessionOptions : AgentRealtimeOptions
{
    /// <summary>How the agent's audio is sent: <see cref="AgentOutputDelivery.SpeakingPace"/> (default when null) or <see cref="AgentOutputDelivery.AsAvailable"/>.</summary>
    public AgentOutputDelivery? OutputDelivery { get; set; }

    /// <summary>
    /// Values for the agent's dynamic variables (<c>dynamic_variables</c>): at most 64; names of letters, digits and
    /// underscores, up to 64 characters, not starting with <c>system__</c> or <c>secret__</c>; values strings, numbers
    /// or booleans. Checked before anything is sent. Not allowed with a browser access token (the service refuses it:
    /// <c>dynamic_variables_not_allowed</c>).
    /// </summary>
    public IDictionary<string, object> DynamicVariables { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>
    /// Handlers of client tools, by tool name: when the agent calls one, its handler runs (off the receive loop) and
    /// its result is sent (<c>client_tool_result</c>); a throwing handler sends an error result. The
    /// <see cref="AgentToolCallEvent"/> is delivered either way; a tool with no handler is answered with
    /// <see cref="AgentSession.SendToolResultAsync"/>.
    /// </summary>
    public IDictionary<string, AgentClientToolHandler> ClientTools { get; } = new Dictionary<string, AgentClientToolHandler>(StringComparer.Ordinal);

    /// <summary>
    /// The managed socket closes after 120 s without a valid client event (WebSocket pings do not count). When no
    /// audio has been sent for this long, the SDK sends one frame of silence to keep the call open. Default 30 s;
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);
}
