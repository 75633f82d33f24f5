using System.Net.Http.Headers;
using System.Text;
using Cartesia.Core;
using Cartesia.Core.Http;

namespace Cartesia.Stt;

/// <summary>
/// Speech-to-text (Ink): batch transcription of a file (<c>POST /stt</c>, <see cref="TranscribeAsync(string, SttTranscribeRequest, CancellationToken)"/>)
/// and streaming sessions over WebSockets: <see cref="ConnectAsync"/> (<c>/stt/websocket</c>, interim and final
/// transcripts, manual finalize) and <see cref="ConnectTurnsAsync"/> (<c>/stt/turns/websocket</c>, turn
/// detection for voice agents). Reach it as <see cref="CartesiaClient.Stt"/>.
/// </summary>
public class SttClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected SttClient() => _core = null!;

    internal SttClient(ClientCore core) => _core = core;

    /// <summary>
    /// Transcribes an audio file (<c>POST /stt</c>), streaming it from disk: WAV, MP3, FLAC, M4A, Ogg, WebM, or raw
    /// PCM described by <see cref="SttTranscribeRequest.Encoding"/> and <see cref="SttTranscribeRequest.SampleRate"/>.
    /// Billed: retried only where that cannot bill twice.
    /// </summary>
    /// <param name="path">The audio file.</param>
    /// <param name="request">The model, language and options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transcript, with word times when asked for.</returns>
    /// <exception cref="ArgumentException">The request is not valid, or disagrees with the file's header (checked before anything is sent).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CartesiaApiException">The service rejected the request.</exception>
    /// <exception cref="CartesiaConnectionException">The service could not be reached or timed out.</exception>
    public virtual Task<SttTranscription> TranscribeAsync(string path, SttTranscribeRequest request, CancellationToken cancellationToken = default)
        => TranscribeFileCoreAsync(path, request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="TranscribeAsync(string, SttTranscribeRequest, CancellationToken)"/>.</summary>
    /// <param name="path">The audio file.</param>
    /// <param name="request">The model, language and options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transcript, with word times when asked for.</returns>
    public virtual SttTranscription Transcribe(string path, SttTranscribeRequest request, CancellationToken cancellationToken = default)
        => TranscribeFileCoreAsync(path, request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Transcribes audio read from a stream (<c>POST /stt</c>), from its current position to its end, without
    /// buffering it. A seekable stream is read again if the call is retried; a non-seekable one is never retried.
    /// The stream is not disposed.
    /// </summary>
    /// <param name="audio">The audio: a file's bytes (WAV, MP3, …) or raw PCM.</param>
    /// <param name="request">The model, language and options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transcript.</returns>
    /// <exception cref="ArgumentException">The request is not valid, or disagrees with the audio's header.</exception>
    public virtual Task<SttTranscription> TranscribeAsync(Stream audio, SttTranscribeRequest request, CancellationToken cancellationToken = default)
        => TranscribeStreamCoreAsync(audio, request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="TranscribeAsync(Stream, SttTranscribeRequest, CancellationToken)"/>.</summary>
    /// <param name="audio">The audio: a file's bytes (WAV, MP3, …) or raw PCM.</param>
    /// <param name="request">The model, language and options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transcript.</returns>
    public virtual SttTranscription Transcribe(Stream audio, SttTranscribeRequest request, CancellationToken cancellationToken = default)
        => TranscribeStreamCoreAsync(audio, request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Transcribes audio held in memory (<c>POST /stt</c>).</summary>
    /// <param name="audio">The audio: a file's bytes (WAV, MP3, …) or raw PCM.</param>
    /// <param name="request">The model, language and options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transcript.</returns>
    /// <exception cref="ArgumentException">The request is not valid, or disagrees with the audio's header.</exception>
    public virtual Task<SttTranscription> TranscribeAsync(ReadOnlyMemory<byte> audio, SttTranscribeRequest request, CancellationToken cancellationToken = default)
        => TranscribeCoreAsync(SttUpload.FromMemory(audio), request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="TranscribeAsync(ReadOnlyMemory{byte}, SttTranscribeRequest, CancellationToken)"/>.</summary>
    /// <param name="audio">The audio: a file's bytes (WAV, MP3, …) or raw PCM.</param>
    /// <param name="request">The model, language and options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transcript.</returns>
    public virtual SttTranscription Transcribe(ReadOnlyMemory<byte> audio, SttTranscribeRequest request, CancellationToken cancellationToken = default)
        => TranscribeCoreAsync(SttUpload.FromMemory(audio), request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Opens a manual-finalize session on <c>/stt/websocket</c>: interim and final transcripts, finalize on demand.
    /// The options are checked before connecting; the credential and version travel in the handshake headers.
    /// </summary>
    /// <param name="options">Model, the audio's encoding and sample rate, and the session's behaviour.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The open session; dispose it.</returns>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    /// <exception cref="CartesiaApiException">The handshake was rejected (401, 429, …).</exception>
    /// <exception cref="CartesiaConnectionException">The service could not be reached.</exception>
    public virtual async Task<SttSession> ConnectAsync(SttSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(nameof(options));
        SttSessionCore core = await SttSessionCore.ConnectAsync(_core, options, cancellationToken).ConfigureAwait(false);
        return new SttSession(core);
    }

    /// <summary>
    /// Opens a turn-detection session on <c>/stt/turns/websocket</c> (voice agents): turn start, updates, eager end,
    /// resume and end events. The options are checked before connecting.
    /// </summary>
    /// <param name="options">Model, the audio's encoding and sample rate, turn detection, and the session's behaviour.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The open session; dispose it.</returns>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    /// <exception cref="CartesiaApiException">The handshake was rejected (401, 429, …).</exception>
    /// <exception cref="CartesiaConnectionException">The service could not be reached.</exception>
    public virtual async Task<SttTurnsSession> ConnectTurnsAsync(SttTurnsSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(nameof(options));
        (double, double, double) thresholds = options.InitialThresholds(nameof(options));
        SttSessionCore core = await SttSessionCore.ConnectAsync(_core, options, cancellationToken).ConfigureAwait(false);
        return new SttTurnsSession(core, thresholds);
    }

    private async ValueTask<SttTranscription> TranscribeFileCoreAsync(string path, SttTranscribeRequest request, bool async, CancellationToken cancellationToken)
    {
        SttValidator.ValidateRequest(request, nameof(request));
        SttUpload upload = await SttUpload.FromFileAsync(path, async, cancellationToken).ConfigureAwait(false);
        return await TranscribeCoreAsync(upload, request, async, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<SttTranscription> TranscribeStreamCoreAsync(Stream audio, SttTranscribeRequest request, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        SttValidator.ValidateRequest(request, nameof(request));
        SttUpload upload = await SttUpload.FromStreamAsync(audio, async, cancellationToken).ConfigureAwait(false);
        return await TranscribeCoreAsync(upload, request, async, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<SttTranscription> TranscribeCoreAsync(SttUpload upload, SttTranscribeRequest request, bool async, CancellationToken cancellationToken)
    {
        SttValidator.ValidateRequest(request, nameof(request));
        SttFileKind kind = SttValidator.ValidateUpload(request, upload.Head.Span, upload.Source, nameof(request));

        // §9: encoding and sample_rate are query parameters, and only for raw PCM.
        var query = new QueryString();
        if (kind == SttFileKind.Raw)
        {
            query.Add("encoding", request.Encoding?.Value).Add("sample_rate", request.SampleRate);
        }

        string fileName = request.FileName ?? upload.FileName ?? "audio" + SttFileSniffer.Extension(kind);
        string mediaType = SttFileSniffer.MediaType(kind);
        string model = request.Model.Value;
        string? language = request.Language?.Value;
        string[] granularities = [.. request.TimestampGranularities.Select(g => g.Value)];

        var pipelineRequest = new PipelineRequest
        {
            Method = HttpMethod.Post,
            PathAndQuery = "/stt" + query,
            Operation = "stt.transcribe",
            Kind = OperationKind.Generation,
            ContentReplayable = upload.Replayable,
            Content = () =>
            {
                var form = new MultipartFormDataContent();
                form.Add(Field("model", model));
                if (language is not null)
                {
                    form.Add(Field("language", language));
                }

                foreach (string granularity in granularities)
                {
                    form.Add(Field("timestamp_granularities[]", granularity));
                }

                HttpContent file = upload.CreateContent();
                file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                file.Headers.ContentDisposition = Disposition("file", fileName);
                form.Add(file);
                return form;
            },
        };

        return _core.SendForJsonAsync(pipelineRequest, _core.Json.SttTranscription, async, cancellationToken);
    }

    /// <summary>A text field of a form, without a content type (as browsers and the official SDKs send them).</summary>
    private static ByteArrayContent Field(string name, string value)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        content.Headers.ContentDisposition = Disposition(name, fileName: null);
        return content;
    }

    private static ContentDispositionHeaderValue Disposition(string name, string? fileName)
    {
        var disposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
        if (fileName is not null)
        {
            if (Ascii.IsValid(fileName))
            {
                disposition.FileName = Quote(fileName);
            }
            else
            {
                disposition.FileNameStar = fileName;
            }
        }

        return disposition;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
