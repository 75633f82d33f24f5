using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>The Line stream accepted the call (<c>ack</c>, the answer to <c>start</c>), with the resolved config. Always the first event.</summary>
public sealed class AgentAckEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    public AgentAckEvent() : base("ack")
    {
    }

    /// <summary>The stream's id (the one sent in <c>start</c>, or the one the service generated).</summary>
    public string? StreamId { get; init; }

    /// <summary>The resolved <c>config</c> object (<c>input_format</c>, <c>voice_id</c>, …), when sent.</summary>
    public JsonElement? Config { get; init; }

    /// <summary>The <c>agent</c> overrides echoed, when sent.</summary>
    public JsonElement? Agent { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ack ({StreamId})";
}
