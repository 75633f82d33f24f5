namespace Cartesia.Stt;

/// <summary>Recognises audio containers from their signatures, to check and describe an upload.</summary>
internal static class SttFileSniffer
{
    /// <summary>How much of a file is read to sniff it and to read a WAV header (which may carry metadata chunks).</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>The container of a file, from its first bytes.</summary>
    /// <param name="head">The start of the file.</param>
    /// <param name="allowFrameSync">
    /// Whether a lone MPEG frame header (no ID3 tag, too few bytes to see the next frame) counts as MP3; two headers a
    /// frame apart always do.
    /// </param>
    public static SttFileKind Detect(ReadOnlySpan<byte> head, bool allowFrameSync)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return SttFileKind.Wav;
        }

        if (head.StartsWith("ID3"u8))
        {
            return SttFileKind.Mp3;
        }

        if (head.StartsWith("fLaC"u8))
        {
            return SttFileKind.Flac;
        }

        if (head.StartsWith("OggS"u8))
        {
            return SttFileKind.Ogg;
        }

        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return SttFileKind.Mp4;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return SttFileKind.Webm;
        }

        if (IsMpegAudio(head, allowFrameSync))
        {
            return SttFileKind.Mp3;
        }

        return SttFileKind.Raw;
    }

    /// <summary>
    /// Whether the bytes start with an MPEG audio Layer III frame (an MP3 without an ID3 tag): a valid header whose
    /// computed length lands on a second frame header. Raw PCM can start with the same sync bits (an s16 sample of
    /// -1 is <c>FF FF</c>), never with two headers a frame apart. With a single frame in hand, the header alone
    /// counts only when <paramref name="trustSingleHeader"/>.
    /// </summary>
    private static bool IsMpegAudio(ReadOnlySpan<byte> head, bool trustSingleHeader)
    {
        int length = MpegFrameLength(head);
        if (length <= 0)
        {
            return false;
        }

        return head.Length >= length + 4 ? MpegFrameLength(head[length..]) > 0 : trustSingleHeader;
    }

    /// <summary>The length of the Layer III frame whose header starts the bytes, or 0 when they do not start with one.</summary>
    private static int MpegFrameLength(ReadOnlySpan<byte> header)
    {
        if (header.Length < 4 || header[0] != 0xFF || (header[1] & 0xE0) != 0xE0 || (header[1] & 0x06) != 0x02)
        {
            return 0;
        }

        int version = (header[1] >> 3) & 0x03; // 0: MPEG 2.5, 1: reserved, 2: MPEG 2, 3: MPEG 1
        int bitrateIndex = header[2] >> 4;
        int rateIndex = (header[2] >> 2) & 0x03;
        if (version == 1 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return 0;
        }

        ReadOnlySpan<int> bitrates = version == 3
            ? [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
            : [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
        ReadOnlySpan<int> rates = version switch
        {
            3 => [44100, 48000, 32000],
            2 => [22050, 24000, 16000],
            _ => [11025, 12000, 8000],
        };
        int padding = (header[2] >> 1) & 0x01;
        int perFrame = version == 3 ? 144 : 72;
        return (perFrame * bitrates[bitrateIndex] * 1000 / rates[rateIndex]) + padding;
    }

    /// <summary>The usual file extension of a kind.</summary>
    public static string Extension(SttFileKind kind) => kind switch
    {
        SttFileKind.Wav => ".wav",
        SttFileKind.Mp3 => ".mp3",
        SttFileKind.Flac => ".flac",
        SttFileKind.Ogg => ".ogg",
        SttFileKind.Mp4 => ".m4a",
        SttFileKind.Webm => ".webm",
        _ => ".pcm",
    };

    /// <summary>The media type sent with an upload of a kind.</summary>
    public static string MediaType(SttFileKind kind) => kind switch
    {
        SttFileKind.Wav => "audio/wav",
        SttFileKind.Mp3 => "audio/mpeg",
        SttFileKind.Flac => "audio/flac",
        SttFileKind.Ogg => "audio/ogg",
        SttFileKind.Mp4 => "audio/mp4",
        SttFileKind.Webm => "audio/webm",
        _ => "application/octet-stream",
    };

    /// <summary>A name for messages: "a WAV file", "an MP3 file".</summary>
    public static string Describe(SttFileKind kind) => kind switch
    {
        SttFileKind.Wav => "a WAV file",
        SttFileKind.Mp3 => "an MP3 file",
        SttFileKind.Flac => "a FLAC file",
        SttFileKind.Ogg => "an Ogg file",
        SttFileKind.Mp4 => "an MP4/M4A file",
        SttFileKind.Webm => "a WebM file",
        _ => "raw audio",
    };
}
