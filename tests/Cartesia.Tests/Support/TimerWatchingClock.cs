using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when code starts a timer on it. A test advances the clock only once
/// the code under test is waiting: advancing earlier would move no timer, because none would exist yet.
/// </summary>
internal sealed class TimerWatchingClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _started = [];
    private readonly List<(TimeSpan Due, TaskCompletionSource Started)> _watches = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        Started(dueTime);
        return new WatchedTimer(timer, this);
    }

    /// <summary>
    /// Completes once a timer due in <paramref name="dueTime"/> has been started (or at once if one was); fails after
    /// <paramref name="timeout"/> of real time, a generous bound for a wait that should take milliseconds.
    /// </summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_started.Contains(dueTime))
            {
                return Task.CompletedTask;
            }

            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _watches.Add((dueTime, started));
            return started.Task.WaitAsync(timeout);
        }
    }

    private void Started(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_gate)
        {
            _started.Add(dueTime);
            foreach ((TimeSpan due, TaskCompletionSource started) in _watches.Where(w => w.Due == dueTime))
            {
                started.TrySetResult();
            }
        }
    }

    /// <summary>The fake clock's timer, reporting each time it is (re)started.</summary>
    private sealed class WatchedTimer(ITimer inner, TimerWatchingClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool changed = inner.Change(dueTime, period);
            clock.Started(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
