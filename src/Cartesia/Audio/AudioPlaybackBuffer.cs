using Cartesia.Core;

namespace Cartesia.Audio;

/// <summary>
/// A thread-safe, bounded first-in first-out queue of audio between the network and a speaker: the code that
/// receives an agent's (or a TTS stream's) audio writes it, the speaker pulls it at its own pace, and
/// <see cref="Clear"/> drops everything still queued at once — when the agent is interrupted
/// (<c>audio_output_clear</c> / <c>clear</c>), "stop talking now" is <c>buffer.Clear()</c>.
/// </summary>
/// <remarks>
/// <para>
/// Bytes come out in the order they went in, none lost except those <see cref="Clear"/> (or
/// <see cref="AudioPlaybackOverflow.DropOldest"/>) dropped, which <see cref="BytesDropped"/> counts.
/// <see cref="BytesPlayed"/> counts the bytes read out, i.e. what the listener heard (as far as the speaker plays what
/// it reads), which is what a voice agent needs to know to tell what was said before an interruption.
/// </para>
/// <para>
/// With a <c>blockAlign</c> (2 for 16-bit mono PCM) reads return whole samples only, and dropping the oldest audio
/// drops whole samples, so a sample is never split between what was played and what was dropped.
/// </para>
/// <para>
/// When a write does not fit: <see cref="AudioPlaybackOverflow.Throw"/> (the default) throws
/// <see cref="CartesiaBufferOverflowException"/> naming the capacity and writes nothing;
/// <see cref="AudioPlaybackOverflow.DropOldest"/> drops the oldest queued audio to make room (the newest audio wins).
/// <see cref="WriteAsync"/> instead waits for room, which gives the writer back pressure.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var playback = new AudioPlaybackBuffer(TimeSpan.FromSeconds(30), bytesPerSecond: 32_000, blockAlign: 2);
/// // network side:  playback.Write(audio.Span);      on barge-in: playback.Clear();
/// // speaker side:  int n = playback.Read(deviceBuffer);   (0 when nothing is queued: play silence)
/// </code>
/// </example>
public sealed class AudioPlaybackBuffer
{
    private readonly object _gate = new();
    private readonly byte[] _ring;
    private readonly int _blockAlign;
    private readonly AudioPlaybackOverflow _overflow;
    private readonly LockedSignal _dataAvailable = new();
    private readonly LockedSignal _roomAvailable = new();
    private int _head;
    private int _count;
    private long _written;
    private long _played;
    private long _dropped;
    private bool _completed;

    /// <summary>Creates a buffer that holds up to <paramref name="capacityBytes"/> bytes.</summary>
    /// <param name="capacityBytes">The most audio it queues, in bytes (a multiple of <paramref name="blockAlign"/>).</param>
    /// <param name="overflow">What a <see cref="Write"/> that does not fit does.</param>
    /// <param name="blockAlign">Bytes per sample frame (1 for 8-bit μ-law, 2 for 16-bit mono PCM): reads return whole samples.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or the capacity is not a multiple of the block.</exception>
    public AudioPlaybackBuffer(int capacityBytes, AudioPlaybackOverflow overflow = AudioPlaybackOverflow.Throw, int blockAlign = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockAlign);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityBytes);
        if (capacityBytes % blockAlign != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacityBytes), capacityBytes, $"The capacity ({capacityBytes} bytes) must be a whole number of blocks of {blockAlign} bytes.");
        }

        if (!Enum.IsDefined(overflow))
        {
            throw new ArgumentOutOfRangeException(nameof(overflow), overflow, "Unknown overflow behaviour.");
        }

        _ring = new byte[capacityBytes];
        _overflow = overflow;
        _blockAlign = blockAlign;
    }

    /// <summary>Creates a buffer that holds up to <paramref name="capacity"/> of audio at a rate.</summary>
    /// <param name="capacity">The most audio it queues, as a duration.</param>
    /// <param name="bytesPerSecond">The audio's rate in bytes per second (8,000 for μ-law 8 kHz; 32,000 for 16-bit PCM at 16 kHz).</param>
    /// <param name="overflow">What a <see cref="Write"/> that does not fit does.</param>
    /// <param name="blockAlign">Bytes per sample frame: reads return whole samples.</param>
    /// <exception cref="ArgumentOutOfRangeException">The duration or rate is not positive, or the result is over 2 GB.</exception>
    public AudioPlaybackBuffer(TimeSpan capacity, int bytesPerSecond, AudioPlaybackOverflow overflow = AudioPlaybackOverflow.Throw, int blockAlign = 1)
        : this(CapacityFor(capacity, bytesPerSecond, blockAlign), overflow, blockAlign)
    {
    }

    /// <summary>The most audio the buffer queues, in bytes.</summary>
    public int CapacityBytes => _ring.Length;

    /// <summary>Bytes per sample frame; reads return whole blocks.</summary>
    public int BlockAlign => _blockAlign;

    /// <summary>Bytes queued now, not yet read.</summary>
    public int BufferedBytes
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Bytes written so far (including those later dropped).</summary>
    public long BytesWritten
    {
        get
        {
            lock (_gate)
            {
                return _written;
            }
        }
    }

    /// <summary>Bytes read out so far: what the speaker got, i.e. what the listener heard.</summary>
    public long BytesPlayed
    {
        get
        {
            lock (_gate)
            {
                return _played;
            }
        }
    }

    /// <summary>Bytes dropped so far, by <see cref="Clear"/> or by <see cref="AudioPlaybackOverflow.DropOldest"/>.</summary>
    public long BytesDropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Whether <see cref="Complete"/> was called (no more audio will be written).</summary>
    public bool IsCompleted
    {
        get
        {
            lock (_gate)
            {
                return _completed;
            }
        }
    }

    /// <summary>Queues audio; all of it, or (when it does not fit and the overflow is <see cref="AudioPlaybackOverflow.Throw"/>) none of it.</summary>
    /// <param name="audio">The audio.</param>
    /// <exception cref="CartesiaBufferOverflowException">It does not fit and the overflow is <see cref="AudioPlaybackOverflow.Throw"/>; nothing was written.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was called.</exception>
    public void Write(ReadOnlySpan<byte> audio)
    {
        if (audio.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            ThrowIfCompletedLocked();
            int free = _ring.Length - _count;
            if (audio.Length > free)
            {
                if (_overflow == AudioPlaybackOverflow.Throw)
                {
                    throw new CartesiaBufferOverflowException(
                        $"The playback buffer is full: {audio.Length} more bytes do not fit in its capacity of {_ring.Length} bytes ({_count} queued). Read faster, use a larger buffer, WriteAsync to wait for room, or AudioPlaybackOverflow.DropOldest.")
                    {
                        LimitBytes = _ring.Length,
                    };
                }

                if (audio.Length >= _ring.Length)
                {
                    // Only the newest capacity's worth survives (whole blocks from the end).
                    int skip = RoundUpToBlock(audio.Length - _ring.Length);
                    DropLocked(_count);
                    _dropped += skip;
                    _written += skip;
                    audio = audio[skip..];
                }
                else
                {
                    int needed = audio.Length - free;
                    DropLocked(RoundUpToBlock(needed));
                }
            }

            WriteLocked(audio);
        }
    }

    /// <summary>Queues audio, waiting for room when the buffer is full (back pressure for the writer).</summary>
    /// <param name="audio">The audio; a piece larger than the capacity is written in parts as room appears.</param>
    /// <param name="cancellationToken">Stops waiting; what was already written stays queued.</param>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was called.</exception>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default)
    {
        while (!audio.IsEmpty)
        {
            Task room;
            lock (_gate)
            {
                ThrowIfCompletedLocked();
                int free = _ring.Length - _count;
                if (free > 0)
                {
                    int take = Math.Min(free, audio.Length);
                    WriteLocked(audio.Span[..take]);
                    audio = audio[take..];
                    continue;
                }

                room = _roomAvailable.Task;
            }

            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads queued audio into <paramref name="destination"/>, without waiting: 0 when nothing is queued (play silence).</summary>
    /// <param name="destination">Where to copy; with a block alignment, a whole number of blocks is copied.</param>
    /// <returns>The bytes copied.</returns>
    public int Read(Span<byte> destination)
    {
        lock (_gate)
        {
            return ReadLocked(destination);
        }
    }

    /// <summary>
    /// Reads queued audio, waiting until there is some: returns the bytes copied, or 0 once the buffer is
    /// completed (<see cref="Complete"/>) and empty.
    /// </summary>
    /// <param name="destination">Where to copy.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.Length < _blockAlign && !destination.IsEmpty)
        {
            throw new ArgumentException($"The destination ({destination.Length} bytes) is smaller than one block of {_blockAlign} bytes.", nameof(destination));
        }

        while (true)
        {
            Task data;
            lock (_gate)
            {
                int read = ReadLocked(destination.Span);
                if (read > 0 || destination.IsEmpty || (_completed && _count == 0))
                {
                    return read;
                }

                data = _dataAvailable.Task;
            }

            await data.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Drops all queued audio now (barge-in: "stop talking now").</summary>
    /// <returns>How many bytes were dropped.</returns>
    public long Clear()
    {
        lock (_gate)
        {
            int dropped = _count;
            DropLocked(dropped);
            return dropped;
        }
    }

    /// <summary>
    /// Says no more audio will be written: <see cref="ReadAsync"/> returns 0 once the rest is read (a partial block
    /// included). Later writes throw.
    /// </summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            _dataAvailable.Set();
            _roomAvailable.Set();
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_gate)
        {
            return $"AudioPlaybackBuffer ({_count} of {_ring.Length} bytes queued; {_written} written, {_played} played, {_dropped} dropped)";
        }
    }

    private static int CapacityFor(TimeSpan capacity, int bytesPerSecond, int blockAlign)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockAlign);
        if (capacity <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be a positive duration.");
        }

        double bytes = Math.Ceiling(capacity.TotalSeconds * bytesPerSecond / blockAlign) * blockAlign;
        if (bytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"{capacity} at {bytesPerSecond} bytes per second is more than a buffer can hold.");
        }

        return (int)bytes;
    }

    private void ThrowIfCompletedLocked()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The playback buffer was completed (Complete was called): it takes no more audio.");
        }
    }

    private int RoundUpToBlock(int bytes) => (bytes + _blockAlign - 1) / _blockAlign * _blockAlign;

    private void WriteLocked(ReadOnlySpan<byte> audio)
    {
        int tail = (_head + _count) % _ring.Length;
        int first = Math.Min(audio.Length, _ring.Length - tail);
        audio[..first].CopyTo(_ring.AsSpan(tail));
        audio[first..].CopyTo(_ring);
        _count += audio.Length;
        _written += audio.Length;
        _dataAvailable.Set();
    }

    private int ReadLocked(Span<byte> destination)
    {
        int available = _completed ? _count : _count / _blockAlign * _blockAlign;
        int take = Math.Min(available, destination.Length);
        if (take < _count || !_completed)
        {
            take = take / _blockAlign * _blockAlign;
        }

        if (take == 0)
        {
            return 0;
        }

        int first = Math.Min(take, _ring.Length - _head);
        _ring.AsSpan(_head, first).CopyTo(destination);
        _ring.AsSpan(0, take - first).CopyTo(destination[first..]);
        _head = (_head + take) % _ring.Length;
        _count -= take;
        _played += take;
        _roomAvailable.Set();
        return take;
    }

    private void DropLocked(int bytes)
    {
        bytes = Math.Min(bytes, _count);
        _head = (_head + bytes) % _ring.Length;
        _count -= bytes;
        _dropped += bytes;
        if (_count == 0)
        {
            _head = 0;
        }

        _roomAvailable.Set();
    }
}
