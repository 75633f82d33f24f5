using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.Tts.WebSocket;

/// <summary>
/// Drives the client's <see cref="TimeProvider"/> in TTS WebSocket tests: the watchdogs, the burst clocks and the
/// close timeouts run on it, so a test sets a timeout of an hour and moves the fake clock instead of waiting.
/// </summary>
internal static class FakeClock
{
    /// <summary>A timeout no test ever waits for on the wall clock: only the fake clock can reach it.</summary>
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// Moves <paramref name="clock"/> by <paramref name="step"/> until <paramref name="task"/> completes (its timer
    /// may be created only after a first move), then awaits it; fails if it is not done within a bounded number of
    /// moves (a timer that is not on the fake clock never fires).
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, Task task, TimeSpan step)
    {
        for (int i = 0; i < 600 && !task.IsCompleted; i++)
        {
            clock.Advance(step);
            await Task.WhenAny(task, Task.Delay(50));
        }

        Assert.True(task.IsCompleted, "The task did not complete as the fake clock moved: its timer is not on the client's TimeProvider.");
        await task;
    }
}
