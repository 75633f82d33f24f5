using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.Stt;

/// <summary>
/// A fake clock for STT sessions (<see cref="CartesiaClientOptions.TimeProvider"/>) that also tells when a timer is
/// started, so a test advances time only once the session waits on it: nothing depends on how fast the machine is.
/// </summary>
internal sealed class SttClock : FakeTimeProvider
{
    private readonly List<TimeSpan> _started = [];
    private readonly List<(Func<TimeSpan, bool> Match, int Count, TaskCompletionSource Signal)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_started)
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

        return timer;
    }

    /// <summary>The due times of the timers started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_started)
            {
                return [.. _started];
            }
        }
    }

    /// <summary>Waits (at most 30 s of real time, then fails) until <paramref name="count"/> timers of a due time have been started.</summary>
    public Task TimerStartedAsync(TimeSpan dueTime, int count = 1) => TimerStartedAsync(due => due == dueTime, count, dueTime.ToString());

    /// <summary>Waits until <paramref name="count"/> timers whose due time matches have been started.</summary>
    public async Task TimerStartedAsync(Func<TimeSpan, bool> match, int count = 1, string what = "a matching due time")
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_started)
        {
            if (_started.Count(match) >= count)
            {
                return;
            }

            _waiters.Add((match, count, signal));
        }

        try
        {
            await signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No timer of {what} was started (expected {count}).");
        }
    }
}
