namespace Cartesia.Extensions.AI;

/// <summary>
/// Something that happened in a conversation of a <see cref="CartesiaVoiceAgent"/>: the user's turn
/// (<see cref="VoiceAgentUserTurnEvent"/>), the agent's audio (<see cref="VoiceAgentAudioEvent"/>), its finished
/// reply (<see cref="VoiceAgentResponseEvent"/>), a barge-in (<see cref="VoiceAgentInterruptedEvent"/>), a failed
/// turn (<see cref="VoiceAgentErrorEvent"/>), and last, exactly once, <see cref="VoiceAgentEndedEvent"/>.
/// </summary>
public abstract class VoiceAgentEvent
{
    private protected VoiceAgentEvent()
    {
    }
}
