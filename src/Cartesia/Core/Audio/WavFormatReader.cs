using Cartesia.Audio;
using Cartesia.Core.Http;

namespace Cartesia.Core.Audio;

/// <summary>Learns the format of a WAV body from its header, for audio the service sends without saying its format up front.</summary>
internal static class WavFormatReader
{
    private const int MaxWavHeaderBytes = 64 * 1024;

    /// <summary>Reads the start of the WAV to learn its format, then hands back a stream that starts from the beginning.</summary>
    public static async ValueTask<(Stream Audio, AudioOutputFormat Format)> ReadAsync(Stream body, bool async, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[4096];
        int length = 0;
        while (length < MaxWavHeaderBytes)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            int read = async
                ? await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)
                : body.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (TryParse(buffer.AsSpan(0, length)) is { } parsed)
            {
                return (new PrefixedStream(buffer.AsMemory(0, length), body), parsed);
            }
        }

        // Not a WAV this SDK can read: hand over the bytes as they are, described as wav.
        AudioOutputFormat fallback = TryParse(buffer.AsSpan(0, length)) ?? new AudioOutputFormat { Container = AudioContainer.Wav };
        return (new PrefixedStream(buffer.AsMemory(0, length), body), fallback);
    }

    private static AudioOutputFormat? TryParse(ReadOnlySpan<byte> start)
    {
        try
        {
            WavFormat wav = WavHeader.Read(start);
            return AudioOutputFormat.Wav(wav.Encoding, wav.SampleRate);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
