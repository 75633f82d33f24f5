using System.Collections.Concurrent;
using System.Net;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Http;
using Cartesia.Core.Json;
using Cartesia.Tts;
using Microsoft.Extensions.Logging;

namespace Cartesia.Core;

/// <summary>What every sub-client of one <see cref="CartesiaClient"/> shares: settings, HTTP pipeline, JSON, logging.</summary>
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
}
