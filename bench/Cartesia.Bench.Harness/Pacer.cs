using System.Diagnostics;

namespace Cartesia.Bench.Harness;

/// <summary>
/// Holds a sender to a fixed rate, the same way for every client of a paced workload: before each frame the sender
/// asks it, and while the sender is ahead of the schedule it waits a timer tick (about 1 ms here) at a time, so frames
/// leave in small bursts on the tick. Without a rate it never waits.
/// </summary>
internal sealed class Pacer(double? bytesPerSecond)
{
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <summary>Waits until <paramref name="sent"/> bytes are due.</summary>
    public ValueTask WaitAsync(long sent) => bytesPerSecond is { } rate && sent > Due(rate) ? WaitSlowAsync(sent, rate) : default;

    private double Due(double rate) => Stopwatch.GetElapsedTime(_start).TotalSeconds * rate;

    private async ValueTask WaitSlowAsync(long sent, double rate)
    {
        while (sent > Due(rate))
        {
            await Task.Delay(1);
        }
    }
}
