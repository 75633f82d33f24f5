namespace Cartesia.Extensions.AI;

/// <summary>
/// A turn failed (the chat client threw or went quiet for <see cref="CartesiaVoiceAgentOptions.ResponseTimeout"/>,
/// or the reply's speech failed). With <see cref="VoiceAgentChatErrorBehavior.Apologize"/> the agent speaks
/// <see cref="CartesiaVoiceAgentOptions.ApologyText"/> and the conversation goes on; with
/// <see cref="VoiceAgentChatErrorBehavior.EndConversation"/> a <see cref="VoiceAgentEndedEvent"/> follows.
/// </summary>
public sealed class VoiceAgentErrorEvent : VoiceAgentEvent
{
    internal VoiceAgentErrorEvent(int responseId, Exception exception)
    {
        ResponseId = responseId;
        Exception = exception;
    }

    /// <summary>Which reply failed.</summary>
    public int ResponseId { get; }

    /// <summary>What failed (the chat client's own exception, a <see cref="CartesiaTimeoutException"/>, or the speech's <see cref="CartesiaException"/>).</summary>
    public Exception Exception { get; }

    /// <inheritdoc />
    public override string ToString() => $"Error: {Exception.Message}";
}
