using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Tts;

namespace Cartesia.Infill;

/// <summary>
/// Infill: speech that joins two clips naturally (<c>POST /infill/bytes</c>), streamed back in any container.
/// Billing-safe like TTS. Reach it as <see cref="CartesiaClient.Infill"/>.
/// </summary>
public class InfillClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected InfillClient() => _core = null!;

    internal InfillClient(ClientCore core) => _core = core;

    /// <summary>Generates the infill and returns as soon as its audio starts arriving.</summary>
    /// <param name="request">The surrounding clips, transcript, voice, model and output format.</param>
    /// <param name="cancellationToken">Cancels the request and the audio stream.</param>
    /// <returns>The streaming audio; dispose it when done.</returns>
    /// <exception cref="ArgumentException">The request is not valid, or a clip cannot be read (checked before anything is sent).</exception>
    public virtual Task<AudioResponse> GenerateAsync(InfillRequest request, CancellationToken cancellationToken = default)
        => GenerateCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GenerateAsync"/>.</summary>
    /// <param name="request">The surrounding clips, transcript, voice, model and output format.</param>
    /// <param name="cancellationToken">Cancels the request and the audio stream.</param>
    /// <returns>The streaming audio; dispose it when done.</returns>
    public virtual AudioResponse Generate(InfillRequest request, CancellationToken cancellationToken = default)
        => GenerateCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Generates the infill and returns all of its audio.</summary>
    /// <param name="request">The surrounding clips, transcript, voice, model and output format.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The whole audio, in the requested container.</returns>
    public virtual async Task<byte[]> GenerateBytesAsync(InfillRequest request, CancellationToken cancellationToken = default)
        => await AudioResponse.ReadAllAndDisposeAsync(GenerateAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <summary>The synchronous twin of <see cref="GenerateBytesAsync"/>.</summary>
    /// <param name="request">The surrounding clips, transcript, voice, model and output format.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The whole audio, in the requested container.</returns>
    public virtual byte[] GenerateBytes(InfillRequest request, CancellationToken cancellationToken = default)
        => AudioResponse.ReadAllAndDispose(Generate(request, cancellationToken));

    private ValueTask<AudioResponse> GenerateCoreAsync(InfillRequest request, bool async, CancellationToken cancellationToken)
    {
        Validate.NotNull(request, nameof(request));
        if (request.LeftAudio is null && request.RightAudio is null)
        {
            throw new ArgumentException("InfillRequest needs LeftAudio (left_audio), RightAudio (right_audio) or both.", nameof(request));
        }

        request.LeftAudio?.Validate("InfillRequest.LeftAudio (left_audio)", nameof(request));
        request.RightAudio?.Validate("InfillRequest.RightAudio (right_audio)", nameof(request));
        Validate.Id(request.ModelId.Value, "InfillRequest.ModelId (model_id)", nameof(request));
        Validate.Text(request.Transcript, "InfillRequest.Transcript (transcript)", nameof(request));
        Validate.Id(request.VoiceId, "InfillRequest.VoiceId (voice_id)", nameof(request));
        if (request.Language is { } language)
        {
            Validate.Id(language.Value, "InfillRequest.Language (language)", nameof(request));
        }

        TtsRequestValidator.ValidateOutputFormat(request.OutputFormat, TtsRequestValidator.Transport.Bytes, "InfillRequest.OutputFormat", nameof(request));
        _core.WarnIfSunset(request.ModelId, request.Language);

        // The official SDKs flatten output_format into bracketed parts; the OpenAPI document's single object part
        // is not what they send (PROTOCOL.md §9), so neither do we.
        MultipartBody body = new MultipartBody()
            .Add("left_audio", request.LeftAudio)
            .Add("right_audio", request.RightAudio)
            .Add("model_id", request.ModelId.Value)
            .Add("language", request.Language?.Value)
            .Add("transcript", request.Transcript)
            .Add("voice_id", request.VoiceId)
            .AddOutputFormat("output_format", request.OutputFormat);
        var pipelineRequest = new PipelineRequest
        {
            Method = HttpMethod.Post,
            PathAndQuery = "/infill/bytes",
            Operation = "infill.generate",
            Content = body.CreateFactory(),
            ContentReplayable = body.Replayable,
            Accept = "audio/wav",
            Kind = OperationKind.Generation,
            StreamResponse = true,
        };
        return _core.SendForAudioAsync(pipelineRequest, request.OutputFormat, async, cancellationToken);
    }
}
