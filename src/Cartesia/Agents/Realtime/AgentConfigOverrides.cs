using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>Per-call overrides of a managed agent's config (<c>config_overrides</c> of a WebSocket session).</summary>
public sealed class AgentConfigOverrides
{
    /// <summary>The agent's instructions (system prompt) for this call.</summary>
    public string? Instructions { get; set; }

    /// <summary>What the agent says first.</summary>
    public string? InitialMessage { get; set; }

    /// <summary>The <c>language</c> object, as the service documents it.</summary>
    public JsonElement? Language { get; set; }

    /// <summary>The voice the agent speaks with (<c>audio.output.voice_id</c>).</summary>
    public string? VoiceId { get; set; }

    /// <summary>The speaking speed (<c>audio.output.speed</c>, for example 1.05).</summary>
    public double? Speed { get; set; }
}
