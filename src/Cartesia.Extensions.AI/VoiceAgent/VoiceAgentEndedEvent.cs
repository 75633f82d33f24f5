namespace Cartesia.Extensions.AI;

/// <summary>The conversation ended: always the last event, exactly once.</summary>
public sealed class VoiceAgentEndedEvent : VoiceAgentEvent
{
    internal VoiceAgentEndedEvent(VoiceAgentEndReason reason, Exception? exception)
    {
        Reason = reason;
        Exception = exception;
    }

    /// <summary>Why it ended.</summary>
    public VoiceAgentEndReason Reason { get; }

    /// <summary>What failed, when <see cref="Reason"/> is <see cref="VoiceAgentEndReason.Failed"/> or <see cref="VoiceAgentEndReason.ChatFailed"/>.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc />
    public override string ToString() => Exception is null ? $"Ended: {Reason}" : $"Ended: {Reason} ({Exception.Message})";
}
