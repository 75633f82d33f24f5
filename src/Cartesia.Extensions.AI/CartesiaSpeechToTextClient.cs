using System.Runtime.CompilerServices;
using Cartesia.Stt;
using Microsoft.Extensions.AI;

namespace Cartesia.Extensions.AI;

/// <summary>
/// <see cref="ISpeechToTextClient"/> over Cartesia: <c>GetTextAsync</c> uploads the audio to <c>POST /stt</c>;
/// <c>GetStreamingTextAsync</c> opens a real streaming session (<c>/stt/websocket</c>), sends the caller's stream
/// as it is read, and yields transcripts as the service produces them. Options map onto Cartesia's (model,
/// speech language, sample rate of raw audio; the encoding of raw audio through
/// <see cref="CartesiaAdditionalProperties.InputEncoding"/>). Works with the Microsoft.Extensions.AI builders and
/// middleware.
/// </summary>
/// <remarks>
/// <para>
/// The audio is WAV (its header gives the format), raw PCM (give <see cref="SpeechToTextOptions.SpeechSampleRate"/>,
/// and the encoding if it is not <c>pcm_s16le</c>), or for <c>GetTextAsync</c> any container the service reads
/// (MP3, FLAC, Ogg, …, whose header gives the format). Streaming sessions take mono raw PCM or WAV only.
/// </para>
/// <para>
/// Streaming updates: one <c>SessionOpen</c>; for each interim hypothesis a <c>TextUpdating</c> update whose text
/// is in <see cref="CartesiaAdditionalProperties.InterimText"/> (not in its contents, since a later update replaces
/// it); for each final segment a <c>TextUpdated</c> update with the text; one <c>SessionClose</c>. Merging the
/// updates therefore gives exactly the final transcript. A failure ends the sequence with the exception.
/// </para>
/// <para>Thread-safe; it holds no connection between calls. The caller's stream is never closed.</para>
/// </remarks>
public sealed class CartesiaSpeechToTextClient : ISpeechToTextClient
{
    private readonly CartesiaClient _client;
    private readonly CartesiaSpeechToTextClientOptions _defaults;
    private readonly SpeechToTextClientMetadata _metadata;

    /// <summary>Creates an adapter over a client.</summary>
    /// <param name="client">The Cartesia client (not owned).</param>
    /// <param name="options">Defaults; null for Ink Whisper (whole audio) and Ink 2 (streaming).</param>
    public CartesiaSpeechToTextClient(CartesiaClient client, CartesiaSpeechToTextClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _defaults = options ?? new CartesiaSpeechToTextClientOptions();
        _metadata = new SpeechToTextClientMetadata("cartesia", client.BaseUri, _defaults.DefaultModelId.Value);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The audio or the options cannot be used (checked before anything is sent).</exception>
    /// <exception cref="NotSupportedException">The options ask for a translation.</exception>
    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        SttTranscribeRequest request;
        Stream audio = audioSpeechStream;
        if (options?.RawRepresentationFactory?.Invoke(this) is SttTranscribeRequest raw)
        {
            request = raw;
        }
        else
        {
            SpeechToTextOptionsMapper.Settings settings = SpeechToTextOptionsMapper.Map(options, _defaults.DefaultModelId);
            SpeechInput input = await SpeechInput.InspectAsync(audioSpeechStream, settings, streaming: false, cancellationToken).ConfigureAwait(false);
            audio = input.Audio;
            request = new SttTranscribeRequest
            {
                Model = settings.Model,
                Language = settings.Language,
                Encoding = input.Kind == SttFileKind.Raw ? input.Encoding : null,
                SampleRate = input.Kind == SttFileKind.Raw ? input.SampleRate : null,
                TimestampGranularities = [SttTimestampGranularity.Word],
            };
        }

        SttTranscription result = await _client.Stt.TranscribeAsync(audio, request, cancellationToken).ConfigureAwait(false);
        var response = new SpeechToTextResponse(result.Text)
        {
            ModelId = request.Model.Value,
            ResponseId = result.RequestId ?? result.Response?.RequestId,
            StartTime = result.Words is [var first, ..] ? first.StartTime : TimeSpan.Zero,
            EndTime = result.Duration is { } seconds ? TimeSpan.FromSeconds(seconds) : result.Words is [.., var last] ? last.EndTime : null,
            RawRepresentation = result,
        };
        if (result.Words is { Count: > 0 } words)
        {
            (response.AdditionalProperties ??= [])[CartesiaAdditionalProperties.Words] = words;
        }

        return response;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The audio or the options cannot be used (checked before connecting).</exception>
    /// <exception cref="NotSupportedException">The options ask for a translation.</exception>
    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        SttSessionOptions? raw = options?.RawRepresentationFactory?.Invoke(this) as SttSessionOptions;
        SpeechToTextOptionsMapper.Settings settings = raw is null
            ? SpeechToTextOptionsMapper.Map(options, _defaults.DefaultStreamingModelId)
            : new SpeechToTextOptionsMapper.Settings(raw.Model, raw.Language, raw.Encoding, raw.SampleRate);
        SpeechInput input = await SpeechInput.InspectAsync(audioSpeechStream, settings, streaming: true, cancellationToken).ConfigureAwait(false);
        SttSessionOptions sessionOptions = raw ?? new SttSessionOptions
        {
            Model = settings.Model,
            Language = settings.Language,
            Encoding = input.Encoding!.Value,
            SampleRate = input.SampleRate!.Value,
        };

        SttSession session = await _client.Stt.ConnectAsync(sessionOptions, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            string? responseId = session.RequestId;
            string modelId = sessionOptions.Model.Value;
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task sending = SendAsync(session, input.Audio, _defaults.StreamingPacing, reading, stopSending.Token);
            IAsyncEnumerator<SttEvent> events = session.ReadEventsAsync(reading.Token).GetAsyncEnumerator(reading.Token);
            bool ended = false;
            try
            {
                yield return new SpeechToTextResponseUpdate { Kind = SpeechToTextResponseUpdateKind.SessionOpen, ResponseId = responseId, ModelId = modelId };
                while (await NextAsync(events, sending).ConfigureAwait(false))
                {
                    if (events.Current is SttTranscriptEvent transcript)
                    {
                        yield return ToUpdate(transcript, responseId, modelId);
                    }
                }

                ended = true;
            }
            finally
            {
                if (!ended)
                {
                    // A failure, a cancellation, or the caller stopped early: stop sending too before the session goes.
                    await stopSending.CancelAsync().ConfigureAwait(false);
                    await reading.CancelAsync().ConfigureAwait(false);
                }

                await events.DisposeAsync().ConfigureAwait(false);
                if (!ended)
                {
                    await ObserveAsync(sending).ConfigureAwait(false);
                }
            }

            await sending.ConfigureAwait(false);
            yield return new SpeechToTextResponseUpdate { Kind = SpeechToTextResponseUpdateKind.SessionClose, ResponseId = responseId, ModelId = modelId };
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(SpeechToTextClientMetadata) ? _metadata
            : serviceType == typeof(CartesiaClient) ? _client
            : serviceType == typeof(SttClient) ? _client.Stt
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Does nothing: the adapter holds no connection between calls, and never disposes the <see cref="CartesiaClient"/>.</summary>
    public void Dispose()
    {
    }

    /// <summary>Sends the whole stream, then ends the session; on failure stops the reader so the failure surfaces.</summary>
    private static async Task SendAsync(SttSession session, Stream audio, SttPacing pacing, CancellationTokenSource reading, CancellationToken cancellationToken)
    {
        try
        {
            await session.SendAudioAsync(audio, pacing, cancellationToken).ConfigureAwait(false);
            await session.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await reading.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The next event; when reading stopped because sending failed, the sending failure instead.</summary>
    private static async ValueTask<bool> NextAsync(IAsyncEnumerator<SttEvent> events, Task sending)
    {
        try
        {
            return await events.MoveNextAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (sending.IsFaulted)
        {
            await sending.ConfigureAwait(false); // rethrows why sending failed
            throw;
        }
    }

    private static async Task ObserveAsync(Task sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception) when (!sending.IsCompletedSuccessfully)
        {
            // Reported by the caller's path (after a normal end) or superseded by the failure being thrown.
        }
    }

    private static SpeechToTextResponseUpdate ToUpdate(SttTranscriptEvent transcript, string? responseId, string modelId)
    {
        SpeechToTextResponseUpdate update = transcript.IsFinal ? new SpeechToTextResponseUpdate(transcript.Text) : new SpeechToTextResponseUpdate();
        update.Kind = transcript.IsFinal ? SpeechToTextResponseUpdateKind.TextUpdated : SpeechToTextResponseUpdateKind.TextUpdating;
        update.ResponseId = responseId;
        update.ModelId = modelId;
        update.RawRepresentation = transcript;
        if (transcript.Words is { Count: > 0 } timed)
        {
            update.StartTime = timed[0].StartTime;
            update.EndTime = timed[^1].EndTime;
        }

        if (!transcript.IsFinal)
        {
            (update.AdditionalProperties ??= [])[CartesiaAdditionalProperties.InterimText] = transcript.Text;
        }
        else if (transcript.Words is { Count: > 0 } words)
        {
            (update.AdditionalProperties ??= [])[CartesiaAdditionalProperties.Words] = words;
        }

        return update;
    }
}
