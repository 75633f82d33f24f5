using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cartesia.Core.Audio;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Http;
using Cartesia.Core.Sse;
using Cartesia.Serialization;
using Cartesia.Tts;
using Microsoft.Extensions.Logging;

namespace Cartesia.Core;

/// <summary>
/// What every sub-client of one <see cref="CartesiaClient"/> shares: settings, HTTP pipeline, JSON, logging, and the
/// one seam for sending. A sub-client validates its input, builds a <see cref="PipelineRequest"/> and calls one
/// <c>SendFor…Async</c> method here, named for what the answer is (a JSON model, a list, nothing but the status,
/// audio, or an event stream); each sends through <see cref="HttpPipeline.SendAsync"/> (credential, retries,
/// timeouts, logging, telemetry, errors) and reads the answer. Every method takes <c>bool async</c>: the synchronous
/// twins run the same code with <c>async: false</c> (see <see cref="SyncAsync"/>).
/// </summary>
internal sealed class ClientCore : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _warnedModels = new(StringComparer.Ordinal);
    private readonly bool _ownsHttpClient;
    private WebSockets.WebSocketConnector? _webSockets;

    public ClientCore(ClientSettings settings)
    {
        Settings = settings;
        ClientLogger = settings.LoggerFactory.CreateLogger(Log.ClientCategory);
        Json = CartesiaJsonContext.ForVersion(settings.ApiVersion);

        if (settings.UserHttpClient is { } userClient)
        {
            Http = userClient;
            if (userClient.Timeout != Timeout.InfiniteTimeSpan && (settings.Timeout == Timeout.InfiniteTimeSpan || userClient.Timeout < settings.Timeout))
            {
                Log.HttpClientTimeoutShorter(ClientLogger, userClient.Timeout, settings.Timeout);
            }
        }
        else
        {
            Http = new HttpClient(CreateHandler(settings)) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttpClient = true;
        }

        // WebSockets get connections of their own when the SDK owns the handler: an upgrade that reused an idle
        // REST connection would miss the read buffer that only a connection opened for a WebSocket gets.
        WebSocketInvoker = _ownsHttpClient ? new HttpMessageInvoker(CreateHandler(settings)) : Http;

        HttpLogger = settings.LoggerFactory.CreateLogger(Log.HttpCategory);
        Pipeline = new HttpPipeline(settings, Http, HttpLogger, settings.TimeProvider);
    }

    public ClientSettings Settings { get; }

    public HttpClient Http { get; }

    /// <summary>What WebSockets connect through: the user's <see cref="HttpClient"/>, or a handler of the SDK's own.</summary>
    public HttpMessageInvoker WebSocketInvoker { get; }

    public HttpPipeline Pipeline { get; }

    public CartesiaJsonContext Json { get; }

    public ILogger ClientLogger { get; }

    public ILogger HttpLogger { get; }

    /// <summary>Opens the client's WebSockets with its credential, version and retry rules.</summary>
    public WebSockets.WebSocketConnector WebSockets => _webSockets ??= new WebSockets.WebSocketConnector(this);

    /// <summary>Logs, once per client and model, that a sunset model is being used.</summary>
    public void WarnIfSunset(TtsModel model)
    {
        if (model.SunsetDate is { } date && _warnedModels.TryAdd(model.Value, true))
        {
            Log.SunsetModel(ClientLogger, model.Value, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), model.Replacement?.Value ?? "a current model");
        }
    }

    /// <summary>Sends the request and reads the JSON answer, attaching the response description.</summary>
    public async ValueTask<T> SendForJsonAsync<T>(PipelineRequest request, JsonTypeInfo<T> typeInfo, bool async, CancellationToken cancellationToken)
        where T : CartesiaResult
    {
        using PipelineResponse response = await Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        T value = Deserialize(response, typeInfo, request);
        value.Response = response.Info;
        return value;
    }

    /// <summary>Sends a request whose answer has no body of interest (204 No Content) and returns the response description.</summary>
    public async ValueTask<CartesiaResponseInfo> SendForInfoAsync(PipelineRequest request, bool async, CancellationToken cancellationToken)
    {
        using PipelineResponse response = await Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        return response.Info;
    }

    /// <summary>Sends a request whose answer is a JSON array, returning the items with the response description.</summary>
    public async ValueTask<CartesiaList<T>> SendForListAsync<T>(PipelineRequest request, JsonTypeInfo<List<T>> typeInfo, bool async, CancellationToken cancellationToken)
    {
        using PipelineResponse response = await Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        return new CartesiaList<T>(Deserialize(response, typeInfo, request), response.Info);
    }

    /// <summary>Sends a request whose answer is a JSON object wrapping an array, returning the items with the response description.</summary>
    public async ValueTask<CartesiaList<TItem>> SendForWrappedListAsync<TWrapper, TItem>(PipelineRequest request, JsonTypeInfo<TWrapper> typeInfo, Func<TWrapper, IReadOnlyList<TItem>?> items, bool async, CancellationToken cancellationToken)
    {
        using PipelineResponse response = await Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        TWrapper wrapper = Deserialize(response, typeInfo, request);
        return new CartesiaList<TItem>(items(wrapper) ?? [], response.Info);
    }

    /// <summary>
    /// Sends the request and opens its audio body as it starts arriving. <paramref name="format"/> is the format
    /// the caller asked for, or null when the body is a WAV whose header says it; <paramref name="telemetry"/>,
    /// when the caller knows the format up front, records the time to first audio and the audio's duration.
    /// </summary>
    public async ValueTask<AudioResponse> SendForAudioAsync(PipelineRequest request, AudioOutputFormat? format, bool async, CancellationToken cancellationToken, AudioStreamTelemetry? telemetry = null)
    {
        PipelineResponse response = await Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        try
        {
            await RejectTextAsync(response, request, async, cancellationToken).ConfigureAwait(false);
            ResponseBodyStream body = await ResponseBodyStream.OpenAsync(response, Settings.StreamIdleTimeout, $"audio stream of {request.Method} {request.PathAndQuery}", async, cancellationToken, telemetry).ConfigureAwait(false);
            try
            {
                (Stream audio, AudioOutputFormat actual) = format is null
                    ? await WavFormatReader.ReadAsync(body, async, cancellationToken).ConfigureAwait(false)
                    : (body, format);
                return new AudioResponse(audio, actual, response.Info);
            }
            catch
            {
                body.Dispose();
                throw;
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the request and opens its body as a Server-Sent Events session; <paramref name="telemetry"/> records the
    /// time to first audio and the duration of the events' audio.
    /// </summary>
    public async ValueTask<SseSession<TEvent>> SendForEventsAsync<TEvent>(PipelineRequest request, SseProtocol<TEvent> protocol, bool async, CancellationToken cancellationToken, AudioStreamTelemetry? telemetry = null)
        where TEvent : class
    {
        PipelineResponse response = await Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        try
        {
            string? mediaType = response.MediaType;
            if (mediaType is not null && mediaType != "text/event-stream")
            {
                await RejectTextAsync(response, request, async, cancellationToken).ConfigureAwait(false);
                throw new CartesiaProtocolException($"{request.Method} {request.PathAndQuery} answered with {mediaType} instead of text/event-stream.");
            }

            ResponseBodyStream body = await ResponseBodyStream.OpenAsync(response, Settings.StreamIdleTimeout, $"event stream of {request.Method} {request.PathAndQuery}", async, cancellationToken).ConfigureAwait(false);
            return new SseSession<TEvent>(protocol, body, request.Operation, HttpLogger, telemetry, Settings.MaxSseEventBytes);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Logs, once per client and model, that a sunset model is being used, and once per client, model and language
    /// that the language left the model (the language is <paramref name="language"/>, or that of <paramref name="locale"/>).
    /// </summary>
    public void WarnIfSunset(TtsModel model, Language? language, string? locale = null)
    {
        WarnIfSunset(model);
        Language? spoken = language ?? CatalogLog.LanguageOfLocale(locale);
        if (spoken is { } lang && model.GetLanguageSunsetDate(lang) is { } date && _warnedModels.TryAdd(model.Value + "|" + lang.Value, true))
        {
            CatalogLog.SunsetLanguage(ClientLogger, lang.Value, model.Value, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Logs, once per client, that a pronunciation dictionary item uses the deprecated <c>alias</c> field.</summary>
    public void WarnDeprecatedAlias()
    {
        if (_warnedModels.TryAdd("|alias", true))
        {
            CatalogLog.DeprecatedAlias(ClientLogger);
        }
    }

    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            Http.Dispose();
            WebSocketInvoker.Dispose();
        }
    }

    private static SocketsHttpHandler CreateHandler(ClientSettings settings)
    {
        SocketsHttpHandler handler = NewHandler();
        if (settings.Timeout != Timeout.InfiniteTimeSpan && settings.Timeout < handler.ConnectTimeout)
        {
            handler.ConnectTimeout = settings.Timeout;
        }

        return handler;
    }

    /// <summary>The handler behind <see cref="CartesiaClient.CreateHttpHandler"/> (see there).</summary>
    public static SocketsHttpHandler NewHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        EnableMultipleHttp2Connections = true,
        ConnectCallback = ReadBufferedStream.ConnectAsync,
    };

    /// <summary>Reads a buffered JSON body, turning malformed JSON into a <see cref="CartesiaProtocolException"/>.</summary>
    private static T Deserialize<T>(PipelineResponse response, JsonTypeInfo<T> typeInfo, PipelineRequest request)
    {
        byte[] body = response.Body ?? [];
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new JsonException("The body was JSON null.");
        }
        catch (JsonException ex)
        {
            string text = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
            throw new CartesiaProtocolException($"The response to {request.Method} {request.PathAndQuery} ({request.Operation}) is not the JSON the SDK expected: {ex.Message}", ex)
            {
                Payload = text,
            };
        }
    }

    /// <summary>A successful status with a JSON or text body is an error message, never audio.</summary>
    private static async ValueTask RejectTextAsync(PipelineResponse response, PipelineRequest request, bool async, CancellationToken cancellationToken)
    {
        string? mediaType = response.MediaType;
        bool textual = mediaType is not null
            && (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (!textual || mediaType == "text/event-stream")
        {
            return;
        }

        // Only the beginning is read (a hostile body may never end), and it is redacted like any service text.
        byte[] head = new byte[4096];
        int length = 0;
        try
        {
            Stream stream = async
                ? await response.Message.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
                : response.Message.Content.ReadAsStream(cancellationToken);
            int read;
            while (length < head.Length && (read = async
                ? await stream.ReadAsync(head.AsMemory(length), cancellationToken).ConfigureAwait(false)
                : stream.Read(head, length, head.Length - length)) > 0)
            {
                length += read;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // What arrived is enough to describe the mistake.
        }

        string body = SecretRedactor.Redact(Encoding.UTF8.GetString(head, 0, length));
        string excerpt = body.Length > 300 ? body[..300] + "…" : body;
        throw new CartesiaProtocolException($"{request.Method} {request.PathAndQuery} answered {response.Info.StatusCode} with {mediaType} instead of audio: {excerpt}")
        {
            Payload = excerpt,
        };
    }
}
