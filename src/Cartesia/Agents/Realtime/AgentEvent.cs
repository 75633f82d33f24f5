namespace Cartesia.Agents;

/// <summary>
/// An event of an agent call. Both protocols: <see cref="AgentAudioEvent"/> (agent audio, decoded),
/// <see cref="AgentAudioClearEvent"/> (barge-in), <see cref="AgentDtmfEvent"/>, <see cref="AgentUnknownEvent"/> (a type
/// this SDK does not know: delivered, never dropped) and, last, <see cref="AgentCallEndedEvent"/>. The managed socket
/// adds <see cref="AgentSessionReadyEvent"/>, the turn events (<see cref="AgentTurnStartedEvent"/>,
/// <see cref="AgentTurnTextDeltaEvent"/>, <see cref="AgentTurnEndedEvent"/>), <see cref="AgentToolCallEvent"/> and
/// the non-fatal <see cref="AgentErrorEvent"/>; the Line stream adds <see cref="AgentAckEvent"/>,
/// <see cref="AgentCustomEvent"/> and <see cref="AgentTransferCallEvent"/>.
/// </summary>
public abstract class AgentEvent : CartesiaModel
{
    /// <summary>Creates an event of a type.</summary>
    /// <param name="type">The wire type (<c>type</c> of the managed socket, <c>event</c> of the Line stream).</param>
    protected AgentEvent(string type) => Type = type;

    /// <summary>The wire type, for example <c>audio_output</c> or <c>media_output</c>.</summary>
    public string Type { get; }

    /// <inheritdoc />
    public override string ToString() => Type;
}
