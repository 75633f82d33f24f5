using System.Buffers;

namespace Cartesia.Core.Audio;

/// <summary>
/// Keeps sending in real time on the client's clock: waits until the audio sent so far has had time to play. Also the
/// paced pumps both streaming areas (STT, agents) use to feed a stream or a sequence into a push.
/// </summary>
internal sealed class AudioPacer
{
    private readonly double? _bytesPerSecond;
    private readonly TimeProvider _time;
    private readonly long _started;
    private long _bytes;

    /// <param name="bytesPerSecond">The audio's rate, or null not to pace.</param>
    /// <param name="time">The clock.</param>
    public AudioPacer(double? bytesPerSecond, TimeProvider time)
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

    /// <summary>
    /// Pushes a stream's audio data in pieces of at most <paramref name="chunk"/> bytes, paced: first what is left of
    /// the head already read (from <paramref name="dataStart"/>), then the rest of the stream, stopping after
    /// <paramref name="dataRemaining"/> bytes (a WAV's declared data length) or at the stream's end.
    /// </summary>
    public async Task PumpAsync(Stream audio, byte[] head, int headCount, int dataStart, long dataRemaining, int chunk, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> push, CancellationToken cancellationToken)
    {
        int offset = dataStart;
        while (offset < headCount && dataRemaining > 0)
        {
            int length = (int)Math.Min(Math.Min(chunk, headCount - offset), dataRemaining);
            await WaitAsync(length, cancellationToken).ConfigureAwait(false);
            await push(head.AsMemory(offset, length), cancellationToken).ConfigureAwait(false);
            offset += length;
            dataRemaining -= length;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(chunk);
        try
        {
            while (dataRemaining > 0)
            {
                int wanted = (int)Math.Min(chunk, dataRemaining);
                int read = await audio.ReadAtLeastAsync(buffer.AsMemory(0, wanted), wanted, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await WaitAsync(read, cancellationToken).ConfigureAwait(false);
                await push(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                dataRemaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Pushes every piece of a sequence, in order, paced.</summary>
    public async Task PumpAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> push, CancellationToken cancellationToken)
    {
        await foreach (ReadOnlyMemory<byte> piece in audio.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await WaitAsync(piece.Length, cancellationToken).ConfigureAwait(false);
            await push(piece, cancellationToken).ConfigureAwait(false);
        }
    }
}
