namespace Cartesia.Extensions.AI;

/// <summary>The user finished a turn (<c>turn.end</c>): what was heard, now in the conversation history.</summary>
public sealed class VoiceAgentUserTurnEvent : VoiceAgentEvent
{
    internal VoiceAgentUserTurnEvent(string transcript) => Transcript = transcript;

    /// <summary>The turn's transcript (trimmed).</summary>
    public string Transcript { get; }

    /// <inheritdoc />
    public override string ToString() => $"User: {Transcript}";
}
