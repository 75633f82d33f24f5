using System.Runtime.CompilerServices;
using Cartesia.Tts;
using Microsoft.Extensions.AI;

namespace Cartesia.Extensions.AI;

/// <summary>
/// <see cref="ITextToSpeechClient"/> over Cartesia: <c>GetAudioAsync</c> uses <c>/tts/bytes</c>;
/// <c>GetStreamingAudioAsync</c> streams over the TTS WebSocket (one context per call on a shared socket).
/// Options map onto Cartesia's (model, voice, language or locale, audio format, speed, volume); the rest go in
/// <see cref="CartesiaAdditionalProperties"/>. Works with the Microsoft.Extensions.AI builders and middleware.
/// </summary>
/// <remarks>Thread-safe. Disposing it closes its WebSocket but never the <see cref="CartesiaClient"/>.</remarks>
public sealed class CartesiaTextToSpeechClient : ITextToSpeechClient
{
    private readonly CartesiaClient _client;
    private readonly CartesiaTextToSpeechClientOptions _defaults;
    private readonly TextToSpeechClientMetadata _metadata;
    private readonly SemaphoreSlim _socketLock = new(1, 1);
    private TtsWebSocket? _socket;
    private int _disposed;

    /// <summary>Creates an adapter over a client.</summary>
    /// <param name="client">The Cartesia client (not owned).</param>
    /// <param name="options">Defaults; null for sonic-3 and no default voice.</param>
    public CartesiaTextToSpeechClient(CartesiaClient client, CartesiaTextToSpeechClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _defaults = options ?? new CartesiaTextToSpeechClientOptions();
        _metadata = new TextToSpeechClientMetadata("cartesia", client.BaseUri, _defaults.DefaultModelId.Value);
    }

    /// <inheritdoc />
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        TtsRequest request = options?.RawRepresentationFactory?.Invoke(this) as TtsRequest ?? CreateRequest(text, options);
        AudioResponse audio = await _client.Tts.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        await using (audio.ConfigureAwait(false))
        {
            byte[] bytes = await audio.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
            return new TextToSpeechResponse([new DataContent(bytes, audio.MediaType)])
            {
                ModelId = request.ModelId.Value,
                ResponseId = audio.Response.RequestId,
                RawRepresentation = audio.Response,
            };
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        TextToSpeechOptionsMapper.Settings settings = TextToSpeechOptionsMapper.Map(options, _defaults, streaming: true, _client.ApiVersion);
        var contextOptions = new TtsContextOptions
        {
            ModelId = settings.Model,
            Voice = settings.Voice,
            OutputFormat = settings.Format,
            Language = settings.Language,
            GenerationConfig = settings.GenerationConfig,
            PronunciationDictId = settings.PronunciationDictId,
            AddTimestamps = settings.AddTimestamps,
            ContextId = settings.ContextId,
        };
        if (settings.Locale is not null || settings.Normalization is not null)
        {
            throw new NotSupportedException("Locale and normalization are not available on the Cartesia TTS WebSocket; use GetAudioAsync, or a two-letter TextToSpeechOptions.Language.");
        }

        TtsWebSocket socket = await GetSocketAsync(cancellationToken).ConfigureAwait(false);
        TtsContext context = socket.CreateContext(contextOptions);
        string mediaType = settings.Format.MediaType;
        await using (context.ConfigureAwait(false))
        {
            yield return Update(TextToSpeechResponseUpdateKind.SessionOpen, context, settings);
            await context.SendAsync(text, cancellationToken).ConfigureAwait(false);
            await context.CompleteAsync(cancellationToken).ConfigureAwait(false);
            await foreach (TtsEvent e in context.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                switch (e)
                {
                    case TtsChunkEvent chunk:
                        TextToSpeechResponseUpdate audio = Update(TextToSpeechResponseUpdateKind.AudioUpdating, context, settings, e);
                        audio.Contents.Add(new DataContent(chunk.Audio, mediaType));
                        yield return audio;
                        break;
                    case TtsTimestampsEvent { WordTimestamps: { } words }:
                        TextToSpeechResponseUpdate timing = Update(TextToSpeechResponseUpdateKind.AudioUpdating, context, settings, e);
                        timing.AdditionalProperties![CartesiaAdditionalProperties.WordTimestamps] = words;
                        yield return timing;
                        break;
                    case TtsDoneEvent:
                        yield return Update(TextToSpeechResponseUpdateKind.AudioUpdated, context, settings, e);
                        break;
                    default:
                        yield return Update(TextToSpeechResponseUpdateKind.AudioUpdating, context, settings, e);
                        break;
                }
            }

            yield return Update(TextToSpeechResponseUpdateKind.SessionClose, context, settings);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(TextToSpeechClientMetadata) ? _metadata
            : serviceType == typeof(CartesiaClient) ? _client
            : serviceType == typeof(TtsClient) ? _client.Tts
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Closes the adapter's WebSocket (the <see cref="CartesiaClient"/> stays open).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            if (Interlocked.Exchange(ref _socket, null) is { } socket)
            {
                // The socket's close is bounded by its CloseTimeout; Dispose must not block on I/O longer.
                _ = socket.DisposeAsync().AsTask().ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }

            _socketLock.Dispose();
        }
    }

    private TtsRequest CreateRequest(string text, TextToSpeechOptions? options)
    {
        TextToSpeechOptionsMapper.Settings settings = TextToSpeechOptionsMapper.Map(options, _defaults, streaming: false, _client.ApiVersion);
        return new TtsRequest
        {
            ModelId = settings.Model,
            Transcript = text,
            Voice = settings.Voice,
            OutputFormat = settings.Format,
            Language = settings.Language,
            Locale = settings.Locale,
            GenerationConfig = settings.GenerationConfig,
            PronunciationDictId = settings.PronunciationDictId,
            Normalization = settings.Normalization,
        };
    }

    private async ValueTask<TtsWebSocket> GetSocketAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Volatile.Read(ref _socket) is { } socket)
        {
            return socket;
        }

        await _socketLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _socket ??= await _client.Tts.ConnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _socketLock.Release();
        }
    }

    private static TextToSpeechResponseUpdate Update(TextToSpeechResponseUpdateKind kind, TtsContext context, TextToSpeechOptionsMapper.Settings settings, TtsEvent? raw = null)
        => new()
        {
            Kind = kind,
            ResponseId = context.ContextId,
            ModelId = settings.Model.Value,
            RawRepresentation = raw,
            AdditionalProperties = new AdditionalPropertiesDictionary { [CartesiaAdditionalProperties.SampleRate] = settings.Format.SampleRate },
        };
}
