namespace Cartesia.Stt;

/// <summary>
/// How to transcribe a file with <c>POST /stt</c>: the model, the language, and for raw PCM (no container) its
/// encoding and sample rate.
/// </summary>
/// <example>
/// <code>
/// SttTranscription result = await client.Stt.TranscribeAsync("call.wav", new SttTranscribeRequest
/// {
///     Model = SttModel.InkWhisper,
///     Language = Language.English,
///     TimestampGranularities = [SttTimestampGranularity.Word],
/// });
/// </code>
/// </example>
public sealed class SttTranscribeRequest
{
    /// <summary>The model: <see cref="SttModel.InkWhisper"/> (or a dated snapshot of it).</summary>
    public required SttModel Model { get; set; }

    /// <summary>The language of the audio (ISO 639-1); the service assumes <c>en</c> when it is not set.</summary>
    public Language? Language { get; set; }

    /// <summary>
    /// For raw PCM only (sent as the <c>encoding</c> query parameter, with <see cref="SampleRate"/>): how the
    /// samples are encoded. Leave it unset for files with a container (WAV, MP3, FLAC, …), whose header says
    /// it; for a WAV file a value that disagrees with its header is refused before anything is sent.
    /// </summary>
    public AudioEncoding? Encoding { get; set; }

    /// <summary>For raw PCM only (the <c>sample_rate</c> query parameter): samples per second.</summary>
    public int? SampleRate { get; set; }

    /// <summary>Which timestamps to return; add <see cref="SttTimestampGranularity.Word"/> for word times.</summary>
    public IList<SttTimestampGranularity> TimestampGranularities { get; set; } = [];

    /// <summary>
    /// The file name sent with the upload; by default the file's own name, or <c>audio</c> with an extension
    /// guessed from the content.
    /// </summary>
    public string? FileName { get; set; }
}
