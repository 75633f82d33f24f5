namespace Cartesia.Extensions.AI;

/// <summary>What a <see cref="CartesiaVoiceAgent"/> does when the chat client fails a turn (a <see cref="VoiceAgentErrorEvent"/> comes either way).</summary>
public enum VoiceAgentChatErrorBehavior
{
    /// <summary>Speak <see cref="CartesiaVoiceAgentOptions.ApologyText"/> and go on listening.</summary>
    Apologize,

    /// <summary>End the conversation (<see cref="VoiceAgentEndReason.ChatFailed"/>).</summary>
    EndConversation,
}
