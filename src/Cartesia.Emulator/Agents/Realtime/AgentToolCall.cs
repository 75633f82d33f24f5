namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>A client tool call of the agent, and (once known) what came of it, as <c>turn_ended.tool_calls[]</c> shows it.</summary>
internal sealed class AgentToolCall(string id, string name, IReadOnlyDictionary<string, string> arguments)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Arguments { get; } = arguments;

    /// <summary>The result (or, after a failure, <c>error: …</c>), or null while the call is open.</summary>
    public string? Result { get; set; }
}
