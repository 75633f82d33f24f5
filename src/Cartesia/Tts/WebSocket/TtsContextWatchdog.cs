namespace Cartesia.Tts;

/// <summary>
/// A context's watchdog (part of <see cref="TtsContext"/>): one timer on the client's
/// <see cref="TimeProvider"/>, armed with the first-chunk timeout until the first audio arrives, then with the
/// between-chunks timeout while the context owes audio (it was completed, or a flush is pending). A context still
/// receiving text is not watched. When the timer fires it calls the context back, which decides under its lock
/// whether the context still runs and ends it with a <see cref="CartesiaTimeoutException"/>.
/// </summary>
/// <remarks>Holds no state of its own besides the timer and the two timeouts; arm and stop it under the context's lock.</remarks>
internal sealed class TtsContextWatchdog : IAsyncDisposable
{
    private readonly ITimer _timer;

    /// <param name="time">The client's clock.</param>
    /// <param name="firstChunkTimeout">How long a context may wait for its first audio.</param>
    /// <param name="chunkTimeout">How long a context that owes audio may wait between two events.</param>
    /// <param name="fired">Called with <paramref name="state"/> when the timer fires: a static callback and its state,
    /// so no delegate is made per context (a socket may carry a thousand).</param>
    /// <param name="state">The context.</param>
    public TtsContextWatchdog(TimeProvider time, TimeSpan firstChunkTimeout, TimeSpan chunkTimeout, TimerCallback fired, object state)
    {
        FirstChunkTimeout = firstChunkTimeout;
        ChunkTimeout = chunkTimeout;
        _timer = time.CreateTimer(fired, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How long a context may wait for its first audio after its first text.</summary>
    public TimeSpan FirstChunkTimeout { get; }

    /// <summary>How long a context that owes audio may wait between two events.</summary>
    public TimeSpan ChunkTimeout { get; }

    /// <summary>
    /// Arms the timer for the phase the context is in: waiting for its first audio, owing more audio, or neither
    /// (then it is stopped).
    /// </summary>
    /// <param name="awaitingFirstChunk">Text was sent and no audio arrived yet.</param>
    /// <param name="owesAudio">The context was completed or has a flush pending.</param>
    public void Arm(bool awaitingFirstChunk, bool owesAudio)
    {
        TimeSpan due = awaitingFirstChunk ? FirstChunkTimeout : owesAudio ? ChunkTimeout : Timeout.InfiniteTimeSpan;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops the timer (the context got its last event or ended).</summary>
    public void Stop() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>The exception that ends a context whose watchdog fired in <paramref name="phase"/>.</summary>
    public CartesiaTimeoutException Expired(string contextId, CartesiaTimeoutPhase phase, long audioBytes)
    {
        TimeSpan timeout = TimeoutOf(phase);
        string what = phase == CartesiaTimeoutPhase.FirstChunk ? "its first audio" : "more audio";
        return new CartesiaTimeoutException($"Context '{contextId}' waited {timeout.TotalSeconds:0.###} s for {what} after {audioBytes} bytes; it was cancelled.")
        {
            Phase = phase,
            Timeout = timeout,
        };
    }

    /// <summary>The timeout that applies in <paramref name="phase"/>.</summary>
    public TimeSpan TimeoutOf(CartesiaTimeoutPhase phase) => phase == CartesiaTimeoutPhase.FirstChunk ? FirstChunkTimeout : ChunkTimeout;

    public ValueTask DisposeAsync() => _timer.DisposeAsync();
}
