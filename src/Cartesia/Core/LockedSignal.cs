namespace Cartesia.Core;

/// <summary>
/// A wake-up for tasks that wait on state guarded by their owner's lock: take <see cref="Task"/> under the lock,
/// await it outside, and <see cref="Set"/> (under the lock) completes every task taken since the last set. The task
/// is made only when someone takes it, so setting a signal nobody waits on costs nothing (a queue signalled for
/// every message it holds allocates nothing while its reader is busy). Not thread-safe on its own.
/// </summary>
internal sealed class LockedSignal
{
    private TaskCompletionSource? _waiters;

    /// <summary>A task that completes at the next <see cref="Set"/> (continuations run asynchronously).</summary>
    public Task Task => (_waiters ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Completes the tasks taken since the last set; later ones wait for the next.</summary>
    public void Set()
    {
        TaskCompletionSource? waiters = _waiters;
        _waiters = null;
        waiters?.TrySetResult();
    }
}
