namespace Cartesia.Tts;

/// <summary>Settings of a <see cref="TtsWebSocket"/> connection and the contexts it carries.</summary>
public sealed class TtsWebSocketOptions
{
    /// <summary>
    /// How long a context may wait, after text was sent, for its first audio chunk. Default 10 seconds (above the
    /// service's largest <c>max_buffer_delay_ms</c> of 5 s); <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan FirstChunkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a context that owes audio (it was completed or flushed) may go without any event. Default 10
    /// seconds; <see cref="Timeout.InfiniteTimeSpan"/> turns it off. A context still receiving text is not
    /// watched, since the service legitimately waits for more text.
    /// </summary>
    public TimeSpan ChunkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How much audio one context may have offered to its reader and not yet taken before it fails with
    /// <see cref="CartesiaBufferOverflowException"/> (and is cancelled on the service). Default 32 MiB — about three
    /// minutes of 44.1 kHz float audio. The limit protects memory without ever making one slow reader delay the
    /// others.
    /// </summary>
    /// <remarks>
    /// Only audio the reader could already have taken counts: audio the receive loop holds for a moment to hand a
    /// burst over in one wake-up does not. Audio that arrives in one burst (frames back to back, the socket never
    /// idle) counts only against a reader that has stopped taking events (for 50 ms), so a reader that keeps up never
    /// overflows however large the service's burst, while audio of earlier bursts still unread counts at once: a
    /// reader that falls behind fails at the next frame. It learns of the overflow at its next read (not after
    /// reading what was queued): <see cref="TtsContext.State"/> and <see cref="TtsContext.Completion"/> show it at
    /// once, the audio still queued for the reader is dropped (pooled buffers go back to the pool), and the next
    /// read throws the <see cref="CartesiaBufferOverflowException"/>. A cancelled context drops its queue the same way.
    /// </remarks>
    public long MaxBufferedBytesPerContext { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// Hands each event to a context's waiting reader on the socket's receive loop instead of waking the reader on
    /// another thread. Off by default. On, a reader that keeps up receives noticeably faster (one thread hop less per
    /// chunk; see the README's Performance section), but the synchronous part of every reader's loop body then runs
    /// on the receive loop and delays every context's next frame until it awaits: turn it on only when readers do
    /// little per event and never block (no <c>.Wait()</c>, <c>.Result</c> or <c>Thread.Sleep</c>), as with
    /// <c>System.IO.Pipelines</c>' inline scheduler.
    /// </summary>
    public bool DeliverEventsInline { get; set; }

    /// <summary>How long <see cref="TtsWebSocket.DisposeAsync"/> waits for the service to acknowledge the close. Default 2 seconds.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    internal TtsWebSocketOptions Validate()
    {
        Check(FirstChunkTimeout, nameof(FirstChunkTimeout));
        Check(ChunkTimeout, nameof(ChunkTimeout));
        Check(CloseTimeout, nameof(CloseTimeout));
        if (MaxBufferedBytesPerContext < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBufferedBytesPerContext), MaxBufferedBytesPerContext, "MaxBufferedBytesPerContext must be at least 1024 bytes.");
        }

        return new TtsWebSocketOptions
        {
            FirstChunkTimeout = FirstChunkTimeout,
            ChunkTimeout = ChunkTimeout,
            MaxBufferedBytesPerContext = MaxBufferedBytesPerContext,
            CloseTimeout = CloseTimeout,
            DeliverEventsInline = DeliverEventsInline,
        };
    }

    private static void Check(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive or Timeout.InfiniteTimeSpan.");
        }
    }
}
