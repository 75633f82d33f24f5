namespace Cartesia.Stt;

/// <summary>What an uploaded audio file is, judged from its first bytes.</summary>
internal enum SttFileKind
{
    /// <summary>No known container: raw PCM (described by <c>encoding</c> and <c>sample_rate</c>).</summary>
    Raw,

    /// <summary>RIFF/WAVE.</summary>
    Wav,

    /// <summary>MPEG audio (ID3 tag or frame sync).</summary>
    Mp3,

    /// <summary>FLAC.</summary>
    Flac,

    /// <summary>Ogg (Vorbis, Opus).</summary>
    Ogg,

    /// <summary>MPEG-4 (m4a, mp4).</summary>
    Mp4,

    /// <summary>WebM (Matroska).</summary>
    Webm,
}
