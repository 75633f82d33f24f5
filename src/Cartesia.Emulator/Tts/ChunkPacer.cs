using Cartesia.Emulator.Faults;

namespace Cartesia.Emulator.Tts;

/// <summary>
/// Sends a stream's chunks on the emulator's schedule (time to first audio, real-time factor) and applies the
/// stream faults: drop the connection, go silent, or stream slowly. The schedule runs on the emulator's clock
/// (<see cref="CartesiaEmulatorOptions.TimeProvider"/>).
/// </summary>
internal sealed class ChunkPacer
{
    private readonly HttpContext _context;
    private readonly EmulatorPacing _pacing;
    private readonly EmulatorFault? _fault;
    private readonly double _chunkSeconds;
    private readonly TimeProvider _time;
    private readonly long _started;

    public ChunkPacer(HttpContext context, EmulatorPacing pacing, EmulatorFault? fault, double chunkSeconds)
    {
        _context = context;
        _pacing = pacing;
        _fault = fault;
        _chunkSeconds = chunkSeconds;
        _time = context.RequestServices.GetRequiredService<CartesiaEmulator>().State.Clock;
        _started = _time.GetTimestamp();
    }

    /// <summary>Waits until chunk <paramref name="index"/> is due; false when the stream must stop (fault applied).</summary>
    public async Task<bool> BeforeChunkAsync(int index)
    {
        CancellationToken aborted = _context.RequestAborted;
        TimeSpan due = _fault?.ChunkInterval is { } interval
            ? _pacing.TimeToFirstAudio + (interval * index)
            : _pacing.TimeToFirstAudio + TimeSpan.FromSeconds(index * _chunkSeconds * _pacing.RealTimeFactor);
        TimeSpan wait = due - _time.GetElapsedTime(_started);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, aborted).ConfigureAwait(false);
        }

        if (_fault?.DropAfterChunks == index)
        {
            await DropAsync(_context).ConfigureAwait(false);
            return false;
        }

        if (_fault?.SilenceAfterChunks == index)
        {
            await _context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            await Task.Delay(Timeout.InfiniteTimeSpan, aborted).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Drops a connection mid-stream: first lets what was sent reach the client (an immediate reset would make
    /// the client's network stack discard data it had not read yet), then aborts.
    /// </summary>
    public static async Task DropAsync(HttpContext context)
    {
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(250), context.RequestAborted).ConfigureAwait(false);
        ServerAbort(context);
    }

    /// <summary>Aborts the connection on purpose (recorded so the journal does not blame the client).</summary>
    public static void ServerAbort(HttpContext context)
    {
        context.Items[Hosting.JournalMiddleware.ServerAbortedKey] = true;
        context.Abort();
    }
}
