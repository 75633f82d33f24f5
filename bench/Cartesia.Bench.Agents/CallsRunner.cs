using System.Diagnostics;

namespace Cartesia.Bench.Agents;

/// <summary>What one client did at one call count.</summary>
internal sealed record CallsResult(string Client, int Calls, double CpuMsPerCallMinute, double P50Ms, double P99Ms, long Frames, long Lost);

/// <summary>Runs N concurrent calls of one client for a duration, at real-time pace, and measures them.</summary>
internal static class CallsRunner
{
    public const string AgentId = "agent_7Jq2mXc9Lr4T";
    private const int FrameBytes = 160; // 20 ms of 8 kHz μ-law
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    public static async Task<CallsResult> RunAsync(ICallClient client, int calls, TimeSpan duration)
    {
        int frames = (int)(duration / Frame);
        var sessions = new ICall[calls];
        using (var gate = new SemaphoreSlim(16))
        {
            await Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
            {
                await gate.WaitAsync().ConfigureAwait(false);
                try
                {
                    sessions[i] = await client.ConnectAsync(AgentId, CancellationToken.None).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
        }

        using var process = Process.GetCurrentProcess();
        TimeSpan cpuStart = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        var trackers = new FrameTracker[calls];
        var work = new Task[calls];
        for (int i = 0; i < calls; i++)
        {
            var tracker = trackers[i] = new FrameTracker(frames, FrameBytes);
            ICall call = sessions[i];
            TimeSpan offset = Frame * i / calls; // spread the calls' frame ticks over the 20 ms
            Task receiving = call.ReceiveAsync(tracker.Received);
            work[i] = RunCallAsync(call, tracker, receiving, start, offset, frames);
        }

        await Task.WhenAll(work).ConfigureAwait(false);
        process.Refresh();
        TimeSpan cpu = process.TotalProcessorTime - cpuStart;
        await Task.WhenAll(sessions.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);

        double[] delays = [.. trackers.SelectMany(t => t.Delays()).Order()];
        long lost = trackers.Sum(t => t.Lost);
        double minutes = calls * duration.TotalMinutes;
        return new CallsResult(client.Name, calls, cpu.TotalMilliseconds / minutes, Percentile(delays, 0.50), Percentile(delays, 0.99), delays.Length, lost);
    }

    private static async Task RunCallAsync(ICall call, FrameTracker tracker, Task receiving, long start, TimeSpan offset, int frames)
    {
        byte[] frame = new byte[FrameBytes];
        Random.Shared.NextBytes(frame);
        for (int k = 0; k < frames; k++)
        {
            TimeSpan wait = offset + (Frame * k) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            tracker.Sending(k);
            await call.SendAsync(frame).ConfigureAwait(false);
        }

        // Every echo back, or give up after 5 s (what did not come is counted lost).
        await tracker.AllReceived.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await call.EndAsync().ConfigureAwait(false);
        await receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>When each frame went out and when its echo was whole (echoes come back in order, so bytes tell which).</summary>
    private sealed class FrameTracker(int frames, int frameBytes)
    {
        private readonly long[] _sent = new long[frames];
        private readonly long[] _delay = new long[frames];
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _bytes;
        private int _done;

        public Task AllReceived => _all.Task;

        public long Lost => frames - Volatile.Read(ref _done);

        public void Sending(int frame) => Volatile.Write(ref _sent[frame], Stopwatch.GetTimestamp());

        public void Received(int bytes)
        {
            long now = Stopwatch.GetTimestamp();
            _bytes += bytes;
            int whole = (int)Math.Min(frames, _bytes / frameBytes);
            for (int i = _done; i < whole; i++)
            {
                _delay[i] = now - Volatile.Read(ref _sent[i]);
            }

            Volatile.Write(ref _done, whole);
            if (whole == frames)
            {
                _all.TrySetResult();
            }
        }

        public IEnumerable<double> Delays() => _delay.Take(Volatile.Read(ref _done)).Select(d => d * 1000.0 / Stopwatch.Frequency);
    }
}
