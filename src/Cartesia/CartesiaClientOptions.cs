using Microsoft.Extensions.Logging;

namespace Cartesia;

/// <summary>Settings of a <see cref="CartesiaClient"/>. The client copies them when it is created.</summary>
public sealed class CartesiaClientOptions
{
    /// <summary>The production REST endpoint, <c>https://api.cartesia.ai</c>.</summary>
    public static Uri DefaultBaseUri { get; } = new("https://api.cartesia.ai");

    /// <summary>The environment variable the API key is read from when none is given: <c>CARTESIA_API_KEY</c>.</summary>
    public const string ApiKeyEnvironmentVariable = "CARTESIA_API_KEY";

    /// <summary>The environment variable the base URL is read from when none is given: <c>CARTESIA_BASE_URL</c>.</summary>
    public const string BaseUrlEnvironmentVariable = "CARTESIA_BASE_URL";

    /// <summary>
    /// The API key, when not passed to the constructor (handy for configuration binding). A credential given to
    /// the constructor wins; when neither is set, <c>CARTESIA_API_KEY</c> is read.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The REST endpoint. Default: <c>CARTESIA_BASE_URL</c> when set, else <see cref="DefaultBaseUri"/>.
    /// A path (<c>https://host/proxy/</c>) is kept and API paths are appended to it.
    /// </summary>
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// The WebSocket endpoint. Default: <see cref="BaseUri"/> with <c>http</c> mapped to <c>ws</c> and
    /// <c>https</c> to <c>wss</c>.
    /// </summary>
    public Uri? WebSocketBaseUri { get; set; }

    /// <summary>
    /// The API version sent as <c>Cartesia-Version</c> on every HTTP and WebSocket request.
    /// Default: <see cref="CartesiaApiVersion.Default"/> (<c>2026-08-14</c>). Requests are shaped for the version
    /// pinned here, so pinning an older version for stability keeps working.
    /// </summary>
    public CartesiaApiVersion ApiVersion { get; set; } = CartesiaApiVersion.Default;

    /// <summary>
    /// How long one attempt of a request may take until its response headers (and, for JSON responses, its
    /// body) have arrived. Default 60 seconds. Streams are not bounded by this once they have started; see
    /// <see cref="StreamIdleTimeout"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a stream (audio bytes, Server-Sent Events) may go without delivering anything before it fails
    /// with <see cref="CartesiaTimeoutException"/>. Default 60 seconds. There is no limit on a stream's total
    /// length: a long generation that keeps streaming succeeds.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often WebSockets send a ping. Default 20 seconds; <see cref="TimeSpan.Zero"/> turns pings off. Pings
    /// do not stop the service's idle close (the SDK reconnects for that), they detect a dead connection.
    /// </summary>
    public TimeSpan WebSocketKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a WebSocket waits for the answer to a ping before treating the connection as dead. Default 20
    /// seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> never gives up.
    /// </summary>
    public TimeSpan WebSocketKeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How many times a failed request is retried (so at most <c>MaxRetries + 1</c> attempts). Default 2;
    /// 0 turns retries off (for example when you add your own resilience handler).
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>How generation requests are retried. Default <see cref="GenerationRetryMode.BillingSafe"/>.</summary>
    public GenerationRetryMode GenerationRetries { get; set; } = GenerationRetryMode.BillingSafe;

    /// <summary>
    /// The longest wait a <c>retry-after</c> or <c>retry-after-ms</c> header may ask for. A longer one fails at
    /// once with <see cref="CartesiaRateLimitException.RetryAfter"/> (or <see cref="CartesiaApiException"/>)
    /// set, instead of hanging. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// An <see cref="System.Net.Http.HttpClient"/> you own (for proxies, handlers, <c>IHttpClientFactory</c>). The client never
    /// disposes it and ignores its <c>BaseAddress</c>. Its own <c>Timeout</c> still applies to each attempt, so
    /// set it to <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> and let <see cref="Timeout"/> govern; a
    /// finite value is logged as a warning and reported as <see cref="CartesiaTimeoutException"/> if it fires.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Where the client logs (requests at Debug, retries at Information, warnings). Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The clock behind every timeout, retry delay, watchdog and deadline of the client. Default:
    /// <see cref="System.TimeProvider.System"/>. Tests pass a fake clock (for example <c>FakeTimeProvider</c>) to
    /// drive time without waiting for it.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Headers sent with every request. They override the SDK's own headers of the same name (including
    /// <c>Cartesia-Version</c>), so use with care. Names must be HTTP tokens and values printable ASCII (no CR,
    /// LF or other control characters); the client's constructor throws <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public IDictionary<string, string> DefaultHeaders { get; private set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Your application's name and version (for example <c>my-agent/1.2</c>), appended to the <c>User-Agent</c>.
    /// Printable ASCII only (no CR, LF or other control characters); the client's constructor throws
    /// <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public string? ApplicationId { get; set; }

    /// <summary>The default of <see cref="MaxResponseBodyBytes"/>: 64 MiB.</summary>
    public const int DefaultMaxResponseBodyBytes = 64 * 1024 * 1024;

    /// <summary>The default of <see cref="MaxSseEventBytes"/>: 16 MiB.</summary>
    public const int DefaultMaxSseEventBytes = 16 * 1024 * 1024;

    /// <summary>The smallest value <see cref="MaxResponseBodyBytes"/> and <see cref="MaxSseEventBytes"/> accept: 1 KiB.</summary>
    public const int MinimumLimitBytes = 1024;

    /// <summary>
    /// The largest JSON (or other buffered) success body the client reads, in bytes. A larger one fails with
    /// <see cref="CartesiaProtocolException"/> instead of filling memory. Streamed audio is not limited by this.
    /// Default <see cref="DefaultMaxResponseBodyBytes"/> (64 MiB), far above any Cartesia answer.
    /// </summary>
    public int MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>
    /// The largest Server-Sent Event (all its lines together, including a line that never ends) the client
    /// reads, in bytes. A larger one fails with <see cref="CartesiaProtocolException"/> instead of filling
    /// memory. Default <see cref="DefaultMaxSseEventBytes"/> (16 MiB), far above any Cartesia event.
    /// </summary>
    public int MaxSseEventBytes { get; set; } = DefaultMaxSseEventBytes;

    /// <summary>
    /// Where the WebSockets carry the credential and the API version: handshake headers, or the query parameters
    /// the service documents for browsers (<c>access_token</c> / <c>api_key</c> and <c>cartesia_version</c>).
    /// Default <see cref="CartesiaWebSocketAuthentication.Automatic"/>: the query in a browser (Blazor WebAssembly),
    /// headers elsewhere.
    /// </summary>
    public CartesiaWebSocketAuthentication WebSocketAuthentication { get; set; } = CartesiaWebSocketAuthentication.Automatic;

    /// <summary>
    /// Test seam: whether the client behaves as it does in a browser (query auth, no synchronous calls);
    /// <see langword="null"/> (the default) asks <see cref="OperatingSystem.IsBrowser"/>.
    /// </summary>
    internal bool? RunsInBrowser { get; set; }

    /// <summary>A copy of these options (the default headers are copied too).</summary>
    public CartesiaClientOptions Clone()
    {
        var copy = (CartesiaClientOptions)MemberwiseClone();
        copy.DefaultHeaders = new Dictionary<string, string>(DefaultHeaders, StringComparer.OrdinalIgnoreCase);
        return copy;
    }
}
