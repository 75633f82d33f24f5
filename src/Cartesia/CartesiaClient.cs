using System.Net.Http.Headers;
using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.AccessTokens;
using Cartesia.Agents;
using Cartesia.Catalog;
using Cartesia.Datasets;
using Cartesia.FineTunes;
using Cartesia.Infill;
using Cartesia.PronunciationDictionaries;
using Cartesia.Stt;
using Cartesia.Tts;
using Cartesia.VoiceChanger;
using Cartesia.Voices;

namespace Cartesia;

/// <summary>
/// The entry point to the Cartesia API. Create one per process and share it: it is thread-safe and immutable.
/// Reach each area through its property (<see cref="Tts"/>, <see cref="Stt"/>, …).
/// </summary>
/// <example>
/// <code>
/// using var client = new CartesiaClient(); // reads CARTESIA_API_KEY
/// await using AudioResponse audio = await client.Tts.GenerateAsync(new TtsRequest
/// {
///     ModelId = TtsModel.Sonic3_6,
///     Transcript = "Hello from Cartesia.",
///     Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
///     OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100),
/// });
/// await audio.SaveToFileAsync("hello.wav");
/// </code>
/// </example>
public class CartesiaClient : IDisposable
{
    private readonly ClientCore _core;

    /// <summary>
    /// A client that reads its API key from <c>CARTESIA_API_KEY</c> (and its base URL from <c>CARTESIA_BASE_URL</c>
    /// when set). A missing key is reported at the first call that needs one with <see cref="CartesiaCredentialMissingException"/>.
    /// </summary>
    public CartesiaClient() : this(credential: null, options: null)
    {
    }

    /// <summary>A client with an API key.</summary>
    /// <param name="apiKey">
    /// The API key (<c>sk_car_…</c>). An empty one counts as none, so
    /// <c>new CartesiaClient(Environment.GetEnvironmentVariable("CARTESIA_API_KEY") ?? "")</c> works: without a key the
    /// first call that needs one throws <see cref="CartesiaCredentialMissingException"/>.
    /// </param>
    public CartesiaClient(string apiKey) : this(KeyOrNone(apiKey), options: null)
    {
    }

    /// <summary>A client with an API key and options.</summary>
    /// <param name="apiKey">The API key (<c>sk_car_…</c>); an empty one counts as none (see <see cref="CartesiaClient(string)"/>).</param>
    /// <param name="options">The client's settings.</param>
    public CartesiaClient(string apiKey, CartesiaClientOptions options) : this(KeyOrNone(apiKey), options)
    {
    }

    /// <summary>A client with options; the key comes from <see cref="CartesiaClientOptions.ApiKey"/> or <c>CARTESIA_API_KEY</c>.</summary>
    /// <param name="options">The client's settings.</param>
    public CartesiaClient(CartesiaClientOptions options) : this(credential: null, options)
    {
    }

    /// <summary>
    /// A new <see cref="SocketsHttpHandler"/> set up as the client sets up its own when you give it no
    /// <see cref="CartesiaClientOptions.HttpClient"/>: pooled connections recycled every 5 minutes (so DNS changes
    /// are seen), response decompression, a 10-second connect timeout, and a read buffer under each connection opened
    /// for a WebSocket, so a burst of frames is one system call rather than two per frame (about 1.3–1.6× the audio
    /// per second on a TTS WebSocket), and write gathering on it: messages sent in quick succession with nothing
    /// read between them go out together, while a message at conversational pace goes straight to the socket (a
    /// WebSocket that reuses an idle connection of earlier REST calls has neither). Start from it when you need an <see cref="HttpClient"/> of your own (a proxy, client certificates,
    /// <c>IHttpClientFactory</c>) and set what you need on it; <c>AddCartesia</c> uses it as the primary handler.
    /// </summary>
    /// <returns>A handler the caller owns (dispose it, or the <see cref="HttpClient"/> made with it).</returns>
    public static SocketsHttpHandler CreateHttpHandler() => ClientCore.NewHandler();

    /// <summary>A client with a credential (an API key or an access token) and options.</summary>
    /// <param name="credential">The credential; null to read <see cref="CartesiaClientOptions.ApiKey"/> or <c>CARTESIA_API_KEY</c>.</param>
    /// <param name="options">The client's settings; null for the defaults.</param>
    public CartesiaClient(CartesiaCredential? credential, CartesiaClientOptions? options)
    {
        _core = new ClientCore(ClientSettings.Create(credential, options));
        Tts = new TtsClient(_core);
        Voices = new VoicesClient(_core);
        VoiceChanger = new VoiceChangerClient(_core);
        Infill = new InfillClient(_core);
        Datasets = new DatasetsClient(_core);
        FineTunes = new FineTunesClient(_core);
        PronunciationDictionaries = new PronunciationDictionariesClient(_core);
        Agents = new AgentsClient(_core);
        AccessTokens = new AccessTokensClient(_core);
        Stt = new SttClient(_core);
        Models = new ModelsClient(_core);
    }

    /// <summary>Text-to-speech over HTTP bytes and Server-Sent Events.</summary>
    public virtual TtsClient Tts { get; }

    /// <summary>Speech-to-text: batch transcription and streaming sessions over both WebSockets.</summary>
    public virtual SttClient Stt { get; }

    /// <summary>Voices: list, get, update, delete, clone, localize, and the accent catalogue.</summary>
    public virtual VoicesClient Voices { get; }

    /// <summary>The voice changer: speech in, the same speech in another voice out (bytes or Server-Sent Events).</summary>
    public virtual VoiceChangerClient VoiceChanger { get; }

    /// <summary>Infill: speech that joins two clips naturally.</summary>
    public virtual InfillClient Infill { get; }

    /// <summary>Datasets for fine-tuning, and their files.</summary>
    public virtual DatasetsClient Datasets { get; }

    /// <summary>Fine-tunes (Pro Voice Clones) and the voices they make.</summary>
    public virtual FineTunesClient FineTunes { get; }

    /// <summary>Pronunciation dictionaries.</summary>
    public virtual PronunciationDictionariesClient PronunciationDictionaries { get; }

    /// <summary>Agents (Line): agents, calls, metrics and their results, deployments.</summary>
    public virtual AgentsClient Agents { get; }

    /// <summary>Short-lived access tokens for clients that must not hold the API key.</summary>
    public virtual AccessTokensClient AccessTokens { get; }

    /// <summary>The model and locale catalogues, and checks of a model's languages against them.</summary>
    public virtual ModelsClient Models { get; }

    /// <summary>The API version this client sends (<c>Cartesia-Version</c>).</summary>
    public CartesiaApiVersion ApiVersion => _core.Settings.ApiVersion;

    /// <summary>The REST endpoint this client talks to.</summary>
    public Uri BaseUri => _core.Settings.BaseUri;

    /// <summary>The WebSocket endpoint this client talks to.</summary>
    public Uri WebSocketBaseUri => _core.Settings.WebSocketBaseUri;

    /// <summary>What kind of credential the client has, or null when it has none.</summary>
    public CartesiaCredentialKind? CredentialKind => _core.Settings.Credential?.Kind;

    internal ClientCore Core => _core;

    /// <summary>An empty or blank key is no key (the credential then comes from the options or the environment).</summary>
    private static CartesiaCredential? KeyOrNone(string? apiKey) => string.IsNullOrWhiteSpace(apiKey) ? null : CartesiaCredential.FromApiKey(apiKey);

    /// <summary>Checks the API (<c>GET /</c>): whether it is up, and its default version.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<ApiStatus> GetStatusAsync(CancellationToken cancellationToken = default)
        => GetStatusCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GetStatusAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual ApiStatus GetStatus(CancellationToken cancellationToken = default)
        => GetStatusCoreAsync(async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Sends a request the SDK has no method for yet, with the client's credential, version, retries and error
    /// mapping. The body streams: dispose the response when done.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call and the body.</param>
    /// <exception cref="CartesiaApiException">The service answered with an error status.</exception>
    public virtual Task<CartesiaRawResponse> SendAsync(CartesiaRequest request, CancellationToken cancellationToken = default)
        => SendCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="SendAsync"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call and the body.</param>
    public virtual CartesiaRawResponse Send(CartesiaRequest request, CancellationToken cancellationToken = default)
        => SendCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Releases the HTTP connections the client created (not an <see cref="HttpClient"/> you supplied).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">Whether this is a call to <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"CartesiaClient({BaseUri}, Cartesia-Version {ApiVersion})";

    private ValueTask<ApiStatus> GetStatusCoreAsync(bool async, CancellationToken cancellationToken)
        => _core.SendForJsonAsync(
            new PipelineRequest { Method = HttpMethod.Get, PathAndQuery = "/", Operation = "status.get", RequiresCredential = false },
            _core.Json.ApiStatus,
            async,
            cancellationToken);

    private async ValueTask<CartesiaRawResponse> SendCoreAsync(CartesiaRequest request, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryString();
        foreach ((string key, string value) in request.Query)
        {
            query.Add(key, value);
        }

        Func<HttpContent>? content = null;
        if (request.Body is { } body)
        {
            byte[] bytes = body.ToArray();
            string? contentType = request.ContentType;
            content = () =>
            {
                var c = new ByteArrayContent(bytes);
                if (contentType is not null)
                {
                    c.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                }

                return c;
            };
        }

        var pipelineRequest = new PipelineRequest
        {
            Method = request.Method,
            PathAndQuery = request.Path + query,
            Operation = "custom",
            Content = content,
            Accept = request.Accept,
            Kind = request.IsGeneration ? OperationKind.Generation : OperationKind.Standard,
            StreamResponse = true,
            Headers = request.Headers.ToArray(),
        };

        PipelineResponse response = await _core.Pipeline.SendAsync(pipelineRequest, async, cancellationToken).ConfigureAwait(false);
        try
        {
            ResponseBodyStream stream = await ResponseBodyStream.OpenAsync(response, _core.Settings.StreamIdleTimeout, $"body of {request.Method} {request.Path}", async, cancellationToken).ConfigureAwait(false);
            return new CartesiaRawResponse(stream, response.Info);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
