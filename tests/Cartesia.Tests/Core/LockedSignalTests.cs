using Cartesia.Core;

namespace Cartesia.Tests.Core;

public class LockedSignalTests
{
    [Fact]
    public void Set_completes_every_task_taken_before_it()
    {
        var signal = new LockedSignal();
        Task first = signal.Task;
        Task second = signal.Task;

        signal.Set();

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_task_taken_after_a_set_waits_for_the_next_one()
    {
        var signal = new LockedSignal();
        signal.Set(); // nobody waiting: nothing to complete, and no wake-up kept for later
        Task waiting = signal.Task;

        Assert.False(waiting.IsCompleted);
        signal.Set();
        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.False(signal.Task.IsCompleted);
    }

    [Fact]
    public async Task Waiters_never_run_inside_the_owners_lock()
    {
        var signal = new LockedSignal();
        var gate = new object();
        Task<bool> ranInsideLock = signal.Task.ContinueWith(_ => Monitor.IsEntered(gate), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        lock (gate)
        {
            signal.Set(); // as the owners call it: a waiter run synchronously here would hold the owner's lock
        }

        Assert.False(await ranInsideLock);
    }
}
