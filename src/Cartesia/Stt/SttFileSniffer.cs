namespace Cartesia.Stt;

/// <summary>Recognises audio containers from their signatures, to check and describe an upload.</summary>
internal static class SttFileSniffer
{
    /// <summary>How much of a file is read to sniff it and to read a WAV header (which may carry metadata chunks).</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>The container of a file, from its first bytes.</summary>
    /// <param name="head">The start of the file.</param>
    /// <param name="allowFrameSync">
    /// Whether a bare MPEG frame sync (no ID3 tag) counts as MP3. Raw PCM can start with the same bits (an s16
    /// sample of -1 is <c>FF FF</c>), so this is only trusted when the caller declared no raw encoding.
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

        // MPEG audio frame sync: 11 set bits, then a version and a layer that are not "reserved".
        if (allowFrameSync && head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x18) != 0x08 && (head[1] & 0x06) != 0)
        {
            return SttFileKind.Mp3;
        }

        return SttFileKind.Raw;
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
