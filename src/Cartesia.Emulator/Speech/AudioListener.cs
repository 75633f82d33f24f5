using Cartesia.Audio;

namespace Cartesia.Emulator.Speech;

/// <summary>
/// Decodes uploaded audio piece by piece into a <see cref="StreamingRecognizer"/>, so hearing a file of any length
/// takes a few small buffers, never the whole file or its samples.
/// </summary>
internal static class AudioListener
{
    /// <summary>Bytes decoded at a time (small enough that the samples stay off the large-object heap).</summary>
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Hears <paramref name="length"/> bytes of interleaved PCM from the stream (a trailing partial frame is ignored).</summary>
    public static HeardAudio Pcm(Stream stream, long length, AudioEncoding encoding, int channels, int sampleRate)
    {
        channels = Math.Max(1, channels);
        int frame = PcmCodec.BytesPerSample(encoding) * channels;
        byte[] buffer = new byte[Math.Max(frame, ChunkBytes - (ChunkBytes % frame))];
        var recognizer = new StreamingRecognizer(sampleRate);
        var words = new List<RecognizedWord>();
        long samples = 0, left = length;
        int carry = 0;
        while (left > 0)
        {
            int read = stream.Read(buffer, carry, (int)Math.Min(buffer.Length - carry, left));
            if (read == 0)
            {
                break;
            }

            left -= read;
            int filled = carry + read;
            int usable = filled - (filled % frame);
            ReadOnlySpan<float> mono = Mono(PcmCodec.Decode(buffer.AsSpan(0, usable), encoding), channels);
            samples += mono.Length;
            words.AddRange(recognizer.Append(mono));
            carry = filled - usable;
            buffer.AsSpan(usable, carry).CopyTo(buffer);
        }

        words.AddRange(recognizer.Flush());
        return new HeardAudio(words, samples, sampleRate);
    }

    /// <summary>Hears an MP3 stream.</summary>
    /// <exception cref="InvalidDataException">And the other exceptions of NLayer: the stream is not MP3 it can decode.</exception>
    public static HeardAudio Mp3(Stream stream)
    {
        using var mp3 = new NLayer.MpegFile(stream);
        int channels = Math.Max(1, mp3.Channels);
        var recognizer = new StreamingRecognizer(mp3.SampleRate);
        var words = new List<RecognizedWord>();
        float[] buffer = new float[8192];
        long samples = 0;
        int carry = 0, read;
        while ((read = mp3.ReadSamples(buffer, carry, buffer.Length - carry)) > 0)
        {
            int filled = carry + read;
            int usable = filled - (filled % channels);
            ReadOnlySpan<float> mono = Mono(buffer.AsSpan(0, usable), channels);
            samples += mono.Length;
            words.AddRange(recognizer.Append(mono));
            carry = filled - usable;
            buffer.AsSpan(usable, carry).CopyTo(buffer);
        }

        words.AddRange(recognizer.Flush());
        return new HeardAudio(words, samples, mp3.SampleRate);
    }

    /// <summary>Where the samples of a WAV file are, reading its header from the file's first bytes.</summary>
    /// <param name="head">The first bytes of the file (up to its data chunk header at least).</param>
    /// <param name="fileLength">The length of the whole file.</param>
    /// <exception cref="FormatException">The header is not one the SDK's reader understands.</exception>
    public static (WavFormat Format, long DataLength) WavData(ReadOnlySpan<byte> head, long fileLength)
    {
        WavFormat wav = WavHeader.Read(head);
        uint declared = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(head[(int)(wav.DataOffset - 4)..]);
        long available = Math.Max(0, fileLength - wav.DataOffset);
        return (wav, declared is 0 or uint.MaxValue ? available : Math.Min(declared, available));
    }

    private static ReadOnlySpan<float> Mono(ReadOnlySpan<float> interleaved, int channels)
    {
        if (channels <= 1)
        {
            return interleaved;
        }

        float[] mono = new float[interleaved.Length / channels];
        for (int i = 0; i < mono.Length; i++)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++)
            {
                sum += interleaved[(i * channels) + c];
            }

            mono[i] = sum / channels;
        }

        return mono;
    }
}
