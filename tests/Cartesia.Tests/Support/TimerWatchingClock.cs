using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when code starts (or restarts) a timer on it. A test advances the
/// clock only once the code under test is waiting: advancing earlier would move no timer, because none would exist
/// yet. Used for the client's clock (<see cref="CartesiaClientOptions.TimeProvider"/>) and the emulator's.
/// </summary>
internal sealed class TimerWatchingClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _started = [];
    private readonly List<(Func<TimeSpan, bool> Match, int Count, TaskCompletionSource Signal)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        Started(dueTime);
        return new WatchedTimer(timer, this);
    }

    /// <summary>The due times of the timers started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    /// <summary>
    /// Completes once a timer due in <paramref name="dueTime"/> has been started (or at once if one was); fails after
    /// <paramref name="timeout"/> of real time, a generous bound for a wait that should take milliseconds.
    /// </summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, TimeSpan timeout) => Watch(due => due == dueTime, 1).WaitAsync(timeout);

    /// <summary>Waits (at most 30 s of real time, then fails) until <paramref name="count"/> timers of a due time have been started.</summary>
    public Task TimerStartedAsync(TimeSpan dueTime, int count = 1) => TimerStartedAsync(due => due == dueTime, count, dueTime.ToString());

    /// <summary>Waits (at most 30 s of real time, then fails) until <paramref name="count"/> timers whose due time matches have been started.</summary>
    public async Task TimerStartedAsync(Func<TimeSpan, bool> match, int count = 1, string what = "a matching due time")
    {
        try
        {
            await Watch(match, count).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No timer of {what} was started (expected {count}).");
        }
    }

    private Task Watch(Func<TimeSpan, bool> match, int count)
    {
        lock (_gate)
        {
            if (_started.Count(match) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, signal));
            return signal.Task;
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
            foreach ((Func<TimeSpan, bool> match, int count, TaskCompletionSource signal) in _waiters)
            {
                if (_started.Count(match) >= count)
                {
                    signal.TrySetResult();
                }
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
