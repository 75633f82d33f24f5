namespace Cartesia.Agents;

/// <summary>The managed agent accepted the session (<c>session_ready</c>); audio is accepted from here on. Always the first event.</summary>
public sealed class AgentSessionReadyEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    public AgentSessionReadyEvent() : base("session_ready")
    {
    }

    /// <summary>The call's id: the record <see cref="AgentCallsClient.GetAsync"/> returns (transcript, audio) after the call.</summary>
    public string CallId { get; init; } = string.Empty;

    /// <summary>The agent's id.</summary>
    public string AgentId { get; init; } = string.Empty;

    /// <summary>The agent version the session is pinned to (the one published when it connected).</summary>
    public string? AgentVersionId { get; init; }

    /// <summary>The input (and output) audio format the service resolved.</summary>
    public AgentAudioFormat? InputFormat { get; init; }

    /// <summary>The output delivery the service resolved.</summary>
    public AgentOutputDelivery? OutputDelivery { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"session_ready (call {CallId})";
}
