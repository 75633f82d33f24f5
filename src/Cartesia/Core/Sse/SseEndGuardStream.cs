namespace Cartesia.Core.Sse;

/// <summary>
/// Passes a stream through and, when it ends, adds one blank line. The standard SSE parser drops an event that
/// is not followed by a blank line; the Cartesia streams end right after their last event, so the last event is
/// dispatched. <see cref="InnerEnded"/> tells a parse failure of that final event (a cut stream) from a
/// malformed event in the middle. It also bounds what the parser buffers: an event (its lines together, or one
/// line that never ends) larger than the limit fails with <see cref="CartesiaProtocolException"/> as soon as the
/// limit is passed, before the parser grows its buffer further.
/// </summary>
internal sealed class SseEndGuardStream : Stream
{
    private static readonly byte[] Terminator = "\n\n"u8.ToArray();
    private readonly Stream _inner;
    private readonly int _maxEventBytes;
    private int _terminatorPosition;
    private long _eventBytes;
    private bool _lineEmpty = true;
    private bool _afterCarriageReturn;

    public SseEndGuardStream(Stream inner, int maxEventBytes = CartesiaClientOptions.DefaultMaxSseEventBytes)
    {
        _inner = inner;
        _maxEventBytes = maxEventBytes;
    }

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
                Count(buffer[..read]);
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
                Count(buffer.Span[..read]);
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

    /// <summary>Adds the bytes read to the current event, which a blank line ends (CR, LF or CRLF line breaks).</summary>
    private void Count(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_afterCarriageReturn && data[0] == (byte)'\n')
            {
                data = data[1..]; // the LF of a CRLF
            }

            _afterCarriageReturn = false;
            int lineBreak = data.IndexOfAny((byte)'\r', (byte)'\n');
            int content = lineBreak < 0 ? data.Length : lineBreak;
            if (content > 0)
            {
                _lineEmpty = false;
                _eventBytes += content;
                if (_eventBytes > _maxEventBytes)
                {
                    throw new CartesiaProtocolException(
                        $"The service sent a Server-Sent Event larger than the limit of {_maxEventBytes} bytes (CartesiaClientOptions.MaxSseEventBytes); the stream was closed.");
                }
            }

            if (lineBreak < 0)
            {
                return;
            }

            if (_lineEmpty)
            {
                _eventBytes = 0; // a blank line: the event is complete
            }

            _lineEmpty = true;
            _afterCarriageReturn = data[lineBreak] == (byte)'\r';
            data = data[(lineBreak + 1)..];
        }
    }

    private int ReadTerminator(Span<byte> buffer)
    {
        int count = Math.Min(buffer.Length, Terminator.Length - _terminatorPosition);
        Terminator.AsSpan(_terminatorPosition, count).CopyTo(buffer);
        _terminatorPosition += count;
        return count;
    }
}
