using Cartesia.Core;
using Cartesia.Core.Audio;

namespace Cartesia.Stt;

/// <summary>
/// The send side of a session: audio pushed from any thread is cut into frames of
/// <see cref="SttStreamingSessionOptions.FrameDuration"/> and queued with the commands in one ordered queue, bounded
/// in bytes (a push waits for room, and is applied whole or, when cancelled while waiting, not at all); a command
/// takes the frame remainder with it, so it never overtakes audio queued before it. A message leaves the queue only
/// once the pump has it on the wire; sent commands that expect an answer (<c>finalize</c>, <c>close</c>) are kept
/// until it comes, to go again after a reconnect, together with the last turn <c>config</c>. It also keeps the
/// session's audio clock (the offset of the current connection's times). Pushers hold the push lock; everything
/// else is guarded by the session's gate (see <see cref="SttSessionCore"/>).
/// </summary>
internal sealed class SttSendQueue : IDisposable
{
    private readonly SttSessionState _state;
    private readonly int? _frameBytes;
    private readonly double? _bytesPerSecond;
    private readonly long _maxQueuedBytes;

    // Held by the one push in progress (with what it owns: the frame being filled and the push's messages).
    private readonly SemaphoreSlim _pushLock = new(1, 1);
    private readonly List<SttOutgoing> _pushed = [];
    private byte[]? _frame;
    private int _frameFill;

    // Guarded by the gate.
    private readonly LinkedList<SttOutgoing> _queue = new();
    private readonly List<SttOutgoing> _awaitingAnswer = [];
    private readonly Queue<TaskCompletionSource> _flushWaiters = new();
    private readonly int[] _earlyAnswers = new int[4];
    private readonly LockedSignal _wake = new(); // the pump: something was queued, or the session is stopping
    private readonly LockedSignal _room = new(); // pushers: something left the queue
    private long _queuedBytes;
    private bool _pumpWaiting; // the pump found nothing to send and waits to be woken
    private bool _pusherSending; // a pusher sends in the pump's place (see PushAudioAsync)
    private SttOutgoing? _lastConfig;
    private double _timeOffset;
    private long _audioSentOnConnection;
    private long _audioSentTotal;

    public SttSendQueue(SttSessionState state, int? frameBytes, double? bytesPerSecond, long maxQueuedBytes)
    {
        _state = state;
        _frameBytes = frameBytes;
        _bytesPerSecond = bytesPerSecond;
        _maxQueuedBytes = maxQueuedBytes;
    }

    /// <summary>Seconds of audio sent before the current connection (its event times start there).</summary>
    public double TimeOffsetLocked => _timeOffset;

    /// <summary>Bytes of audio on the wire over the whole session.</summary>
    public long AudioSentTotalLocked => _audioSentTotal;

    /// <summary>
    /// Re-frames and queues audio; all of it or (when cancelled while waiting for room) none of it. Returns true when
    /// the pump was waiting for work: the caller then sends what is queued itself (<see cref="SttPump.SendHereAsync"/>)
    /// rather than wake the pump onto another thread — a session fed as fast as it sends stays on one thread, as a
    /// bare socket would.
    /// </summary>
    public async ValueTask<bool> PushAudioAsync(ReadOnlyMemory<byte> audio, Action throwIfNotAccepting, CancellationToken cancellationToken)
    {
        await _pushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            throwIfNotAccepting();
            long whole = _frameBytes is int size ? (_frameFill + audio.Length) / size * (long)size : audio.Length;
            await WaitForRoomAsync(whole, cancellationToken).ConfigureAwait(false);

            // From here on nothing waits: the push is applied whole.
            Frame(audio.Span, _pushed);
            return Enqueue(_pushed, mayClaim: true);
        }
        finally
        {
            _pushed.Clear();
            _pushLock.Release();
        }
    }

    /// <summary>Queues a command after the frame remainder; a finalize's waiter is answered by its <c>flush_done</c>.</summary>
    public async Task PushCommandAsync(SttOutgoing command, TaskCompletionSource? answered, Action throwIfNotAccepting, CancellationToken cancellationToken)
    {
        await _pushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            throwIfNotAccepting();
            await WaitForRoomAsync(_frameFill + command.Length, cancellationToken).ConfigureAwait(false);
            TakeRemainder(_pushed);
            _pushed.Add(command);
            lock (_state.Gate)
            {
                if (answered is not null)
                {
                    _flushWaiters.Enqueue(answered);
                }

                if (command.Kind == SttOutgoingKind.Close)
                {
                    _state.CloseRequested = true;
                }
            }

            Enqueue(_pushed, mayClaim: false);
        }
        finally
        {
            _pushed.Clear();
            _pushLock.Release();
        }
    }

    /// <summary>
    /// The pump's next message to send (null when there is none, or while a pusher sends in its place), and a task
    /// that completes when that may change.
    /// </summary>
    public SttOutgoing? FirstLocked(out Task wake)
    {
        wake = _wake.Task;
        SttOutgoing? first = _pusherSending ? null : _queue.First?.Value;
        _pumpWaiting = first is null;
        return first;
    }

    /// <summary>The pump took over a write (it is no longer waiting for work).</summary>
    public void PumpBusyLocked() => _pumpWaiting = false;

    /// <summary>The next message for a pusher sending in the pump's place (see <see cref="PushAudioAsync"/>).</summary>
    public SttOutgoing? FirstForPusherLocked() => _queue.First?.Value;

    /// <summary>The pusher stopped sending in the pump's place: the pump is woken if anything is left for it.</summary>
    public void PusherDoneLocked()
    {
        _pusherSending = false;
        if (_queue.Count > 0)
        {
            _wake.Set();
        }
    }

    /// <summary>Wakes the pump (the session is stopping, or the connection changed).</summary>
    public void WakeLocked() => _wake.Set();

    /// <summary>
    /// The pump wrote a message: it leaves the queue. Written to a connection replaced meanwhile, audio only moves the
    /// clock and a command goes again first; otherwise a command that expects an answer waits for it.
    /// </summary>
    public void SentLocked(SttOutgoing item, bool onCurrentConnection)
    {
        if (item.Node is not null)
        {
            _queue.Remove(item.Node);
            item.Node = null;
        }

        _queuedBytes -= item.Length;
        if (_queuedBytes <= _maxQueuedBytes / 2)
        {
            // A pusher waiting for room wakes once the queue is down to half, not for every frame sent: one
            // wake-up (and thread hop) per half a queue of audio instead of one per frame.
            _room.Set();
        }

        if (!onCurrentConnection)
        {
            // Written to a connection replaced meanwhile: the new one never saw it.
            if (item.Kind == SttOutgoingKind.Audio)
            {
                _timeOffset += _bytesPerSecond is { } rate ? item.Length / rate : 0;
                item.Release();
            }
            else
            {
                item.Node = _queue.AddFirst(item);
                _queuedBytes += item.Length;
                _wake.Set();
            }

            return;
        }

        switch (item.Kind)
        {
            case SttOutgoingKind.Audio:
                _audioSentOnConnection += item.Length;
                _audioSentTotal += item.Length;
                item.Release();
                break;
            case SttOutgoingKind.Finalize:
            case SttOutgoingKind.Close:
                AwaitAnswer(item);
                break;
            case SttOutgoingKind.Config:
                _lastConfig = item;
                break;
        }
    }

    /// <summary>
    /// An answer arrived: the oldest command of its kind waiting for one is answered (and, for <c>flush_done</c>,
    /// the oldest finalize call). When the answer overtakes the pump's record of the send, it is credited to the send.
    /// </summary>
    public void AnsweredLocked(SttOutgoingKind kind)
    {
        int index = _awaitingAnswer.FindIndex(m => m.Kind == kind);
        if (index >= 0)
        {
            _awaitingAnswer.RemoveAt(index);
        }
        else
        {
            _earlyAnswers[(int)kind]++;
        }

        if (kind == SttOutgoingKind.Finalize && _flushWaiters.TryDequeue(out TaskCompletionSource? waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>
    /// A new connection replaces the old: the clock moves past the audio the old one got; commands sent on it whose
    /// answer never came go again, first and in order, after the turn configuration in effect; then the audio that
    /// was never sent. Returns the bytes of audio still to send.
    /// </summary>
    public long RequeueForNewConnectionLocked()
    {
        _timeOffset += _bytesPerSecond is { } rate ? _audioSentOnConnection / rate : 0;
        _audioSentOnConnection = 0;
        for (int i = _awaitingAnswer.Count - 1; i >= 0; i--)
        {
            SttOutgoing command = _awaitingAnswer[i];
            command.Node = _queue.AddFirst(command);
            _queuedBytes += command.Length;
        }

        _awaitingAnswer.Clear();
        Array.Clear(_earlyAnswers);
        if (_lastConfig is { Node: null } config)
        {
            config.Node = _queue.AddFirst(config);
            _queuedBytes += config.Length;
        }

        _wake.Set();
        return UnsentLocked().AudioBytes;
    }

    /// <summary>What was never sent: bytes of audio (with the frame remainder) and messages.</summary>
    public (long AudioBytes, int Messages) UnsentLocked()
        => (_queue.Where(m => m.Kind == SttOutgoingKind.Audio).Sum(m => (long)m.Length) + _frameFill, _queue.Count + (_frameFill > 0 ? 1 : 0));

    /// <summary>The session ended: every message is released, every finalize call fails, every waiter wakes.</summary>
    public void ReleaseAllLocked(Exception waiterFailure)
    {
        foreach (SttOutgoing item in _queue)
        {
            item.Release();
        }

        _queue.Clear();
        _queuedBytes = 0;
        foreach (SttOutgoing item in _awaitingAnswer)
        {
            item.Release();
        }

        _awaitingAnswer.Clear();
        while (_flushWaiters.TryDequeue(out TaskCompletionSource? waiter))
        {
            waiter.TrySetException(waiterFailure);
        }

        _wake.Set();
        _room.Set();
    }

    public void Dispose() => _pushLock.Dispose();

    /// <summary>Waits until the queue has room (an empty queue always has); only holders of the push lock add to it.</summary>
    private async ValueTask WaitForRoomAsync(long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            lock (_state.Gate)
            {
                _state.ThrowIfFailedLocked();
                if (_queuedBytes == 0 || _queuedBytes + bytes <= _maxQueuedBytes)
                {
                    return;
                }

                room = _room.Task;
            }

            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Cuts audio into whole frames (the remainder stays for the next push or the next command).</summary>
    private void Frame(ReadOnlySpan<byte> audio, List<SttOutgoing> frames)
    {
        if (_frameBytes is not int size)
        {
            byte[] copy = AudioBufferPool.Instance.Rent(audio.Length);
            audio.CopyTo(copy);
            frames.Add(SttOutgoing.Audio(copy, audio.Length));
            return;
        }

        while (!audio.IsEmpty)
        {
            _frame ??= AudioBufferPool.Instance.Rent(size);
            int take = Math.Min(size - _frameFill, audio.Length);
            audio[..take].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += take;
            audio = audio[take..];
            if (_frameFill == size)
            {
                frames.Add(SttOutgoing.Audio(_frame, size));
                _frame = null;
                _frameFill = 0;
            }
        }
    }

    /// <summary>The partial frame, as a short last frame before a command (nothing when there is none).</summary>
    private void TakeRemainder(List<SttOutgoing> into)
    {
        if (_frame is not null && _frameFill > 0)
        {
            into.Add(SttOutgoing.Audio(_frame, _frameFill));
            _frame = null;
            _frameFill = 0;
        }
    }

    /// <summary>Queues messages; with <paramref name="mayClaim"/>, returns true when the caller is to send them (the pump waits for work).</summary>
    private bool Enqueue(List<SttOutgoing> items, bool mayClaim)
    {
        if (items.Count == 0)
        {
            return false;
        }

        lock (_state.Gate)
        {
            if (_state.Failure is not null)
            {
                foreach (SttOutgoing item in items)
                {
                    item.Release();
                }

                _state.ThrowIfFailedLocked();
            }

            foreach (SttOutgoing item in items)
            {
                item.Node = _queue.AddLast(item);
                _queuedBytes += item.Length;
            }

            if (mayClaim && _pumpWaiting && !_pusherSending && !_state.Connection.Broken)
            {
                _pusherSending = true;
                return true;
            }

            _wake.Set();
            return false;
        }
    }

    /// <summary>Records a sent command that expects an answer, unless its answer already came.</summary>
    private void AwaitAnswer(SttOutgoing command)
    {
        if (_earlyAnswers[(int)command.Kind] > 0)
        {
            _earlyAnswers[(int)command.Kind]--;
            return;
        }

        _awaitingAnswer.Add(command);
    }
}
