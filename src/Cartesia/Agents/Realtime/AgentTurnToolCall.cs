using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>A tool the agent called during a turn (an item of <see cref="AgentTurnEndedEvent.ToolCalls"/>).</summary>
public sealed class AgentTurnToolCall : CartesiaModel
{
    /// <summary>The tool's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The arguments (a JSON object).</summary>
    public JsonElement Arguments { get; init; }

    /// <summary>The result, when there was one.</summary>
    public string? Result { get; init; }

    /// <summary>The call's id.</summary>
    public string? Id { get; init; }

    /// <summary>The dynamic-variable updates the call made (a JSON array), when there were any.</summary>
    public JsonElement? DynamicVariableUpdates { get; init; }

    /// <inheritdoc />
    public override string ToString() => Id is null ? Name : $"{Name} ({Id})";
}
