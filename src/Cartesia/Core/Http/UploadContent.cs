using System.Net;

namespace Cartesia.Core.Http;

/// <summary>
/// A request body streamed from a source, synchronously or asynchronously, without loading it into memory:
/// bytes already in hand (<paramref name="prefix"/>), then whatever the source stream holds. The caller's
/// streams are never disposed; a stream the content opens itself (a file) is.
/// </summary>
/// <param name="prefix">Bytes sent first (an in-memory body, or the start of a stream that was already read).</param>
/// <param name="open">Opens the rest of the body, or null when <paramref name="prefix"/> is all of it.</param>
/// <param name="ownsStream">Whether the stream <paramref name="open"/> returns is disposed after sending.</param>
/// <param name="streamLength">How many bytes the stream holds, when known (for <c>Content-Length</c>).</param>
internal sealed class UploadContent(ReadOnlyMemory<byte> prefix, Func<Stream>? open, bool ownsStream, long? streamLength) : HttpContent
{
    private const int CopyBufferSize = 81920;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (!prefix.IsEmpty)
        {
            await stream.WriteAsync(prefix, cancellationToken).ConfigureAwait(false);
        }

        if (open is null)
        {
            return;
        }

        Stream source = open();
        try
        {
            await source.CopyToAsync(stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (ownsStream)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (!prefix.IsEmpty)
        {
            stream.Write(prefix.Span);
        }

        if (open is null)
        {
            return;
        }

        Stream source = open();
        try
        {
            source.CopyTo(stream, CopyBufferSize);
        }
        finally
        {
            if (ownsStream)
            {
                source.Dispose();
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (open is null || streamLength is not null)
        {
            length = prefix.Length + (streamLength ?? 0);
            return true;
        }

        length = 0;
        return false;
    }
}
