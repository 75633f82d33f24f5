using Cartesia.Core.Audio;

namespace Cartesia.Core.Http;

/// <summary>
/// A streamed response body with the SDK's stream rules: a read that waits longer than the idle timeout fails
/// with <see cref="CartesiaTimeoutException"/>; the operation's cancellation token (or the read's own) aborts the
/// connection and surfaces as <see cref="OperationCanceledException"/>; a connection that breaks mid-body
/// surfaces as <see cref="CartesiaIncompleteStreamException"/>. Disposing it closes the response.
/// </summary>
internal sealed class ResponseBodyStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly CancellationToken _operationToken;
    private readonly string _description;
    private readonly Timer? _idleTimer;
    private CancellationTokenRegistration _operationRegistration;
    private AudioStreamTelemetry? _telemetry;
    private volatile bool _idleExpired;
    private int _disposed;

    private ResponseBodyStream(HttpResponseMessage response, CartesiaResponseInfo info, Stream inner, TimeSpan idleTimeout, string description, CancellationToken operationToken)
    {
        _response = response;
        Info = info;
        _inner = inner;
        _idleTimeout = idleTimeout;
        _operationToken = operationToken;
        _description = description;
        if (idleTimeout != Timeout.InfiniteTimeSpan)
        {
            _idleTimer = new Timer(static s => ((ResponseBodyStream)s!).OnIdle(), this, Timeout.Infinite, Timeout.Infinite);
        }

        _operationRegistration = operationToken.Register(static s => ((ResponseBodyStream)s!).Abort(), this);
    }

    /// <summary>Opens the body of a successful streamed response.</summary>
    public static async ValueTask<ResponseBodyStream> OpenAsync(PipelineResponse response, TimeSpan idleTimeout, string description, bool async, CancellationToken operationToken, AudioStreamTelemetry? telemetry = null)
    {
        HttpResponseMessage message = response.Message;
        try
        {
            Stream inner = async
                ? await message.Content.ReadAsStreamAsync(operationToken).ConfigureAwait(false)
                : message.Content.ReadAsStream(operationToken);
            return new ResponseBodyStream(message, response.Info, inner, idleTimeout, description, operationToken) { _telemetry = telemetry };
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>The status, headers and request id of the response.</summary>
    public CartesiaResponseInfo Info { get; }

    /// <summary>How many bytes have been read so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        Arm();
        try
        {
            return Count(_inner.Read(buffer));
        }
        catch (Exception ex) when (Map(ex, default) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            Disarm();
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Arm();
        try
        {
            return Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (Map(ex, cancellationToken) is { } mapped)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Abort();
            }

            throw mapped;
        }
        finally
        {
            Disarm();
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _telemetry?.OnEnded(BytesRead);
            _operationRegistration.Dispose();
            _idleTimer?.Dispose();
            _inner.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        if (read > 0)
        {
            BytesRead += read;
            _telemetry?.OnAudio();
        }
        else
        {
            _telemetry?.OnEnded(BytesRead);
        }

        return read;
    }

    private Exception? Map(Exception ex, CancellationToken readToken)
    {
        if (readToken.IsCancellationRequested)
        {
            return ex as OperationCanceledException ?? new OperationCanceledException("The read was cancelled.", ex, readToken);
        }

        if (_operationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The operation was cancelled.", ex, _operationToken);
        }

        if (_idleExpired)
        {
            return new CartesiaTimeoutException($"The {_description} went {RetryPolicy.Describe(_idleTimeout)} without delivering anything (CartesiaClientOptions.StreamIdleTimeout) after {BytesRead} bytes.", ex)
            {
                Phase = CartesiaTimeoutPhase.StreamIdle,
                Timeout = _idleTimeout,
            };
        }

        if (ex is IOException or HttpRequestException or ObjectDisposedException)
        {
            return new CartesiaIncompleteStreamException($"The {_description} broke after {BytesRead} bytes: {ex.Message}", ex);
        }

        return null;
    }

    private void Arm() => _idleTimer?.Change(_idleTimeout, Timeout.InfiniteTimeSpan);

    private void Disarm() => _idleTimer?.Change(Timeout.Infinite, Timeout.Infinite);

    private void OnIdle()
    {
        _idleExpired = true;
        Abort();
    }

    private void Abort()
    {
        try
        {
            _response.Dispose();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
