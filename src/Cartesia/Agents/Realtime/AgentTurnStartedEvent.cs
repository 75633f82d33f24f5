namespace Cartesia.Agents;

/// <summary>A turn started (<c>turn_started</c>): the user or the agent began speaking.</summary>
public sealed class AgentTurnStartedEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    public AgentTurnStartedEvent() : base("turn_started")
    {
    }

    /// <summary>The turn number: one counter for both roles, from 1, strictly increasing.</summary>
    public int Turn { get; init; }

    /// <summary><see cref="TranscriptRole.User"/> or <see cref="TranscriptRole.Assistant"/>.</summary>
    public TranscriptRole Role { get; init; }

    /// <summary>When the turn started, in seconds since the session started.</summary>
    public double StartTime { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"turn_started ({Turn}, {Role})";
}
