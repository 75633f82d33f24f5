using System.Buffers.Binary;

namespace Cartesia.Audio;

/// <summary>
/// Writes streamed audio as a WAV file whose length is not known in advance. The header goes out first with
/// "unknown length" sizes (<see cref="WavHeader.UnknownLength"/>); on a seekable stream <see cref="CompleteAsync(CancellationToken)"/>
/// then writes the true sizes into that header, wherever in the stream it was written, so strict decoders accept
/// the file. On a non-seekable stream (a pipe, a socket) the
/// placeholder header stays, which most players accept; fix a saved copy later with <see cref="WavHeader.Fix"/>.
/// </summary>
public sealed class WavStreamWriter
{
    private readonly Stream _destination;
    private readonly byte[] _header;
    private long _headerPosition = -1;
    private bool _headerWritten;
    private bool _completed;

    /// <summary>Creates a writer.</summary>
    /// <param name="destination">Where to write the file.</param>
    /// <param name="encoding">The samples' encoding (pcm_s16le, pcm_f32le, pcm_mulaw, pcm_alaw).</param>
    /// <param name="sampleRate">Samples per second.</param>
    public WavStreamWriter(Stream destination, AudioEncoding encoding, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _destination = destination;
        _header = WavHeader.Create(encoding, sampleRate, dataLength: null);
    }

    /// <summary>Bytes of samples written so far.</summary>
    public long DataLength { get; private set; }

    /// <summary>Writes samples (and the header, the first time).</summary>
    /// <param name="samples">Encoded samples.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> samples, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        await EnsureHeaderAsync(cancellationToken).ConfigureAwait(false);
        await _destination.WriteAsync(samples, cancellationToken).ConfigureAwait(false);
        DataLength += samples.Length;
    }

    /// <summary>Ends the file: writes the true sizes when the stream can seek, and flushes.</summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return;
        }

        await EnsureHeaderAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
        if (_headerPosition >= 0 && _destination.CanSeek && _destination.CanWrite)
        {
            // Patch the two sizes of the header this writer wrote, where it wrote it.
            long end = _destination.Position;
            byte[] size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)Math.Min(_header.Length - 8 + DataLength, uint.MaxValue));
            _destination.Position = _headerPosition + 4;
            await _destination.WriteAsync(size, cancellationToken).ConfigureAwait(false);
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)Math.Min(DataLength, uint.MaxValue));
            _destination.Position = _headerPosition + _header.Length - 4;
            await _destination.WriteAsync(size, cancellationToken).ConfigureAwait(false);
            if (_header.Length == WavHeader.ExtendedHeaderSize)
            {
                // The fact chunk's frame count (one byte a sample for G.711, four for float).
                int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(_header.AsSpan(32));
                BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)Math.Min(DataLength / blockAlign, uint.MaxValue));
                _destination.Position = _headerPosition + 46;
                await _destination.WriteAsync(size, cancellationToken).ConfigureAwait(false);
            }

            _destination.Position = end;
        }

        await _destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask EnsureHeaderAsync(CancellationToken cancellationToken)
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            _headerPosition = _destination.CanSeek ? _destination.Position : -1;
            await _destination.WriteAsync(_header, cancellationToken).ConfigureAwait(false);
        }
    }
}
