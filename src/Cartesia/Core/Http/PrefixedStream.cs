namespace Cartesia.Core.Http;

/// <summary>
/// A read-only, forward-only stream that first returns bytes already read from another stream, then the rest of
/// that stream, so a stream whose start was inspected can be handed on whole.
/// </summary>
internal sealed class PrefixedStream : Stream
{
    private readonly ReadOnlyMemory<byte> _prefix;
    private readonly Stream _inner;
    private readonly bool _ownsInner;
    private int _position;

    /// <param name="prefix">The bytes already read.</param>
    /// <param name="inner">The rest.</param>
    /// <param name="ownsInner">Whether disposing this stream disposes <paramref name="inner"/> (not for a caller's stream).</param>
    public PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner, bool ownsInner = true)
    {
        _prefix = prefix;
        _inner = inner;
        _ownsInner = ownsInner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < _prefix.Length)
        {
            return TakePrefix(buffer);
        }

        return _inner.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => _position < _prefix.Length ? new(TakePrefix(buffer.Span)) : _inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsInner)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int TakePrefix(Span<byte> buffer)
    {
        int count = Math.Min(buffer.Length, _prefix.Length - _position);
        _prefix.Span.Slice(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
