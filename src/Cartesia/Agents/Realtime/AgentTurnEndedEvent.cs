namespace Cartesia.Agents;

/// <summary>
/// A turn ended (<c>turn_ended</c>) with its final text: what to store. The user's words arrive only here. When the
/// agent hangs up mid-turn, no <c>turn_ended</c> comes for the open turn.
/// </summary>
public sealed class AgentTurnEndedEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    public AgentTurnEndedEvent() : base("turn_ended")
    {
    }

    /// <summary>The turn number.</summary>
    public int Turn { get; init; }

    /// <summary><see cref="TranscriptRole.User"/> or <see cref="TranscriptRole.Assistant"/>.</summary>
    public TranscriptRole Role { get; init; }

    /// <summary>The turn's final text (for an interrupted agent turn, what was spoken before the interruption).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>For the agent: the user barged in; for the user: the call ended mid-turn.</summary>
    public bool Interrupted { get; init; }

    /// <summary>When the turn started, in seconds since the session started.</summary>
    public double StartTime { get; init; }

    /// <summary>When the turn ended, in seconds since the session started.</summary>
    public double EndTime { get; init; }

    /// <summary>On user turns, when available: when the service first thought the turn might be over.</summary>
    public double? EagerEndTimestamp { get; init; }

    /// <summary>The tools the agent called during the turn.</summary>
    public IReadOnlyList<AgentTurnToolCall> ToolCalls { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"turn_ended ({Turn}, {Role}{(Interrupted ? ", interrupted" : string.Empty)}: \"{Text}\")";
}
