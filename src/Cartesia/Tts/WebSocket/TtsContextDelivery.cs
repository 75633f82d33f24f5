using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Cartesia.Core;

namespace Cartesia.Tts;

/// <summary>
/// The reading side of a context (part of <see cref="TtsContext"/>): the queue between the socket's receive loop
/// and the context's single reader, and what is measured on it.
/// <list type="bullet">
/// <item><b>Burst hand-off</b> (default delivery): events are held (<c>_held</c>) while the socket has more frames
/// ready and handed to the reader's queue together, so a burst wakes the reader once; a reader that took
/// everything offered pulls what is held itself. With inline delivery every event goes straight to the queue.</item>
/// <item><b>Overflow accounting</b>: only audio offered to the reader (in the queue) and not yet taken counts
/// against <see cref="TtsWebSocketOptions.MaxBufferedBytesPerContext"/>; audio offered during the socket's current
/// burst counts only against a reader that took nothing for 50 ms (measured on the client's
/// <see cref="TimeProvider"/>), so a reader that keeps up never overflows.</item>
/// <item><b>The reader</b> (<see cref="Read"/>): decoded or pooled audio (a pooled chunk's buffer goes back when the
/// loop moves on); a cancelled or overflowed context ends it at the next read, dropping what was queued.</item>
/// </list>
/// </summary>
/// <remarks>
/// Methods named <c>…Locked</c> are called by the context under its lock; <see cref="Read"/> and the reader's
/// helpers run on the reader without it, touching only <c>_bufferedBytes</c> (Interlocked), <c>_lastTakeTimestamp</c>
/// (the reader writes it), <c>_discardQueued</c> (volatile) and the queue, and take the lock for the rest.
/// </remarks>
internal sealed class TtsContextDelivery
{
    private readonly TtsContext _context;
    private readonly Lock _gate; // the context's lock
    private readonly TimeProvider _time;
    private readonly long _maxBufferedBytes;
    private readonly long _stallTicks; // how long a reader over the limit may take nothing (while the burst goes on) before it counts as behind
    private readonly SingleReaderQueue<TtsEvent> _events;
    private readonly List<TtsEvent> _held = []; // events not yet handed to the reader (default delivery)
    private long _bufferedBytes; // Interlocked: audio offered to the reader (published), taken off by the reader without the lock
    private long _offeredThisBurst; // of it, what was offered during the socket's current burst
    private long _burst; // the connection's burst number that _offeredThisBurst belongs to
    private long _lastTakeTimestamp; // when the reader last took an event (written by the reader only)
    private long _overLimitSince; // when a hand-off first found the reader over the limit; 0 when it is not
    private volatile bool _discardQueued; // cancelled or overflowed: the reader's next read ends, dropping what was queued
    private bool _ended;
    private Exception? _failure; // what ended the context, for its reader
    private int _readerStarted;

    public TtsContextDelivery(TtsContext context, Lock gate, TimeProvider time, long maxBufferedBytes, bool deliverInline)
    {
        _context = context;
        _gate = gate;
        _time = time;
        _maxBufferedBytes = maxBufferedBytes;
        _stallTicks = time.TimestampFrequency / 20;
        DeliverInline = deliverInline;
        _events = new SingleReaderQueue<TtsEvent>(inlineContinuations: deliverInline);
    }

    /// <summary>Whether each event goes to the reader as it arrives, on the receive loop (no burst hand-off).</summary>
    public bool DeliverInline { get; }

    /// <summary>The reader's events; can be started once.</summary>
    public IAsyncEnumerable<TtsEvent> Read(bool pooledAudio, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _readerStarted, 1) != 0)
        {
            throw new InvalidOperationException($"The events of context '{_context.ContextId}' are already being read; they can be read once.");
        }

        return ReadCoreAsync(pooledAudio, cancellationToken);
    }

    /// <summary>A new burst of the socket (frames that arrived back to back) began: what earlier ones offered is old.</summary>
    public void EnterBurstLocked(long burst)
    {
        if (burst != _burst)
        {
            _burst = burst;
            _offeredThisBurst = 0;
        }
    }

    /// <summary>Holds an event for the burst hand-off.</summary>
    /// <returns>Whether it is the first one held (the connection then remembers to publish it).</returns>
    public bool HoldLocked(TtsEvent value)
    {
        _held.Add(value);
        return _held.Count == 1;
    }

    /// <summary>Counts an event about to be written inline (before it is written: the reader may take it inside the write).</summary>
    public void OfferInlineLocked(TtsEvent value)
    {
        if (value is TtsChunkEvent offered)
        {
            Interlocked.Add(ref _bufferedBytes, offered.Audio.Length);
            _offeredThisBurst += offered.Audio.Length;
        }
    }

    /// <summary>
    /// Writes an event offered with <see cref="OfferInlineLocked"/>: outside the lock, because the waiting reader's
    /// loop body runs right here and must never run while the context is locked. Only the receive loop writes, so
    /// events keep their order.
    /// </summary>
    public void WriteInline(TtsEvent value) => _events.TryWrite(value);

    /// <summary>Hands the events held since the last hand-off to the reader, waking it once.</summary>
    public void PublishHeldLocked()
    {
        // The queue never refuses a write before it is completed, and writing under the lock only queues the reader's
        // continuation (these contexts do not run it inline).
        foreach (TtsEvent held in _held)
        {
            if (held is TtsChunkEvent chunk)
            {
                Interlocked.Add(ref _bufferedBytes, chunk.Audio.Length);
                _offeredThisBurst += chunk.Audio.Length;
            }

            _events.TryWrite(held);
        }

        _held.Clear();
    }

    /// <summary>
    /// At a hand-off, before it offers more: the overflow that ends the context when its reader has more audio
    /// offered and not taken than the limit allows, and it is behind: what earlier bursts offered is over the limit
    /// by itself, or the reader took nothing for a while (50 ms) while over it. Audio held for the hand-off never
    /// counts (the reader could not have seen it), and audio offered during the current burst counts only against a
    /// reader that stopped taking, so a reader that keeps up never overflows, however large a burst. Null when the
    /// reader is not behind.
    /// </summary>
    public CartesiaBufferOverflowException? CheckOverflowLocked()
    {
        long unread = Interlocked.Read(ref _bufferedBytes);
        if (unread <= _maxBufferedBytes)
        {
            _overLimitSince = 0;
            return null;
        }

        long now = _time.GetTimestamp();
        if (_overLimitSince == 0)
        {
            _overLimitSince = now;
        }

        long stalledSince = Math.Max(_overLimitSince, Volatile.Read(ref _lastTakeTimestamp));
        if (unread - _offeredThisBurst <= _maxBufferedBytes && now - stalledSince < _stallTicks)
        {
            // Over only with what this burst offered, and the reader is taking it: it keeps up.
            return null;
        }

        return new CartesiaBufferOverflowException(
            $"Context '{_context.ContextId}' has {unread} bytes of audio offered to its reader and not yet read, more than MaxBufferedBytesPerContext ({_maxBufferedBytes}); it was cancelled and the unread audio dropped. Read its events faster, or raise the limit.")
        {
            LimitBytes = _maxBufferedBytes,
        };
    }

    /// <summary>
    /// The context ended: the queue is completed. Events held for a burst are still the reader's, unless the
    /// context was cancelled or overflowed (<paramref name="discard"/>): then they are dropped, and the reader's
    /// next read ends it, dropping what was queued too.
    /// </summary>
    public void EndLocked(Exception? failure, bool discard)
    {
        _ended = true;
        _failure = failure;
        _discardQueued = discard;
        if (DeliverInline)
        {
            // The reader would continue inline from the completion, under the lock: complete from the pool instead.
            ThreadPool.UnsafeQueueUserWorkItem(static events => events.TryComplete(), _events, preferLocal: false);
            return;
        }

        if (!discard)
        {
            PublishHeldLocked();
        }
        else
        {
            foreach (TtsEvent dropped in _held)
            {
                (dropped as TtsChunkEvent)?.ReturnAudio();
            }

            _held.Clear();
        }

        _events.TryComplete();
    }

    private async IAsyncEnumerable<TtsEvent> ReadCoreAsync(bool pooledAudio, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TtsChunkEvent? lent = null;
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await _events.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await _context.CancelAsync(CancellationToken.None).ConfigureAwait(false);
                    throw;
                }

                ThrowIfDiscarded();
                if (!more)
                {
                    break;
                }

                while (_events.TryRead(out TtsEvent? value) || (!DeliverInline && PullHeld() && _events.TryRead(out value)))
                {
                    lent?.ReturnAudio();
                    lent = null;
                    Volatile.Write(ref _lastTakeTimestamp, _time.GetTimestamp());
                    if (value is TtsChunkEvent chunk)
                    {
                        Interlocked.Add(ref _bufferedBytes, -chunk.Audio.Length);
                        if (pooledAudio)
                        {
                            lent = chunk;
                        }
                        else
                        {
                            chunk.OwnAudio();
                        }
                    }

                    yield return value;
                    ThrowIfDiscarded();
                }
            }
        }
        finally
        {
            lent?.ReturnAudio();
        }

        ThrowIfFailed();
    }

    /// <summary>
    /// The reader took everything offered: it takes what the receive loop holds for the burst hand-off itself,
    /// rather than wait for the hand-off (a reader that keeps up is never behind by a hand-off's wake-up).
    /// </summary>
    private bool PullHeld()
    {
        lock (_gate)
        {
            if (_held.Count == 0 || _ended)
            {
                return false;
            }

            PublishHeldLocked();
            return true;
        }
    }

    /// <summary>
    /// A cancelled or overflowed context ends its reader at the next read: what was queued is dropped (its pooled
    /// audio returned) and the reader gets the cancellation or the overflow at once, not after reading it all.
    /// </summary>
    private void ThrowIfDiscarded()
    {
        if (!_discardQueued)
        {
            return;
        }

        while (_events.TryRead(out TtsEvent? dropped))
        {
            if (dropped is TtsChunkEvent chunk)
            {
                Interlocked.Add(ref _bufferedBytes, -chunk.Audio.Length);
                chunk.ReturnAudio();
            }
        }

        ThrowIfFailed();
        throw new OperationCanceledException($"Context '{_context.ContextId}' was cancelled.");
    }

    private void ThrowIfFailed()
    {
        Exception? failure;
        lock (_gate)
        {
            failure = _failure;
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
