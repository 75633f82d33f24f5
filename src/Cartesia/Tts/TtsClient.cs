using System.Diagnostics;
using Cartesia.Core.Audio;
using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Sse;

namespace Cartesia.Tts;

/// <summary>
/// Text-to-speech (Sonic) over HTTP: <c>POST /tts/bytes</c> (<see cref="GenerateAsync"/>, streaming audio in any
/// container) and <c>POST /tts/sse</c> (<see cref="GenerateSseAsync"/>, typed events with timestamps).
/// Reach it as <see cref="CartesiaClient.Tts"/>.
/// </summary>
public class TtsClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected TtsClient() => _core = null!;

    internal TtsClient(ClientCore core) => _core = core;

    /// <summary>
    /// Generates speech with <c>POST /tts/bytes</c> and returns as soon as the audio starts arriving; read or save
    /// <see cref="AudioResponse.Audio"/> as it streams. Retried only where that cannot bill twice.
    /// </summary>
    /// <param name="request">What to say, with which model, voice and output format.</param>
    /// <param name="cancellationToken">Cancels the request, and later the audio stream (closing the connection).</param>
    /// <returns>The streaming audio; dispose it when done.</returns>
    /// <exception cref="ArgumentException">The request is not valid (checked before anything is sent).</exception>
    /// <exception cref="CartesiaApiException">The service rejected the request.</exception>
    /// <exception cref="CartesiaConnectionException">The service could not be reached or timed out.</exception>
    public virtual Task<AudioResponse> GenerateAsync(TtsRequest request, CancellationToken cancellationToken = default)
        => GenerateCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GenerateAsync"/>.</summary>
    /// <param name="request">What to say, with which model, voice and output format.</param>
    /// <param name="cancellationToken">Cancels the request, and later the audio stream (closing the connection).</param>
    /// <returns>The streaming audio; dispose it when done.</returns>
    public virtual AudioResponse Generate(TtsRequest request, CancellationToken cancellationToken = default)
        => GenerateCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Generates speech with <c>POST /tts/bytes</c> and returns all of its bytes.</summary>
    /// <param name="request">What to say, with which model, voice and output format.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The whole audio, in the requested container.</returns>
    public virtual async Task<byte[]> GenerateBytesAsync(TtsRequest request, CancellationToken cancellationToken = default)
        => await AudioResponse.ReadAllAndDisposeAsync(GenerateAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <summary>The synchronous twin of <see cref="GenerateBytesAsync"/>.</summary>
    /// <param name="request">What to say, with which model, voice and output format.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The whole audio, in the requested container.</returns>
    public virtual byte[] GenerateBytes(TtsRequest request, CancellationToken cancellationToken = default)
        => AudioResponse.ReadAllAndDispose(Generate(request, cancellationToken));

    /// <summary>
    /// Generates speech with <c>POST /tts/sse</c> as a stream of typed events: <see cref="TtsChunkEvent"/> (audio,
    /// decoded), <see cref="TtsTimestampsEvent"/>, <see cref="TtsPhonemeTimestampsEvent"/>, <see cref="TtsUnknownEvent"/>,
    /// and <see cref="TtsDoneEvent"/> last. An error event ends the stream with <see cref="CartesiaStreamException"/>;
    /// a stream that stops without <c>done</c> ends with <see cref="CartesiaIncompleteStreamException"/>.
    /// </summary>
    /// <param name="request">What to say; the output container must be raw.</param>
    /// <param name="cancellationToken">Cancels the request and the stream (closing the connection).</param>
    /// <returns>The events; the request is sent when enumeration starts.</returns>
    /// <exception cref="ArgumentException">The request is not valid (checked now, before anything is sent).</exception>
    public virtual CartesiaAsyncStream<TtsEvent> GenerateSseAsync(TtsSseRequest request, CancellationToken cancellationToken = default)
        => new SseAsyncStream<TtsEvent>(PrepareSse(request), cancellationToken);

    /// <summary>The synchronous twin of <see cref="GenerateSseAsync"/>.</summary>
    /// <param name="request">What to say; the output container must be raw.</param>
    /// <param name="cancellationToken">Cancels the request and the stream (closing the connection).</param>
    /// <returns>The events; the request is sent when enumeration starts.</returns>
    public virtual CartesiaStream<TtsEvent> GenerateSse(TtsSseRequest request, CancellationToken cancellationToken = default)
        => new SseSyncStream<TtsEvent>(PrepareSse(request), cancellationToken);

    /// <summary>
    /// Opens a text-to-speech WebSocket (<c>/tts/websocket</c>) that carries many concurrent contexts: text in
    /// piece by piece, audio out as it is generated, with word and phoneme timestamps, flush and cancel. The
    /// credential and <c>Cartesia-Version</c> travel in the handshake headers; a rejected handshake throws the
    /// matching <see cref="CartesiaApiException"/> (for example <see cref="CartesiaRateLimitException"/>).
    /// </summary>
    /// <param name="options">Timeouts and buffer limits; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The open connection; dispose it when done.</returns>
    public virtual Task<TtsWebSocket> ConnectAsync(TtsWebSocketOptions? options = null, CancellationToken cancellationToken = default)
        => TtsWebSocket.ConnectAsync(_core, options, cancellationToken);

    private async ValueTask<AudioResponse> GenerateCoreAsync(TtsRequest request, bool async, CancellationToken cancellationToken)
    {
        TtsRequestValidator.Validate(request, TtsRequestValidator.Transport.Bytes, _core.Settings.ApiVersion, nameof(request));
        _core.WarnIfSunset(request.ModelId, request.Language, request.Locale);
        PipelineRequest pipelineRequest = GenerationRequest("/tts/bytes", "tts.generate", JsonBody.Create(request, _core.Json.TtsRequest), "*/*");
        var telemetry = new AudioStreamTelemetry(pipelineRequest.Operation, request.OutputFormat, request.ModelId.Value, Stopwatch.GetTimestamp());
        return await _core.SendForAudioAsync(pipelineRequest, request.OutputFormat, async, cancellationToken, telemetry).ConfigureAwait(false);
    }

    private Func<bool, CancellationToken, ValueTask<SseSession<TtsEvent>>> PrepareSse(TtsSseRequest request)
    {
        TtsRequestValidator.Validate(request, TtsRequestValidator.Transport.Stream, _core.Settings.ApiVersion, nameof(request));
        if (request.ContextId is not null)
        {
            TtsRequestValidator.CheckId(request.ContextId, "TtsSseRequest.ContextId (context_id)", nameof(request));
        }

        _core.WarnIfSunset(request.ModelId, request.Language, request.Locale);
        PipelineRequest pipelineRequest = GenerationRequest("/tts/sse", "tts.generate_sse", JsonBody.Create(request, _core.Json.TtsSseRequest), "text/event-stream");

        return async (async, cancellationToken) =>
        {
            var telemetry = new AudioStreamTelemetry(pipelineRequest.Operation, request.OutputFormat, request.ModelId.Value, Stopwatch.GetTimestamp());
            return await _core.SendForEventsAsync(pipelineRequest, TtsSseProtocol.Instance, async, cancellationToken, telemetry).ConfigureAwait(false);
        };
    }

    /// <summary>A billed, streamed POST: retried only where that cannot bill twice.</summary>
    private static PipelineRequest GenerationRequest(string path, string operation, Func<HttpContent> content, string accept) => new()
    {
        Method = HttpMethod.Post,
        PathAndQuery = path,
        Operation = operation,
        Content = content,
        Accept = accept,
        Kind = OperationKind.Generation,
        StreamResponse = true,
    };
}
