namespace Cartesia.Agents;

/// <summary>
/// What both agent sockets share: the audio format, how audio is framed and queued, and the timeouts of the start and
/// the end. See <see cref="AgentSessionOptions"/> (managed agents) and <see cref="AgentLineSessionOptions"/> (Line).
/// </summary>
public abstract class AgentRealtimeOptions
{
    /// <summary>
    /// The audio format of the call, both ways (the agent answers in it): default <see cref="AgentAudioFormat.Pcm16000"/>.
    /// Set it to what your audio really is: a wrong rate is not detected by the service, it is heard as garbled audio
    /// (a WAV stream's header is checked against it).
    /// </summary>
    public AgentAudioFormat InputFormat { get; set; } = AgentAudioFormat.Pcm16000;

    /// <summary>
    /// How much audio each <c>audio_input</c> / <c>media_input</c> message carries: default 20 ms, between 20 and 100
    /// ms (the service's advice). Audio pushed in other sizes is re-framed (never splitting a sample).
    /// </summary>
    public TimeSpan FrameDuration { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The most audio (bytes) queued for sending; a push waits for room, so a fast producer is slowed to the
    /// connection's pace rather than let memory grow. Default 1 MiB (about 33 s of 16 kHz PCM).
    /// </summary>
    public int MaxQueuedBytes { get; set; } = 1 << 20;

    /// <summary>
    /// The most agent audio (bytes) received but not yet read from the call's events. Default 8 MiB (over four minutes
    /// of 16 kHz PCM); at least 1024.
    /// </summary>
    /// <remarks>
    /// The events wait for your reader; if nobody reads them during a long call, agent audio would pile up in memory.
    /// When more than this is waiting, the call ends: the events already received are still read, then the read (and
    /// <see cref="AgentRealtimeSession.Completion"/>) throws a <see cref="CartesiaBufferOverflowException"/> naming
    /// this option. Read the events (or raise this) to avoid it.
    /// </remarks>
    public long MaxBufferedEventBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>How long connecting waits for the service to accept the call (<c>session_ready</c> / <c>ack</c>). Default 15 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long <see cref="AgentRealtimeSession.EndAsync"/> waits for queued audio to go out and the service to answer the close. Default 5 s.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
