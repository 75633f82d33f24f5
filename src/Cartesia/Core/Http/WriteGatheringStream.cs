using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Cartesia.Core.Http;

/// <summary>
/// A WebSocket connection's socket stream that gathers writes made in quick succession into one system call.
/// <list type="bullet">
/// <item>A write that comes more than <see cref="GatherWindow"/> after the one before it (every message of a
/// conversation at human pace), or after something was read since that one (an answer to what the service said),
/// goes straight to the socket from the caller's buffer, before the write returns: exactly what happens without
/// this stream.</item>
/// <item>A write that follows the previous one closely with nothing read between them (a loop pushing audio as fast
/// as it can, a thousand contexts starting) is copied into a queue and returns at once. A sender on the thread pool writes the queue as one block; what arrives
/// while that block is in flight goes out in the next one. A full queue makes the writer wait for room, so memory
/// stays bounded by <see cref="QueueCapacity"/> however fast the caller writes.</item>
/// </list>
/// On loopback this takes a flat-out speech-to-text push from one system call per 3,200-byte frame to one per
/// tens of kilobytes, on both ends of the connection.
/// <para>
/// A queued write that fails closes the connection (pending reads end) and the next write or flush throws it. At
/// disposal, what was queued still goes out, as the kernel still sends what its buffer holds after a close: reads end
/// at once and the socket closes when the queue is written, or after <see cref="DrainLimit"/> if the peer stops
/// reading. With nothing queued, disposal closes the socket at once (a write still in progress is cut, as before).
/// </para>
/// </summary>
internal sealed class WriteGatheringStream : Stream
{
    /// <summary>How soon after the previous write a write is gathered rather than sent straight through.</summary>
    public static readonly TimeSpan GatherWindow = TimeSpan.FromMicroseconds(100);

    /// <summary>The most bytes queued at once (one loopback segment).</summary>
    public const int QueueCapacity = 64 * 1024;

    /// <summary>How long a disposed stream keeps writing what was queued before it closes the socket anyway.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);

    private readonly Stream _inner;
    private readonly Socket? _socket;
    private readonly TimeProvider _time;
    private readonly long _gatherTicks;
    private readonly Lock _lock = new();
    private byte[]? _queue;
    private byte[]? _sending;
    private int _queued;
    private bool _busy;
    private bool _background;
    private bool _disposed;
    private bool _innerClosed;
    private long _lastWrite;
    private long _reads;
    private long _readsAtLastWrite;
    private Exception? _failure;
    private readonly LockedSignal _progress = new(); // set whenever the sender takes the queue or the socket is freed
    private ITimer? _drainLimit;

    /// <param name="inner">The connection's stream.</param>
    /// <param name="socket">Its socket, to end reads at once at disposal while queued writes drain (none: reads end with the socket).</param>
    /// <param name="time">The clock for the gather window and the drain limit.</param>
    public WriteGatheringStream(Stream inner, Socket? socket = null, TimeProvider? time = null)
    {
        _inner = inner;
        _socket = socket;
        _time = time ?? TimeProvider.System;
        _gatherTicks = (long)(GatherWindow.TotalSeconds * _time.TimestampFrequency);
    }

    /// <summary>Background writes made so far: each is one block of gathered writes.</summary>
    public long GatheredWrites { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ValueTask<int> read = _inner.ReadAsync(buffer, cancellationToken);
        if (read.IsCompletedSuccessfully)
        {
            Volatile.Write(ref _reads, _reads + 1);
            return read;
        }

        return CountReadAsync(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        int n = _inner.Read(buffer);
        Volatile.Write(ref _reads, _reads + 1);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        lock (_lock)
        {
            ThrowIfClosed();
            long now = _time.GetTimestamp(), reads = Volatile.Read(ref _reads);
            bool burst = _lastWrite != 0 && now - _lastWrite < _gatherTicks && reads == _readsAtLastWrite;
            _lastWrite = now;
            _readsAtLastWrite = reads;
            if (!_busy && !burst)
            {
                _busy = true; // idle, and not part of a burst: straight through
            }
            else if (TryEnqueue(buffer.Span))
            {
                return ValueTask.CompletedTask;
            }
            else
            {
                return WaitForRoomAsync(buffer, cancellationToken);
            }
        }

        return WriteThroughAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        WaitUntilIdle(takeOver: true);
        try
        {
            _inner.Write(buffer);
        }
        catch (Exception ex)
        {
            Finished(ex);
            throw;
        }

        Finished(null);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Waits until everything written has reached the socket (throws what a queued write failed with).</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task progress;
            lock (_lock)
            {
                ThrowIfClosed();
                if (!_busy)
                {
                    break;
                }

                progress = _progress.Task;
            }

            await progress.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Flush()
    {
        WaitUntilIdle(takeOver: false);
        _inner.Flush();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            bool drain;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _progress.Set(); // writers waiting for room learn of it
                drain = _background && _failure is null;
                if (drain)
                {
                    _drainLimit = _time.CreateTimer(static s => ((WriteGatheringStream)s!).CloseInner(), this, DrainLimit, Timeout.InfiniteTimeSpan);
                }
            }

            if (drain)
            {
                EndReads();
            }
            else
            {
                CloseInner();
            }
        }

        base.Dispose(disposing);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> CountReadAsync(ValueTask<int> read)
    {
        int n = await read.ConfigureAwait(false);
        Volatile.Write(ref _reads, _reads + 1);
        return n;
    }

    /// <summary>Copies a write into the queue if it fits (starting the sender if the socket is free); false if not.</summary>
    private bool TryEnqueue(ReadOnlySpan<byte> data)
    {
        if (data.Length > QueueCapacity - _queued)
        {
            return false;
        }

        _queue ??= ArrayPool<byte>.Shared.Rent(QueueCapacity);
        data.CopyTo(_queue.AsSpan(_queued));
        _queued += data.Length;
        if (!_busy)
        {
            _busy = true;
            StartSender();
        }

        return true;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WaitForRoomAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task progress;
            lock (_lock)
            {
                ThrowIfClosed();
                if (!_busy && buffer.Length > QueueCapacity)
                {
                    _busy = true; // too large to queue: it goes straight through once the socket is free
                    break;
                }

                if (TryEnqueue(buffer.Span))
                {
                    return;
                }

                progress = _progress.Task;
            }

            await progress.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await WriteThroughAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes from the caller's buffer (the caller owns the socket: <see cref="_busy"/> is set).</summary>
    private ValueTask WriteThroughAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        ValueTask write;
        try
        {
            write = _inner.WriteAsync(buffer, cancellationToken);
        }
        catch (Exception ex)
        {
            Finished(ex);
            return ValueTask.FromException(ex);
        }

        if (write.IsCompletedSuccessfully)
        {
            write.GetAwaiter().GetResult();
            Finished(null);
            return ValueTask.CompletedTask;
        }

        return AwaitWriteThroughAsync(write);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask AwaitWriteThroughAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Finished(ex);
            throw;
        }

        Finished(null);
    }

    /// <summary>A write from the caller's buffer ended: hand the socket to the sender if writes queued meanwhile.</summary>
    private void Finished(Exception? failure)
    {
        if (failure is not null)
        {
            Fail(failure);
            return;
        }

        lock (_lock)
        {
            if (_queued > 0 && _failure is null)
            {
                StartSender();
                return;
            }

            _busy = false;
            _progress.Set();
        }

        CloseIfDisposed();
    }

    private void StartSender()
    {
        _background = true;
        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = ((WriteGatheringStream)s!).SendQueuedAsync(), this, preferLocal: false);
    }

    /// <summary>The sender: writes the queue as one block until it is empty, then frees the socket.</summary>
    private async Task SendQueuedAsync()
    {
        while (true)
        {
            byte[]? block = null;
            int count = 0;
            lock (_lock)
            {
                _progress.Set();
                if (_queued == 0 || _failure is not null)
                {
                    _busy = false;
                    _background = false;
                    ReturnBuffers();
                }
                else
                {
                    block = _queue!;
                    count = _queued;
                    _queue = _sending;
                    _sending = block;
                    _queued = 0;
                    GatheredWrites++;
                }
            }

            if (block is null)
            {
                CloseIfDisposed();
                return;
            }

            try
            {
                await _inner.WriteAsync(block.AsMemory(0, count)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Fail(ex);
                return;
            }
        }
    }

    /// <summary>A write failed: the connection is closed (pending reads end) and every later write throws it.</summary>
    private void Fail(Exception failure)
    {
        lock (_lock)
        {
            _failure ??= failure;
            _busy = false;
            _background = false;
            _queued = 0;
            ReturnBuffers();
            _progress.Set();
        }

        CloseInner();
    }

    private void WaitUntilIdle(bool takeOver)
    {
        while (true)
        {
            Task progress;
            lock (_lock)
            {
                ThrowIfClosed();
                if (!_busy)
                {
                    _busy = takeOver;
                    return;
                }

                progress = _progress.Task;
            }

            progress.GetAwaiter().GetResult();
        }
    }

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
        {
            throw new IOException($"An earlier write to the connection failed: {_failure.Message}", _failure);
        }
    }

    private void ReturnBuffers()
    {
        if (_queue is not null)
        {
            ArrayPool<byte>.Shared.Return(_queue);
            _queue = null;
        }

        if (_sending is not null)
        {
            ArrayPool<byte>.Shared.Return(_sending);
            _sending = null;
        }
    }

    private void CloseIfDisposed()
    {
        bool close;
        lock (_lock)
        {
            close = _disposed && !_busy;
        }

        if (close)
        {
            CloseInner();
        }
    }

    /// <summary>Ends pending and later reads while queued writes still go out.</summary>
    private void EndReads()
    {
        try
        {
            _socket?.Shutdown(SocketShutdown.Receive);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            CloseInner();
        }
    }

    private void CloseInner()
    {
        lock (_lock)
        {
            if (_innerClosed)
            {
                return;
            }

            _innerClosed = true;
        }

        _drainLimit?.Dispose();
        _inner.Dispose();
    }
}
