using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Cartesia.Core.Http;

/// <summary>
/// A WebSocket connection's socket stream with a read buffer under everything the handler layers on it (TLS, HTTP,
/// WebSocket framing). The BCL's WebSocket reads each frame's header and then its payload, and without a buffer below it each
/// of those is a system call: two per audio chunk. Here one call takes whatever the kernel holds, up to
/// <see cref="BufferSize"/>, so a burst of frames costs one. Reads at least as large as the buffer, and all writes,
/// go straight to the stream below (for a WebSocket, a <see cref="WriteGatheringStream"/>).
/// </summary>
internal sealed class ReadBufferedStream : Stream
{
    /// <summary>The read buffer's size: a burst of a few audio chunks.</summary>
    public const int BufferSize = 64 * 1024;

    private readonly Stream _inner;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    public ReadBufferedStream(Stream inner, int bufferSize = BufferSize)
    {
        _inner = inner;
        _buffer = new byte[bufferSize];
    }

    /// <summary>
    /// The connect step of the SDK's <see cref="SocketsHttpHandler"/> (<see cref="SocketsHttpHandler.ConnectCallback"/>):
    /// what the handler does by default (a TCP socket with Nagle off, connected to the host's addresses in turn),
    /// with the read buffer and write gathering (<see cref="WriteGatheringStream"/>) on top when the connection is
    /// opened for a WebSocket. Plain HTTP connections keep the
    /// bare socket stream: the handler reads those through a buffer of its own, and it cancels a synchronous read of
    /// a response promptly only on a bare socket stream.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        return IsWebSocketUpgrade(context.InitialRequestMessage) ? new ReadBufferedStream(new WriteGatheringStream(stream, socket)) : stream;
    }

    /// <summary>Whether a request asks to upgrade its connection to a WebSocket (RFC 6455 §4.1).</summary>
    public static bool IsWebSocketUpgrade(HttpRequestMessage request)
        => request.Headers.Upgrade.Any(p => string.Equals(p.Name, "websocket", StringComparison.OrdinalIgnoreCase))
            || request.Headers.Contains("Sec-WebSocket-Key");

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_start < _end)
        {
            return new ValueTask<int>(Take(buffer.Span));
        }

        // Nothing buffered: a zero-byte read (waiting for data without taking any) and a read as large as the
        // buffer go straight through; anything else fills the buffer first.
        return buffer.Length == 0 || buffer.Length >= _buffer.Length ? _inner.ReadAsync(buffer, cancellationToken) : FillAndTakeAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        if (_start < _end)
        {
            return Take(buffer);
        }

        if (buffer.Length == 0 || buffer.Length >= _buffer.Length)
        {
            return _inner.Read(buffer);
        }

        _start = 0;
        _end = _inner.Read(_buffer);
        return Take(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(ReadOnlySpan<byte> buffer) => _inner.Write(buffer);

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> FillAndTakeAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _inner.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return Take(buffer.Span);
    }

    /// <summary>Copies out as much buffered data as fits (none at the end of the stream).</summary>
    private int Take(Span<byte> destination)
    {
        int count = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }
}
