namespace Cartesia.Extensions.AI;

/// <summary>Why a conversation of a <see cref="CartesiaVoiceAgent"/> ended.</summary>
public enum VoiceAgentEndReason
{
    /// <summary>The user's audio ended (the user hung up); a reply in progress was finished first.</summary>
    UserHungUp,

    /// <summary>The agent ended it (<see cref="CartesiaVoiceAgent.EndConversation"/>, for example from a tool), after its reply.</summary>
    AgentEnded,

    /// <summary>The user said nothing for <see cref="CartesiaVoiceAgentOptions.SilenceTimeout"/> (after the <see cref="CartesiaVoiceAgentOptions.SilenceReply"/>, if any).</summary>
    Silence,

    /// <summary>The chat client failed and <see cref="CartesiaVoiceAgentOptions.OnChatError"/> is <see cref="VoiceAgentChatErrorBehavior.EndConversation"/>.</summary>
    ChatFailed,

    /// <summary>The speech-to-text or text-to-speech connection failed (see <see cref="VoiceAgentEndedEvent.Exception"/>).</summary>
    Failed,
}
