using Cartesia.Audio;

namespace Cartesia.Cli;

/// <summary>Where streamed raw audio goes: as it is, or inside a WAV file whose header is fixed at the end when possible.</summary>
internal sealed class AudioSink
{
    private readonly Stream _destination;
    private readonly WavStreamWriter? _wav;
    private readonly int _headerSize;

    public AudioSink(Stream destination, AudioOutputFormat format)
    {
        _destination = destination;
        if (format.Container == AudioContainer.Wav)
        {
            _wav = new WavStreamWriter(destination, format.Encoding!.Value, format.SampleRate);
            _headerSize = WavHeader.SizeFor(format.Encoding!.Value);
        }
    }

    /// <summary>Bytes written so far, header included.</summary>
    public long Bytes { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        if (_wav is null)
        {
            await _destination.WriteAsync(audio, cancellationToken).ConfigureAwait(false);
            Bytes += audio.Length;
            return;
        }

        await _wav.WriteAsync(audio, cancellationToken).ConfigureAwait(false);
        Bytes = _headerSize + _wav.DataLength;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_wav is not null)
        {
            await _wav.CompleteAsync(cancellationToken).ConfigureAwait(false);
            Bytes = _headerSize + _wav.DataLength;
        }
    }
}
