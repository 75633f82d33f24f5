using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Uploads;

/// <summary>
/// Reads a request body through, counting its bytes, keeping its first ones for the journal, and refusing (413)
/// as soon as it grows past the limit — so nothing beyond the limit is ever read.
/// </summary>
internal sealed class BodyTap : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly Func<long, ApiError> _tooLarge;
    private readonly int _prefixBytes;
    private readonly MemoryStream _prefix = new();

    public BodyTap(Stream inner, long limit, int prefixBytes, Func<long, ApiError> tooLarge)
    {
        _inner = inner;
        _limit = limit;
        _tooLarge = tooLarge;
        _prefixBytes = prefixBytes;
    }

    /// <summary>How many bytes were read.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The first bytes read (up to the prefix size).</summary>
    public ReadOnlySpan<byte> Prefix => _prefix.GetBuffer().AsSpan(0, (int)_prefix.Length);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        Count(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(buffer.Span[..read]);
        return read;
    }

    /// <summary>Reads (and counts) whatever is left of the body, within the limit.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[16 * 1024];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _prefix.Dispose();
        }

        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Count(ReadOnlySpan<byte> read)
    {
        _prefix.Write(read[..Math.Min(read.Length, _prefixBytes - (int)_prefix.Length)]);
        BytesRead += read.Length;
        if (BytesRead > _limit)
        {
            throw _tooLarge(_limit);
        }
    }
}
