namespace Cartesia.Extensions.AI;

/// <summary>
/// Where the time of one turn went, on the client's <see cref="TimeProvider"/>: the user stopped speaking (their
/// last word arrived) → the transcript was final (<c>turn.end</c>) → the chat client's first token → the first
/// agent audio handed to the app. Null where a step did not happen (a greeting has no user turn).
/// </summary>
/// <param name="EndOfSpeechToTranscript">From the user's last word to the final transcript.</param>
/// <param name="TranscriptToFirstToken">From the final transcript to the chat client's first token (zero when a speculative call already had it).</param>
/// <param name="TranscriptToFirstAudio">From the final transcript to the first agent audio handed to the app: what the user waits for.</param>
/// <param name="TextToSpeechFirstAudio">From the first text sent to text-to-speech to its first audio (the service's share).</param>
/// <param name="Speculative">Whether the chat call was started on <c>turn.eager_end</c>, before the transcript was final.</param>
public readonly record struct VoiceAgentTurnMetrics(
    TimeSpan? EndOfSpeechToTranscript,
    TimeSpan? TranscriptToFirstToken,
    TimeSpan? TranscriptToFirstAudio,
    TimeSpan? TextToSpeechFirstAudio,
    bool Speculative);
