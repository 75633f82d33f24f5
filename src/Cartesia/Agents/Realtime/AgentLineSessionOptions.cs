namespace Cartesia.Agents;

/// <summary>Options of a Line agent stream (<see cref="AgentsClient.ConnectLineStreamAsync"/>): the <c>start</c> fields.</summary>
public sealed class AgentLineSessionOptions : AgentRealtimeOptions
{
    /// <summary>Your id for the stream (for observability); when null the service generates one and returns it in <c>ack</c>.</summary>
    public string? StreamId { get; set; }

    /// <summary>A Cartesia voice id for the agent (<c>config.voice_id</c>), overriding its default.</summary>
    public string? VoiceId { get; set; }

    /// <summary>The routing destination (<c>metadata.to</c>; the service's default is the agent id).</summary>
    public string? To { get; set; }

    /// <summary>The source (<c>metadata.from</c>; the service's default is <c>websocket</c>).</summary>
    public string? From { get; set; }

    /// <summary>
    /// Other <c>metadata</c> passed to the agent's code: values strings, numbers, booleans, null or
    /// <see cref="System.Text.Json.JsonElement"/>. Use <see cref="To"/> and <see cref="From"/> for those keys.
    /// </summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Per-call overrides of the agent (<c>agent</c>: system prompt, introduction).</summary>
    public AgentLineOverrides? Agent { get; set; }
}
