using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Sse;
using Cartesia.Tts;

namespace Cartesia.VoiceChanger;

/// <summary>
/// The voice changer: speech in, the same speech in another voice out, as streamed bytes
/// (<c>POST /voice-changer/bytes</c>, any container) or Server-Sent Events (<c>POST /voice-changer/sse</c>, raw).
/// Billing-safe like TTS. Reach it as <see cref="CartesiaClient.VoiceChanger"/>.
/// </summary>
public class VoiceChangerClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected VoiceChangerClient() => _core = null!;

    internal VoiceChangerClient(ClientCore core) => _core = core;

    /// <summary>
    /// Re-speaks a clip in another voice (<c>POST /voice-changer/bytes</c>) and returns as soon as the audio starts
    /// arriving; read or save <see cref="AudioResponse.Audio"/> as it streams.
    /// </summary>
    /// <param name="request">The clip, the target voice and the output format.</param>
    /// <param name="cancellationToken">Cancels the request and the audio stream.</param>
    /// <returns>The streaming audio; dispose it when done.</returns>
    /// <exception cref="ArgumentException">The request is not valid, or the clip cannot be read (checked before anything is sent).</exception>
    public virtual Task<AudioResponse> GenerateAsync(VoiceChangerRequest request, CancellationToken cancellationToken = default)
        => GenerateCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GenerateAsync"/>.</summary>
    /// <param name="request">The clip, the target voice and the output format.</param>
    /// <param name="cancellationToken">Cancels the request and the audio stream.</param>
    /// <returns>The streaming audio; dispose it when done.</returns>
    public virtual AudioResponse Generate(VoiceChangerRequest request, CancellationToken cancellationToken = default)
        => GenerateCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Re-speaks a clip in another voice and returns all of the audio.</summary>
    /// <param name="request">The clip, the target voice and the output format.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The whole audio, in the requested container.</returns>
    public virtual async Task<byte[]> GenerateBytesAsync(VoiceChangerRequest request, CancellationToken cancellationToken = default)
        => await AudioResponse.ReadAllAndDisposeAsync(GenerateAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <summary>The synchronous twin of <see cref="GenerateBytesAsync"/>.</summary>
    /// <param name="request">The clip, the target voice and the output format.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The whole audio, in the requested container.</returns>
    public virtual byte[] GenerateBytes(VoiceChangerRequest request, CancellationToken cancellationToken = default)
        => AudioResponse.ReadAllAndDispose(Generate(request, cancellationToken));

    /// <summary>
    /// Re-speaks a clip in another voice as Server-Sent Events (<c>POST /voice-changer/sse</c>):
    /// <see cref="VoiceChangerChunkEvent"/>s, then <see cref="VoiceChangerDoneEvent"/>. An error event ends the stream
    /// with <see cref="CartesiaStreamException"/>; a stream that stops early with
    /// <see cref="CartesiaIncompleteStreamException"/>. The output container must be raw (as on every streaming
    /// endpoint).
    /// </summary>
    /// <param name="request">The clip, the target voice and a raw output format.</param>
    /// <param name="cancellationToken">Cancels the request and the stream.</param>
    /// <returns>The events; the request is sent when enumeration starts.</returns>
    /// <exception cref="ArgumentException">The request is not valid (checked now).</exception>
    public virtual CartesiaAsyncStream<VoiceChangerEvent> GenerateSseAsync(VoiceChangerRequest request, CancellationToken cancellationToken = default)
        => new SseAsyncStream<VoiceChangerEvent>(PrepareSse(request), cancellationToken);

    /// <summary>The synchronous twin of <see cref="GenerateSseAsync"/>.</summary>
    /// <param name="request">The clip, the target voice and a raw output format.</param>
    /// <param name="cancellationToken">Cancels the request and the stream.</param>
    /// <returns>The events; the request is sent when enumeration starts.</returns>
    public virtual CartesiaStream<VoiceChangerEvent> GenerateSse(VoiceChangerRequest request, CancellationToken cancellationToken = default)
        => new SseSyncStream<VoiceChangerEvent>(PrepareSse(request), cancellationToken);

    private ValueTask<AudioResponse> GenerateCoreAsync(VoiceChangerRequest request, bool async, CancellationToken cancellationToken)
    {
        PipelineRequest pipelineRequest = Build(request, TtsRequestValidator.Transport.Bytes, "/voice-changer/bytes", "voice_changer.generate", "audio/wav");
        return _core.SendForAudioAsync(pipelineRequest, request.OutputFormat, async, cancellationToken);
    }

    private Func<bool, CancellationToken, ValueTask<SseSession<VoiceChangerEvent>>> PrepareSse(VoiceChangerRequest request)
    {
        PipelineRequest pipelineRequest = Build(request, TtsRequestValidator.Transport.Stream, "/voice-changer/sse", "voice_changer.generate_sse", "text/event-stream");
        return (async, cancellationToken) => _core.SendForEventsAsync(pipelineRequest, VoiceChangerSseProtocol.Instance, async, cancellationToken);
    }

    private static PipelineRequest Build(VoiceChangerRequest request, TtsRequestValidator.Transport transport, string path, string operation, string accept)
    {
        Validate.NotNull(request, nameof(request));
        if (request.Clip is null)
        {
            throw new ArgumentException("VoiceChangerRequest.Clip (clip) is required: CartesiaFile.FromPath(\"speech.wav\"), FromStream or FromBytes.", nameof(request));
        }

        request.Clip.Validate("VoiceChangerRequest.Clip (clip)", nameof(request));
        Validate.Id(request.VoiceId, "VoiceChangerRequest.VoiceId (voice[id])", nameof(request));
        TtsRequestValidator.ValidateOutputFormat(request.OutputFormat, transport, "VoiceChangerRequest.OutputFormat", nameof(request));
        MultipartBody body = new MultipartBody()
            .Add("clip", request.Clip)
            .Add("voice[id]", request.VoiceId)
            .AddOutputFormat("output_format", request.OutputFormat);
        return new PipelineRequest
        {
            Method = HttpMethod.Post,
            PathAndQuery = path,
            Operation = operation,
            Content = body.CreateFactory(),
            ContentReplayable = body.Replayable,
            Accept = accept,
            Kind = OperationKind.Generation,
            StreamResponse = true,
        };
    }
}
