namespace Cartesia.Extensions.AI;

/// <summary>
/// Barge-in: the user started speaking while the agent was talking. The agent's reply was cancelled; drop the
/// agent audio you still have queued for playback now (for example <c>AudioPlaybackBuffer.Clear()</c>). The
/// conversation history keeps only <see cref="HeardText"/>, what the user heard of the reply.
/// </summary>
public sealed class VoiceAgentInterruptedEvent : VoiceAgentEvent
{
    internal VoiceAgentInterruptedEvent(int responseId, string heardText, string fullText, bool isExact, long playedBytes)
    {
        ResponseId = responseId;
        HeardText = heardText;
        FullText = fullText;
        IsExact = isExact;
        PlayedBytes = playedBytes;
    }

    /// <summary>Which reply was interrupted.</summary>
    public int ResponseId { get; }

    /// <summary>The prefix of the reply the user heard (kept in the history; empty when nothing was heard).</summary>
    public string HeardText { get; }

    /// <summary>The reply's text as far as the chat client had produced it (never spoken in full).</summary>
    public string FullText { get; }

    /// <summary>False when the heard prefix is approximate (a spoken word that did not match the text, or no word timestamps yet).</summary>
    public bool IsExact { get; }

    /// <summary>How many bytes of the reply's audio were played (as reported by <see cref="CartesiaVoiceAgentOptions.PlayedBytes"/>, or delivered when none is reported).</summary>
    public long PlayedBytes { get; }

    /// <inheritdoc />
    public override string ToString() => $"Interrupted: {HeardText}";
}
