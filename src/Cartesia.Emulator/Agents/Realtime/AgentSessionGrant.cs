namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// What a session token (<c>POST /v1/agents/websocket/{agent_id}/sessions</c>) carries: the agent it opens, the
/// session's dynamic variables and greeting override. It opens one managed socket, once.
/// </summary>
internal sealed class AgentSessionGrant(string agentId, IReadOnlyDictionary<string, string> variables, string? initialMessage)
{
    private int _used;

    public string AgentId { get; } = agentId;

    public IReadOnlyDictionary<string, string> Variables { get; } = variables;

    public string? InitialMessage { get; } = initialMessage;

    /// <summary>Marks the token used; false when it already was.</summary>
    public bool TryUse() => Interlocked.Exchange(ref _used, 1) == 0;
}
