using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>Metadata the Line agent's code sent (<c>custom</c>).</summary>
public sealed class AgentCustomEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    public AgentCustomEvent() : base("custom")
    {
    }

    /// <summary>The <c>metadata</c> object.</summary>
    public JsonElement Metadata { get; init; }

    /// <summary>The stream's id, when the message carried one.</summary>
    public string? StreamId { get; init; }
}
