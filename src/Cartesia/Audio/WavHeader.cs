using System.Buffers.Binary;

namespace Cartesia.Audio;

/// <summary>Writes and reads RIFF/WAVE headers for the API's encodings.</summary>
public static class WavHeader
{
    /// <summary>The size of a PCM (s16le) header.</summary>
    public const int PcmHeaderSize = 44;

    /// <summary>The size of the header of float, μ-law and A-law data (extended fmt chunk and a fact chunk).</summary>
    public const int ExtendedHeaderSize = 58;

    /// <summary>
    /// The data size written when the length is not known yet (a streamed header): the largest size a RIFF file
    /// can declare. Fix it afterwards with <see cref="Fix"/> on a seekable copy.
    /// </summary>
    public const uint UnknownLength = 0xFFFFFFFF;

    /// <summary>The header size for an encoding.</summary>
    /// <param name="encoding">The sample encoding.</param>
    public static int SizeFor(AudioEncoding encoding) => encoding == AudioEncoding.PcmS16LE ? PcmHeaderSize : ExtendedHeaderSize;

    /// <summary>Creates a header for mono (or multi-channel) audio.</summary>
    /// <param name="encoding">pcm_s16le, pcm_f32le, pcm_mulaw or pcm_alaw.</param>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="dataLength">Bytes of samples that follow, or null when unknown (a streamed header).</param>
    /// <param name="channels">Channel count (the API's audio is mono).</param>
    public static byte[] Create(AudioEncoding encoding, int sampleRate, long? dataLength, int channels = 1)
    {
        (ushort formatTag, ushort bits) = encoding.Value switch
        {
            "pcm_s16le" => ((ushort)1, (ushort)16),
            "pcm_f32le" => ((ushort)3, (ushort)32),
            "pcm_alaw" => ((ushort)6, (ushort)8),
            "pcm_mulaw" => ((ushort)7, (ushort)8),
            _ => throw new NotSupportedException($"WAV files of '{encoding}' are not supported."),
        };

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sampleRate, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(channels, 0);
        bool extended = formatTag != 1;
        int headerSize = extended ? ExtendedHeaderSize : PcmHeaderSize;
        uint data = dataLength is { } length ? (uint)Math.Min(length, uint.MaxValue - headerSize) : UnknownLength;
        uint riff = data == UnknownLength ? UnknownLength : (uint)(headerSize - 8 + data);
        ushort blockAlign = (ushort)(channels * bits / 8);

        byte[] header = new byte[headerSize];
        Span<byte> h = header;
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], riff);
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], extended ? 18u : 16u);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], formatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], bits);
        int offset = 36;
        if (extended)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 0); // cbSize
            "fact"u8.CopyTo(h[38..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], 4);
            uint frames = data == UnknownLength ? UnknownLength : data / blockAlign;
            BinaryPrimitives.WriteUInt32LittleEndian(h[46..], frames);
            offset = 50;
        }

        "data"u8.CopyTo(h[offset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(offset + 4)..], data);
        return header;
    }

    /// <summary>Reads the header at the start of a WAV file.</summary>
    /// <param name="file">The start of the file (at least up to the <c>data</c> chunk header).</param>
    /// <returns>The format and where the samples are.</returns>
    /// <exception cref="FormatException">The bytes are not a WAV file this reader understands.</exception>
    public static WavFormat Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new FormatException("Not a WAV file: the RIFF/WAVE signature is missing.");
        }

        AudioEncoding? encoding = null;
        int sampleRate = 0, channels = 0;
        int position = 12;
        while (position + 8 <= file.Length)
        {
            ReadOnlySpan<byte> id = file.Slice(position, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(file[(position + 4)..]);
            int body = position + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (body + 16 > file.Length)
                {
                    break;
                }

                ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(file[body..]);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(file[(body + 2)..]);
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(file[(body + 4)..]);
                ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(file[(body + 14)..]);
                if (tag == 0xFFFE && size >= 40 && body + 26 <= file.Length)
                {
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(file[(body + 24)..]); // WAVE_FORMAT_EXTENSIBLE sub-format
                }

                encoding = (tag, bits) switch
                {
                    (1, 16) => AudioEncoding.PcmS16LE,
                    (1, 32) => AudioEncoding.PcmS32LE,
                    (3, 32) => AudioEncoding.PcmF32LE,
                    (6, 8) => AudioEncoding.PcmAlaw,
                    (7, 8) => AudioEncoding.PcmMulaw,
                    _ => throw new FormatException($"WAV format tag {tag} with {bits} bits per sample is not supported."),
                };
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (encoding is null)
                {
                    throw new FormatException("The WAV data chunk comes before its fmt chunk.");
                }

                long available = file.Length - body;
                long declared = size == UnknownLength || size == 0 ? long.MaxValue : size;
                return new WavFormat(encoding.Value, sampleRate, channels, body, declared == long.MaxValue ? available : declared);
            }

            long next = body + (long)size + (size & 1);
            if (next > file.Length)
            {
                break; // the chunk runs past what was given (or claims an impossible size)
            }

            position = (int)next;
        }

        throw new FormatException("The WAV header is incomplete: no data chunk was found.");
    }

    /// <summary>
    /// Rewrites the RIFF and data sizes of a seekable WAV stream to match its actual length (for a file saved
    /// from a streamed header whose sizes were unknown).
    /// </summary>
    /// <param name="wav">A readable, writable, seekable stream holding a WAV file.</param>
    public static void Fix(Stream wav)
    {
        ArgumentNullException.ThrowIfNull(wav);
        if (!wav.CanSeek || !wav.CanRead || !wav.CanWrite)
        {
            throw new ArgumentException("Fixing a WAV header needs a readable, writable, seekable stream.", nameof(wav));
        }

        byte[] head = new byte[Math.Min(wav.Length, 4096)];
        wav.Position = 0;
        wav.ReadExactly(head);
        WavFormat format = Read(head);
        long dataLength = wav.Length - format.DataOffset;
        Span<byte> value = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(value, (uint)Math.Min(wav.Length - 8, uint.MaxValue));
        wav.Position = 4;
        wav.Write(value);
        BinaryPrimitives.WriteUInt32LittleEndian(value, (uint)Math.Min(dataLength, uint.MaxValue));
        wav.Position = format.DataOffset - 4;
        wav.Write(value);
        wav.Position = wav.Length;
    }
}
