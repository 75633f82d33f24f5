namespace Cartesia.Emulator.Hosting;

/// <summary>
/// Passes a response body through unchanged (every write and flush at once, so streams keep their pace) while
/// keeping a copy of its first bytes for the journal.
/// </summary>
internal sealed class ResponseCaptureStream : Stream
{
    private readonly Stream _inner;
    private readonly int _limit;
    private readonly MemoryStream _copy = new();

    public ResponseCaptureStream(Stream inner, int limit)
    {
        _inner = inner;
        _limit = limit;
    }

    /// <summary>The first bytes written (up to the limit).</summary>
    public byte[] Captured => _copy.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        _inner.Write(buffer, offset, count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return _inner.WriteAsync(buffer, cancellationToken);
    }

    private void Keep(ReadOnlySpan<byte> data)
    {
        int room = _limit - (int)_copy.Length;
        if (room > 0)
        {
            _copy.Write(data[..Math.Min(room, data.Length)]);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _copy.Dispose();
        }

        base.Dispose(disposing);
    }
}
