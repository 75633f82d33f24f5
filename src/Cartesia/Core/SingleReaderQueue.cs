using System.Threading.Tasks.Sources;

namespace Cartesia.Core;

/// <summary>
/// An unbounded queue with one reader, for the many small per-item queues of a multiplexed socket (one per TTS
/// context): what an unbounded single-reader <see cref="System.Threading.Channels.Channel{T}"/> does here, in a
/// fifth of the memory (about 200 bytes against about 1,000: it is its own wait, with no reader, writer or segment
/// objects), which matters when a socket carries a thousand contexts and each one is young garbage to copy. Writers
/// may be several but must not write concurrently with each other if their order matters (the caller serialises
/// them); the reader waits with <see cref="WaitToReadAsync"/> and takes with <see cref="TryRead"/>. A completed queue
/// takes nothing more, and its reader drains what is left before the wait answers false.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
internal sealed class SingleReaderQueue<T> : IValueTaskSource<bool>
{
    private readonly Queue<T> _items = new(); // also the lock
    private ManualResetValueTaskSourceCore<bool> _wait;
    private CancellationTokenRegistration _registration; // the armed wait's cancellation; guarded by the lock
    private bool _waiting; // a wait is armed and not yet answered; guarded by the lock
    private bool _completed; // guarded by the lock

    /// <summary>A queue whose reader continues on the thread pool, or (<paramref name="inlineContinuations"/>) on the writer's thread.</summary>
    public SingleReaderQueue(bool inlineContinuations)
    {
        _wait.RunContinuationsAsynchronously = !inlineContinuations;
    }

    /// <summary>Adds an item and wakes the reader if it waits; false (nothing added) once the queue is completed.</summary>
    public bool TryWrite(T item)
    {
        CancellationTokenRegistration registration;
        lock (_items)
        {
            if (_completed)
            {
                return false;
            }

            _items.Enqueue(item);
            if (!TakeWaitLocked(out registration))
            {
                return true;
            }
        }

        Answer(registration, true);
        return true;
    }

    /// <summary>Takes no more items; the reader's wait answers false once it has taken what is left. False when already completed.</summary>
    public bool TryComplete()
    {
        CancellationTokenRegistration registration;
        lock (_items)
        {
            if (_completed)
            {
                return false;
            }

            _completed = true;
            if (!TakeWaitLocked(out registration))
            {
                return true;
            }
        }

        // A wait is armed only while the queue is empty: nothing is left to read.
        Answer(registration, false);
        return true;
    }

    /// <summary>Takes the oldest item, if any.</summary>
    public bool TryRead(out T item)
    {
        lock (_items)
        {
            return _items.TryDequeue(out item!);
        }
    }

    /// <summary>
    /// True when an item can be read, false when the queue is completed and empty; one wait at a time (the one reader).
    /// A cancelled wait throws <see cref="OperationCanceledException"/> and takes nothing.
    /// </summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(cancellationToken);
        }

        short version;
        lock (_items)
        {
            if (_items.Count > 0)
            {
                return new ValueTask<bool>(true);
            }

            if (_completed)
            {
                return new ValueTask<bool>(false);
            }

            _wait.Reset();
            version = _wait.Version;
            _waiting = true;
        }

        if (cancellationToken.CanBeCanceled)
        {
            CancellationTokenRegistration registration = cancellationToken.UnsafeRegister(static (state, token) => ((SingleReaderQueue<T>)state!).CancelWait(token), this);
            lock (_items)
            {
                if (_waiting)
                {
                    _registration = registration;
                    registration = default;
                }
            }

            registration.Dispose(); // already answered: the registration is not needed
        }

        return new ValueTask<bool>(this, version);
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _wait.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _wait.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _wait.OnCompleted(continuation, state, token, flags);

    /// <summary>Disarms the wait, if one is armed, handing its registration to the caller to dispose outside the lock.</summary>
    private bool TakeWaitLocked(out CancellationTokenRegistration registration)
    {
        if (!_waiting)
        {
            registration = default;
            return false;
        }

        registration = _registration;
        _registration = default;
        _waiting = false;
        return true;
    }

    /// <summary>Answers a disarmed wait, outside the lock (an inline reader runs inside the answer).</summary>
    private void Answer(CancellationTokenRegistration registration, bool result)
    {
        registration.Dispose(); // a cancellation racing this answer finds the wait disarmed, and none comes after
        _wait.SetResult(result);
    }

    private void CancelWait(CancellationToken token)
    {
        lock (_items)
        {
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
            _registration = default; // this callback's own registration: nothing to wait for
        }

        _wait.SetException(new OperationCanceledException(token));
    }
}
