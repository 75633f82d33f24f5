using System.Buffers.Binary;

namespace Cartesia.Audio;

/// <summary>
/// Converts between float samples in [-1, 1] and the raw encodings of the API: <c>pcm_f32le</c>,
/// <c>pcm_s16le</c>, <c>pcm_mulaw</c>, <c>pcm_alaw</c>, and for speech-to-text input <c>pcm_s32le</c> and
/// <c>pcm_f16le</c>. Samples outside [-1, 1] are clipped.
/// </summary>
public static class PcmCodec
{
    /// <summary>Whether this codec can encode and decode the encoding.</summary>
    /// <param name="encoding">The encoding.</param>
    public static bool IsSupported(AudioEncoding encoding) => encoding.BytesPerSample is not null;

    /// <summary>Encodes float samples.</summary>
    /// <param name="samples">The samples, in [-1, 1].</param>
    /// <param name="encoding">The target encoding.</param>
    /// <returns>The encoded bytes.</returns>
    /// <exception cref="NotSupportedException">The encoding is not one of the known ones.</exception>
    public static byte[] Encode(ReadOnlySpan<float> samples, AudioEncoding encoding)
    {
        byte[] output = new byte[samples.Length * BytesPerSample(encoding)];
        Encode(samples, encoding, output);
        return output;
    }

    /// <summary>Encodes float samples into a buffer.</summary>
    /// <param name="samples">The samples, in [-1, 1].</param>
    /// <param name="encoding">The target encoding.</param>
    /// <param name="destination">At least <c>samples.Length × bytes per sample</c> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int Encode(ReadOnlySpan<float> samples, AudioEncoding encoding, Span<byte> destination)
    {
        int size = BytesPerSample(encoding);
        if (destination.Length < samples.Length * size)
        {
            throw new ArgumentException("The destination is too small for the encoded samples.", nameof(destination));
        }

        for (int i = 0; i < samples.Length; i++)
        {
            float s = Math.Clamp(samples[i], -1f, 1f);
            Span<byte> target = destination.Slice(i * size, size);
            switch (encoding.Value)
            {
                case "pcm_f32le":
                    BinaryPrimitives.WriteSingleLittleEndian(target, s);
                    break;
                case "pcm_s16le":
                    BinaryPrimitives.WriteInt16LittleEndian(target, ToInt16(s));
                    break;
                case "pcm_mulaw":
                    target[0] = G711.EncodeMuLaw(ToInt16(s));
                    break;
                case "pcm_alaw":
                    target[0] = G711.EncodeALaw(ToInt16(s));
                    break;
                case "pcm_s32le":
                    BinaryPrimitives.WriteInt32LittleEndian(target, (int)Math.Round(s * (s < 0 ? 2147483648.0 : 2147483647.0)));
                    break;
                case "pcm_f16le":
                    BinaryPrimitives.WriteHalfLittleEndian(target, (Half)s);
                    break;
            }
        }

        return samples.Length * size;
    }

    /// <summary>Decodes bytes to float samples; a trailing partial sample is ignored.</summary>
    /// <param name="data">The encoded bytes.</param>
    /// <param name="encoding">Their encoding.</param>
    /// <returns>The samples, in [-1, 1].</returns>
    public static float[] Decode(ReadOnlySpan<byte> data, AudioEncoding encoding)
    {
        int size = BytesPerSample(encoding);
        float[] samples = new float[data.Length / size];
        for (int i = 0; i < samples.Length; i++)
        {
            ReadOnlySpan<byte> source = data.Slice(i * size, size);
            samples[i] = encoding.Value switch
            {
                "pcm_f32le" => BinaryPrimitives.ReadSingleLittleEndian(source),
                "pcm_s16le" => BinaryPrimitives.ReadInt16LittleEndian(source) / 32768f,
                "pcm_mulaw" => G711.DecodeMuLaw(source[0]) / 32768f,
                "pcm_alaw" => G711.DecodeALaw(source[0]) / 32768f,
                "pcm_s32le" => (float)(BinaryPrimitives.ReadInt32LittleEndian(source) / 2147483648.0),
                "pcm_f16le" => (float)BinaryPrimitives.ReadHalfLittleEndian(source),
                _ => 0f,
            };
        }

        return samples;
    }

    /// <summary>Bytes per sample of an encoding.</summary>
    /// <param name="encoding">The encoding.</param>
    /// <exception cref="NotSupportedException">The encoding is not one of the known ones.</exception>
    public static int BytesPerSample(AudioEncoding encoding)
        => encoding.BytesPerSample ?? throw new NotSupportedException($"The audio encoding '{encoding}' is not one this SDK can convert.");

    private static short ToInt16(float sample) => (short)Math.Round(sample * (sample < 0 ? 32768f : 32767f));
}
