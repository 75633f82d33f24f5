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
/// session's audio clock (the offset of the current connection's times). Everything is guarded by the session's gate
/// (see <see cref="SttSessionCore"/>): a push that fits is framed and queued under one hold of it
/// (<see cref="TryPushAudio"/>); a push that must wait for room, and every command, first takes the push ownership
/// (a flag under the gate, handed on in order), which owns the frame being filled while the gate is not held.
/// </summary>
internal sealed class SttSendQueue
{
    private readonly SttSessionState _state;
    private readonly int? _frameBytes;
    private readonly double? _bytesPerSecond;
    private readonly long _maxQueuedBytes;

    // Owned by the one push in progress (the frame being filled and the push's messages); see _pushHeld.
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
    private readonly Queue<TaskCompletionSource> _pushWaiters = new(); // pushes waiting for _pushHeld, in order
    private bool _pushHeld; // a push or command is in progress and owns the frame being filled (the slow path)
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
    /// Re-frames and queues audio under one hold of the gate, when no other push is in progress and the queue has room;
    /// returns false, having done nothing, when the push must wait (the caller then uses <see cref="PushAudioAsync"/>).
    /// Throws when the session takes no more audio. When it returns true, <paramref name="first"/> is the message the
    /// caller is to send itself (<see cref="SttPump.SendHereAsync"/>), or null: when the pump was waiting for work the
    /// caller sends in its place rather than wake it onto another thread — a session fed as fast as it sends stays on
    /// one thread, as a bare socket would.
    /// </summary>
    public bool TryPushAudio(ReadOnlySpan<byte> audio, out SttOutgoing? first, out SttConnection? connection)
    {
        first = null;
        connection = null;
        lock (_state.Gate)
        {
            _state.ThrowIfNotAcceptingLocked();
            if (_pushHeld || !HasRoomLocked(WholeFrameBytes(audio.Length)))
            {
                return false;
            }

            Frame(audio, _pushed);
            try
            {
                EnqueueLocked(_pushed, mayClaim: true, out first, out connection);
            }
            finally
            {
                _pushed.Clear();
            }

            return true;
        }
    }

    /// <summary>
    /// Re-frames and queues audio after waiting for the push ownership and for room; all of it or (when cancelled while
    /// waiting) none of it. Returns the message the caller is to send itself, as <see cref="TryPushAudio"/> does.
    /// </summary>
    public async ValueTask<(SttOutgoing? First, SttConnection? Connection)> PushAudioAsync(ReadOnlyMemory<byte> audio, Action throwIfNotAccepting, CancellationToken cancellationToken)
    {
        await EnterPushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            throwIfNotAccepting();
            await WaitForRoomAsync(WholeFrameBytes(audio.Length), cancellationToken).ConfigureAwait(false);

            // From here on nothing waits: the push is applied whole.
            Frame(audio.Span, _pushed);
            lock (_state.Gate)
            {
                EnqueueLocked(_pushed, mayClaim: true, out SttOutgoing? first, out SttConnection? connection);
                return (first, connection);
            }
        }
        finally
        {
            _pushed.Clear();
            ExitPush();
        }
    }

    /// <summary>Queues a command after the frame remainder; a finalize's waiter is answered by its <c>flush_done</c>.</summary>
    public async Task PushCommandAsync(SttOutgoing command, TaskCompletionSource? answered, Action throwIfNotAccepting, CancellationToken cancellationToken)
    {
        await EnterPushAsync(cancellationToken).ConfigureAwait(false);
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

                EnqueueLocked(_pushed, mayClaim: false, out _, out _);
            }
        }
        finally
        {
            _pushed.Clear();
            ExitPush();
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

    /// <summary>Takes the push ownership, at once when nobody holds it, else in turn (cancellable while waiting).</summary>
    private ValueTask EnterPushAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource turn;
        lock (_state.Gate)
        {
            if (!_pushHeld)
            {
                _pushHeld = true;
                return default;
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _pushWaiters.Enqueue(turn);
        }

        return WaitForTurnAsync(turn, cancellationToken);
    }

    private static async ValueTask WaitForTurnAsync(TaskCompletionSource turn, CancellationToken cancellationToken)
    {
        // A turn handed on (TrySetResult) and a cancellation race on the one task: whichever completes it wins, so a
        // cancelled waiter never holds the ownership and a handed-on one always does.
        using CancellationTokenRegistration registration = cancellationToken.UnsafeRegister(
            static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), turn);
        await turn.Task.ConfigureAwait(false);
    }

    /// <summary>Hands the push ownership to the next push still waiting, or frees it.</summary>
    private void ExitPush()
    {
        lock (_state.Gate)
        {
            while (_pushWaiters.TryDequeue(out TaskCompletionSource? next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            _pushHeld = false;
        }
    }

    /// <summary>The bytes a push of <paramref name="length"/> bytes puts in the queue now (whole frames only).</summary>
    private long WholeFrameBytes(int length) => _frameBytes is int size ? (_frameFill + length) / size * (long)size : length;

    /// <summary>Whether the queue takes <paramref name="bytes"/> more (an empty queue always does).</summary>
    private bool HasRoomLocked(long bytes) => _queuedBytes == 0 || _queuedBytes + bytes <= _maxQueuedBytes;

    /// <summary>Waits until the queue has room; only the push owner or a push under the gate adds to it.</summary>
    private async ValueTask WaitForRoomAsync(long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            lock (_state.Gate)
            {
                _state.ThrowIfFailedLocked();
                if (HasRoomLocked(bytes))
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

    /// <summary>
    /// Queues messages (with the gate held); with <paramref name="mayClaim"/>, when the pump waits for work, claims the
    /// sending for the caller and returns in <paramref name="first"/> the message it is to send first.
    /// </summary>
    private void EnqueueLocked(List<SttOutgoing> items, bool mayClaim, out SttOutgoing? first, out SttConnection? connection)
    {
        first = null;
        connection = null;
        if (items.Count == 0)
        {
            return;
        }

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

        if (mayClaim && _pumpWaiting && !_pusherSending && !_state.StoppingLocked && !_state.Connection.Broken)
        {
            _pusherSending = true;
            first = _queue.First!.Value;
            connection = _state.Connection;
            return;
        }

        _wake.Set();
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
