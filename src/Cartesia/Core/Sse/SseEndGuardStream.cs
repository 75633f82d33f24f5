namespace Cartesia.Core.Sse;

/// <summary>
/// Passes a stream through and, when it ends, adds one blank line. The standard SSE parser drops an event that
/// is not followed by a blank line; the Cartesia streams end right after their last event, so the last event is
/// dispatched. <see cref="InnerEnded"/> tells a parse failure of that final event (a cut stream) from a
/// malformed event in the middle.
/// </summary>
internal sealed class SseEndGuardStream : Stream
{
    private static readonly byte[] Terminator = "\n\n"u8.ToArray();
    private readonly Stream _inner;
    private int _terminatorPosition;

    public SseEndGuardStream(Stream inner) => _inner = inner;

    /// <summary>Whether the wrapped stream has ended.</summary>
    public bool InnerEnded { get; private set; }

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
        if (!InnerEnded)
        {
            int read = _inner.Read(buffer);
            if (read > 0 || buffer.IsEmpty)
            {
                return read;
            }

            InnerEnded = true;
        }

        return ReadTerminator(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!InnerEnded)
        {
            int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0 || buffer.IsEmpty)
            {
                return read;
            }

            InnerEnded = true;
        }

        return ReadTerminator(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int ReadTerminator(Span<byte> buffer)
    {
        int count = Math.Min(buffer.Length, Terminator.Length - _terminatorPosition);
        Terminator.AsSpan(_terminatorPosition, count).CopyTo(buffer);
        _terminatorPosition += count;
        return count;
    }
}
