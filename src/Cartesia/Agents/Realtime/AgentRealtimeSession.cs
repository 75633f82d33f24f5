namespace Cartesia.Agents;

/// <summary>
/// A live call with a voice agent over WebSocket — the part both protocols share: push audio from any task in any
/// sizes, read the agent's events, press keys, and end the call. <see cref="AgentSession"/> is the managed agents
/// socket (<see cref="AgentsClient.ConnectAsync"/>), <see cref="AgentLineSession"/> the Line stream
/// (<see cref="AgentsClient.ConnectLineStreamAsync"/>).
/// </summary>
/// <remarks>
/// <para>
/// Audio is re-framed into messages of <see cref="AgentRealtimeOptions.FrameDuration"/> (whole samples only), queued in
/// order with the other messages (a DTMF key never overtakes audio pushed before it) and sent by one writer; the
/// queue is bounded (<see cref="AgentRealtimeOptions.MaxQueuedBytes"/>), so a push waits for room. Nothing is sent
/// before the service has accepted the call: connecting returns once it has.
/// </para>
/// <para>
/// Every call ends exactly one way, visible in <see cref="Completion"/> and at the end of the events: normally —
/// the agent hung up (<see cref="AgentCallEndReason.AgentEnded"/>, with the close reason) or you ended it
/// (<see cref="EndAsync"/> or <see cref="DisposeAsync"/>: <see cref="AgentCallEndReason.UserEnded"/>), announced by
/// a last <see cref="AgentCallEndedEvent"/> — or with an exception: a fatal service error
/// (<see cref="CartesiaAgentErrorException"/>, with its code) or a lost connection
/// (<see cref="CartesiaAgentConnectionLostException"/>, with what was sent and received).
/// </para>
/// </remarks>
public abstract class AgentRealtimeSession : IAsyncDisposable
{
    private protected AgentRealtimeSession()
    {
    }

    /// <summary>The agent's id.</summary>
    public abstract string AgentId { get; }

    /// <summary>The call's audio format, both ways.</summary>
    public abstract AgentAudioFormat InputFormat { get; }

    /// <summary>
    /// Completes when the call has ended: with how it ended normally, or faulted with the exception that ended it
    /// (<see cref="CartesiaAgentErrorException"/>, <see cref="CartesiaAgentConnectionLostException"/>).
    /// </summary>
    public abstract Task<AgentCallEnd> Completion { get; }

    /// <summary>Bytes of audio on the wire so far.</summary>
    public abstract long AudioBytesSent { get; }

    /// <summary>Bytes of agent audio received so far.</summary>
    public abstract long AudioBytesReceived { get; }

    /// <summary>
    /// Queues audio in <see cref="InputFormat"/> (raw samples, no header), from any thread, in any sizes: it is cut
    /// into frames, in order, none lost. Waits while the send queue is full; cancelled while waiting, nothing of the
    /// piece is queued.
    /// </summary>
    /// <param name="audio">The audio; copied before this returns.</param>
    /// <param name="cancellationToken">Stops waiting for room.</param>
    /// <exception cref="InvalidOperationException">The call is ending (<see cref="EndAsync"/>).</exception>
    /// <exception cref="CartesiaException">The call ended with an error (the exception that ended it).</exception>
    public abstract ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default);

    /// <summary>Sends every piece of a sequence (a microphone, another socket), in order, returning at its end.</summary>
    /// <param name="audio">The pieces, in <see cref="InputFormat"/>.</param>
    /// <param name="pacing">As fast as the connection takes it (the default: a live source paces itself) or in real time.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    public abstract Task SendAudioAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, AgentAudioPacing pacing = AgentAudioPacing.AsFastAsPossible, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a stream's audio to its end, in real time by default (a recording played as if spoken). A WAV stream's
    /// header is checked against <see cref="InputFormat"/> (a clear <see cref="ArgumentException"/> before anything is
    /// sent when they differ) and skipped; anything else is sent as raw samples.
    /// </summary>
    /// <param name="audio">Raw audio in <see cref="InputFormat"/>, or a WAV file of that format.</param>
    /// <param name="pacing">Real time (default) or as fast as possible.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    public abstract Task SendAudioAsync(Stream audio, AgentAudioPacing pacing = AgentAudioPacing.RealTime, CancellationToken cancellationToken = default);

    /// <summary>Presses keys: one DTMF event per digit, in order, after the audio queued before.</summary>
    /// <param name="digits">One or more of <c>0</c>–<c>9</c>, <c>*</c>, <c>#</c>.</param>
    /// <param name="cancellationToken">Stops waiting for room in the queue.</param>
    /// <exception cref="ArgumentException">A character is not a DTMF key (nothing is sent).</exception>
    public abstract ValueTask SendDtmfAsync(string digits, CancellationToken cancellationToken = default);

    /// <summary>
    /// The call's events as they arrive, agent audio decoded; ends after <see cref="AgentCallEndedEvent"/>, or throws
    /// the exception that ended the call. Can be read once (this or <see cref="ReadPooledEventsAsync"/>).
    /// </summary>
    /// <param name="cancellationToken">Stops reading (the call goes on).</param>
    public abstract IAsyncEnumerable<AgentEvent> ReadEventsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The events, like <see cref="ReadEventsAsync"/>, with no allocation for audio: the audio of each
    /// <see cref="AgentAudioEvent"/> lies in a pooled buffer that is valid only until the loop moves on (play it, write
    /// it, or copy it there). For bridges and servers that forward audio straight on.
    /// </summary>
    /// <param name="cancellationToken">Stops reading (the call goes on).</param>
    public abstract IAsyncEnumerable<AgentEvent> ReadPooledEventsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the call from this side: the queued audio goes out (within <see cref="AgentRealtimeOptions.CloseTimeout"/>),
    /// then a normal close. Returns how the call ended (if the agent hung up first, that). Every call shares the first.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the call still ends).</param>
    public abstract Task<AgentCallEnd> EndAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends the call promptly if it is still on (queued audio is dropped) and frees the connection.</summary>
    public abstract ValueTask DisposeAsync();
}
