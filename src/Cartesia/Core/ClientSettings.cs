using Cartesia.Core.Diagnostics;
using Cartesia.Core.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cartesia.Core;

/// <summary>The immutable snapshot of a client's configuration, validated once at construction.</summary>
internal sealed class ClientSettings
{
    public required CartesiaCredential? Credential { get; init; }
    public required Uri BaseUri { get; init; }
    public required Uri WebSocketBaseUri { get; init; }
    public required CartesiaApiVersion ApiVersion { get; init; }
    public required TimeSpan Timeout { get; init; }
    public required TimeSpan StreamIdleTimeout { get; init; }
    public required TimeSpan WebSocketKeepAliveInterval { get; init; }
    public required TimeSpan WebSocketKeepAliveTimeout { get; init; }
    public required int MaxRetries { get; init; }
    public required GenerationRetryMode GenerationRetries { get; init; }
    public required TimeSpan MaxRetryAfter { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> DefaultHeaders { get; init; }
    public required string UserAgent { get; init; }
    public required ILoggerFactory LoggerFactory { get; init; }
    public required HttpClient? UserHttpClient { get; init; }
    public required TimeProvider TimeProvider { get; init; }
    public required int MaxResponseBodyBytes { get; init; }
    public required int MaxSseEventBytes { get; init; }

    /// <summary>Whether the client runs in a browser (Blazor WebAssembly): no synchronous calls, no handshake headers.</summary>
    public required bool IsBrowser { get; init; }

    /// <summary>Whether WebSockets carry the credential and version in the query (<see cref="CartesiaWebSocketAuthentication.Query"/>).</summary>
    public required bool WebSocketQueryAuth { get; init; }

    /// <summary>Validates the options and takes a snapshot of them.</summary>
    public static ClientSettings Create(CartesiaCredential? credential, CartesiaClientOptions? options)
    {
        options ??= new CartesiaClientOptions();
        credential ??= ResolveCredential(options);

        Uri baseUri = options.BaseUri ?? BaseUriFromEnvironment() ?? CartesiaClientOptions.DefaultBaseUri;
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"BaseUri must be an absolute http or https URL; '{baseUri}' is not.", nameof(options));
        }

        Uri webSocketBaseUri = options.WebSocketBaseUri ?? ToWebSocketUri(baseUri);
        if (!webSocketBaseUri.IsAbsoluteUri || (webSocketBaseUri.Scheme != Uri.UriSchemeWs && webSocketBaseUri.Scheme != Uri.UriSchemeWss))
        {
            throw new ArgumentException($"WebSocketBaseUri must be an absolute ws or wss URL; '{webSocketBaseUri}' is not.", nameof(options));
        }

        if (options.ApiVersion.Value is null)
        {
            throw new ArgumentException("ApiVersion must be set (for example CartesiaApiVersion.Default).", nameof(options));
        }

        RequirePositive(options.Timeout, nameof(CartesiaClientOptions.Timeout));
        RequirePositive(options.StreamIdleTimeout, nameof(CartesiaClientOptions.StreamIdleTimeout));
        if (options.WebSocketKeepAliveInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.WebSocketKeepAliveInterval, "WebSocketKeepAliveInterval must not be negative.");
        }

        RequirePositive(options.WebSocketKeepAliveTimeout, nameof(CartesiaClientOptions.WebSocketKeepAliveTimeout));
        if (options.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetries, "MaxRetries must be 0 or more.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetryAfter, "MaxRetryAfter must not be negative.");
        }

        if (!Enum.IsDefined(options.WebSocketAuthentication))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.WebSocketAuthentication, "WebSocketAuthentication is not a known mode.");
        }

        if (!Enum.IsDefined(options.GenerationRetries))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.GenerationRetries, "GenerationRetries is not a known mode.");
        }

        HeaderRules.CheckValue(options.ApiVersion.Value, $"{nameof(CartesiaClientOptions)}.{nameof(CartesiaClientOptions.ApiVersion)}", nameof(options));
        if (options.ApplicationId is not null)
        {
            HeaderRules.CheckValue(options.ApplicationId, $"{nameof(CartesiaClientOptions)}.{nameof(CartesiaClientOptions.ApplicationId)}", nameof(options));
        }

        foreach (KeyValuePair<string, string> header in options.DefaultHeaders)
        {
            string what = $"{nameof(CartesiaClientOptions)}.{nameof(CartesiaClientOptions.DefaultHeaders)}";
            HeaderRules.CheckName(header.Key, what, nameof(options));
            HeaderRules.CheckValue(header.Value, $"{what}[\"{header.Key}\"]", nameof(options));
        }

        RequireAtLeast(options.MaxResponseBodyBytes, CartesiaClientOptions.MinimumLimitBytes, nameof(CartesiaClientOptions.MaxResponseBodyBytes));
        RequireAtLeast(options.MaxSseEventBytes, CartesiaClientOptions.MinimumLimitBytes, nameof(CartesiaClientOptions.MaxSseEventBytes));
        if (credential is not null)
        {
            // Whatever shape the secret has, no text the service sends back may show it.
            SecretRedactor.Remember(credential);
        }

        bool isBrowser = options.RunsInBrowser ?? OperatingSystem.IsBrowser();
        return new ClientSettings
        {
            Credential = credential,
            BaseUri = WithTrailingSlash(baseUri),
            WebSocketBaseUri = WithTrailingSlash(webSocketBaseUri),
            ApiVersion = options.ApiVersion,
            Timeout = options.Timeout,
            StreamIdleTimeout = options.StreamIdleTimeout,
            WebSocketKeepAliveInterval = options.WebSocketKeepAliveInterval,
            WebSocketKeepAliveTimeout = options.WebSocketKeepAliveTimeout,
            MaxRetries = options.MaxRetries,
            GenerationRetries = options.GenerationRetries,
            MaxRetryAfter = options.MaxRetryAfter,
            DefaultHeaders = options.DefaultHeaders.ToArray(),
            UserAgent = ClientIdentity.UserAgent(options.ApplicationId),
            LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance,
            UserHttpClient = options.HttpClient,
            TimeProvider = options.TimeProvider ?? TimeProvider.System,
            MaxResponseBodyBytes = options.MaxResponseBodyBytes,
            MaxSseEventBytes = options.MaxSseEventBytes,
            IsBrowser = isBrowser,
            WebSocketQueryAuth = options.WebSocketAuthentication == CartesiaWebSocketAuthentication.Query
                || (options.WebSocketAuthentication == CartesiaWebSocketAuthentication.Automatic && isBrowser),
        };
    }

    /// <summary>Resolves a path relative to the REST base URL (keeping any path the base URL has).</summary>
    public Uri ResolveHttp(string pathAndQuery) => new(BaseUri, pathAndQuery.TrimStart('/'));

    /// <summary>Resolves a path relative to the WebSocket base URL.</summary>
    public Uri ResolveWebSocket(string pathAndQuery) => new(WebSocketBaseUri, pathAndQuery.TrimStart('/'));

    private static CartesiaCredential? ResolveCredential(CartesiaClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return CartesiaCredential.FromApiKey(options.ApiKey);
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(CartesiaClientOptions.ApiKeyEnvironmentVariable)?.Trim();
        return string.IsNullOrEmpty(fromEnvironment) ? null : CartesiaCredential.FromApiKey(fromEnvironment);
    }

    private static Uri? BaseUriFromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable(CartesiaClientOptions.BaseUrlEnvironmentVariable)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
            ? uri
            : throw new ArgumentException($"The {CartesiaClientOptions.BaseUrlEnvironmentVariable} environment variable is not an absolute URL: '{value}'.");
    }

    private static Uri ToWebSocketUri(Uri httpUri)
    {
        var builder = new UriBuilder(httpUri) { Scheme = httpUri.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs };
        if (httpUri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }

    private static Uri WithTrailingSlash(Uri uri)
        => uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;

    private static void RequireAtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(CartesiaClientOptions)}.{name} must be at least {minimum} bytes.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive or Timeout.InfiniteTimeSpan.");
        }
    }
}
