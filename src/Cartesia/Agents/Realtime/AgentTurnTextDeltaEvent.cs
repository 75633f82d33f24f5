namespace Cartesia.Agents;

/// <summary>
/// Text the agent has spoken since the last delta (<c>turn_output_text_delta</c>), about one word with its separators:
/// append the deltas verbatim to get the turn's text so far.
/// </summary>
public sealed class AgentTurnTextDeltaEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    public AgentTurnTextDeltaEvent() : base("turn_output_text_delta")
    {
    }

    /// <summary>The turn number.</summary>
    public int Turn { get; init; }

    /// <summary>The role (always <see cref="TranscriptRole.Assistant"/>).</summary>
    public TranscriptRole Role { get; init; }

    /// <summary>The text since the last delta.</summary>
    public string Text { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"turn_output_text_delta ({Turn}: \"{Text}\")";
}
