namespace Cartesia.Extensions.AI;

/// <summary>
/// The agent finished a reply: all its audio was delivered (its playback may still go on) and its text is in the
/// conversation history. A reply cut short by the user gives <see cref="VoiceAgentInterruptedEvent"/> instead.
/// </summary>
public sealed class VoiceAgentResponseEvent : VoiceAgentEvent
{
    internal VoiceAgentResponseEvent(int responseId, string text, VoiceAgentTurnMetrics metrics)
    {
        ResponseId = responseId;
        Text = text;
        Metrics = metrics;
    }

    /// <summary>Which reply of the conversation this is.</summary>
    public int ResponseId { get; }

    /// <summary>What the agent said.</summary>
    public string Text { get; }

    /// <summary>Where the time of the turn went.</summary>
    public VoiceAgentTurnMetrics Metrics { get; }

    /// <inheritdoc />
    public override string ToString() => $"Agent: {Text}";
}
