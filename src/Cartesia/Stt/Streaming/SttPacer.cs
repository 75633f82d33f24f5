namespace Cartesia.Stt;

/// <summary>Keeps sending in real time on the client's clock: waits until the audio sent so far has had time to play.</summary>
internal sealed class SttPacer
{
    private readonly double? _bytesPerSecond;
    private readonly TimeProvider _time;
    private readonly long _started;
    private long _bytes;

    /// <param name="bytesPerSecond">The audio's rate, or null not to pace.</param>
    /// <param name="time">The clock.</param>
    public SttPacer(double? bytesPerSecond, TimeProvider time)
    {
        _bytesPerSecond = bytesPerSecond;
        _time = time;
        _started = time.GetTimestamp();
    }

    public async ValueTask WaitAsync(int nextBytes, CancellationToken cancellationToken)
    {
        if (_bytesPerSecond is not { } rate)
        {
            return;
        }

        TimeSpan due = TimeSpan.FromSeconds(_bytes / rate) - _time.GetElapsedTime(_started);
        _bytes += nextBytes;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
