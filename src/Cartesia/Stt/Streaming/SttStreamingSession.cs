namespace Cartesia.Stt;

/// <summary>
/// A streaming speech-to-text session over a WebSocket: push audio (<see cref="SendAudioAsync(ReadOnlyMemory{byte}, CancellationToken)"/>,
/// from any number of tasks) while reading events (<see cref="ReadEventsAsync"/>, from one), then
/// <see cref="CompleteAsync(CancellationToken)"/> to get the last transcripts. Audio is re-framed to
/// <see cref="SttStreamingSessionOptions.FrameDuration"/> frames; no byte is lost or sent twice, and commands never overtake
/// audio sent before them. Dispose it to end it at once. See <see cref="SttSession"/> and <see cref="SttTurnsSession"/>.
/// </summary>
public abstract class SttStreamingSession : IAsyncDisposable
{
    private readonly SttSessionCore? _core;

    /// <summary>For mocking in tests.</summary>
    protected SttStreamingSession()
    {
    }

    private protected SttStreamingSession(SttSessionCore core) => _core = core;

    /// <summary>The id of the connection, for Cartesia support (from the handshake or the latest event; it changes on a reconnect).</summary>
    public virtual string? RequestId => Core.RequestId;

    private protected SttSessionCore Core => _core ?? throw new InvalidOperationException("This session was created without a connection (for mocking).");

    /// <summary>
    /// Queues audio in the session's encoding; it goes out in frames of the configured duration, the remainder
    /// with the next finalize or close. Returns once the audio is queued (you may reuse the memory); waits only
    /// when <see cref="SttStreamingSessionOptions.MaxQueuedBytes"/> are already waiting. Safe from several tasks at once
    /// (each call's audio stays in one piece).
    /// </summary>
    /// <param name="audio">Raw PCM in the declared encoding and sample rate, mono, any length.</param>
    /// <param name="cancellationToken">Stops waiting for room in the queue (then none of the audio is queued).</param>
    /// <exception cref="InvalidOperationException"><see cref="CompleteAsync(CancellationToken)"/> was called.</exception>
    /// <exception cref="CartesiaException">The session failed (the failure that ended it).</exception>
    public virtual ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default)
        => Core.SendAudioAsync(audio, cancellationToken);

    /// <summary>
    /// Sends a stream's audio to its end (it is not disposed): raw PCM in the declared format, or a WAV file whose
    /// header must agree with it (checked before any of it is sent; the header itself is not sent).
    /// </summary>
    /// <param name="audio">The audio.</param>
    /// <param name="pacing">As fast as possible (default), or in real time like a microphone.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    /// <exception cref="ArgumentException">The WAV header disagrees with the session's encoding, sample rate or mono, or the stream holds another container.</exception>
    public virtual Task SendAudioAsync(Stream audio, SttPacing pacing = SttPacing.AsFastAsPossible, CancellationToken cancellationToken = default)
        => Core.SendAudioAsync(audio, pacing, cancellationToken);

    /// <summary>Sends every piece of audio of a sequence (a microphone, a telephony stream), in order.</summary>
    /// <param name="audio">Pieces of raw PCM in the declared format, any size.</param>
    /// <param name="pacing">As they come (default), or re-paced to real time.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    public virtual Task SendAudioAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, SttPacing pacing = SttPacing.AsFastAsPossible, CancellationToken cancellationToken = default)
        => Core.SendAudioAsync(audio, pacing, cancellationToken);

    /// <summary>
    /// The session's events as they arrive, once per session. The sequence ends after the service ends the session
    /// (after <see cref="CompleteAsync(CancellationToken)"/>); an error event ends it with <see cref="CartesiaStreamException"/>, a lost
    /// connection with <see cref="SttConnectionLostException"/>, disposal with <see cref="ObjectDisposedException"/>.
    /// Unknown event types are delivered as <see cref="SttUnknownEvent"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops reading (the session goes on).</param>
    public virtual IAsyncEnumerable<SttEvent> ReadEventsAsync(CancellationToken cancellationToken = default)
        => Core.ReadEventsAsync(cancellationToken);

    /// <summary>
    /// Ends the session without losing its tail: flushes the frame remainder, sends <c>close</c> after everything
    /// queued, and waits (within <see cref="SttStreamingSessionOptions.CloseTimeout"/>) until the service has sent its last
    /// results and closed. Every call shares the first one.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="CartesiaTimeoutException">The service did not finish in time (<see cref="CartesiaTimeoutPhase.Close"/>).</exception>
    /// <exception cref="CartesiaException">The session failed.</exception>
    public virtual Task CompleteAsync(CancellationToken cancellationToken = default) => Core.CompleteAsync(cancellationToken);

    /// <summary>
    /// Ends the session at once (within about half a second, whatever the service does): unsent audio is dropped,
    /// a pending reader ends with <see cref="ObjectDisposedException"/>. Use <see cref="CompleteAsync(CancellationToken)"/> first to
    /// keep the last transcripts.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        // Not async: every call returns the session's one disposal, so a second call never completes before the first.
        GC.SuppressFinalize(this);
        return DisposeAsyncCore();
    }

    /// <summary>Releases the connection.</summary>
    protected virtual ValueTask DisposeAsyncCore() => _core?.DisposeAsync() ?? default;
}
