using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>
/// The managed agent calls a client tool (<c>client_tool_call</c>): run it and, when <see cref="ExpectsResponse"/>,
/// answer with <see cref="AgentSession.SendToolResultAsync"/> — or register a handler in
/// <see cref="AgentSessionOptions.ClientTools"/>, which answers for you (<see cref="IsHandled"/>).
/// </summary>
public sealed class AgentToolCallEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    public AgentToolCallEvent() : base("client_tool_call")
    {
    }

    /// <summary>The invocation's id, to answer with.</summary>
    public string ToolCallId { get; init; } = string.Empty;

    /// <summary>The tool's name.</summary>
    public string ToolName { get; init; } = string.Empty;

    /// <summary>The parameters (a JSON object).</summary>
    public JsonElement Parameters { get; init; }

    /// <summary>Whether the agent waits for a result (answer it); if false, the call completes without one.</summary>
    public bool ExpectsResponse { get; init; }

    /// <summary>Whether a handler in <see cref="AgentSessionOptions.ClientTools"/> runs it and sends the result.</summary>
    public bool IsHandled { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"client_tool_call ({ToolName}, {ToolCallId})";
}
