using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>
/// An event of a type this SDK does not know (the service added it later, or an undocumented one such as the Line
/// stream's <c>transcript</c>). Delivered as it came, never dropped; <see cref="Json"/> holds the whole message.
/// </summary>
public sealed class AgentUnknownEvent : AgentEvent
{
    /// <summary>Creates an unknown event.</summary>
    /// <param name="type">The wire type.</param>
    /// <param name="json">The whole message.</param>
    public AgentUnknownEvent(string type, JsonElement json) : base(type) => Json = json;

    /// <summary>The whole message as JSON.</summary>
    public JsonElement Json { get; }
}
