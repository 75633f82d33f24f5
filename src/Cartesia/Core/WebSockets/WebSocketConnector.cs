using System.Diagnostics;
using System.Net.WebSockets;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Errors;
using Cartesia.Core.Http;
using Microsoft.Extensions.Logging;

namespace Cartesia.Core.WebSockets;

/// <summary>
/// Opens the SDK's WebSockets: credential and <c>Cartesia-Version</c> where the endpoint expects them
/// (<see cref="WebSocketAuthStyle"/>; headers for TTS and STT), identity headers, keep-alive pings, the client's HTTP handler, and the REST retry rules for the handshake (connecting
/// is never billed). A rejected handshake becomes the matching <see cref="CartesiaApiException"/> (429, 401, …).
/// </summary>
internal sealed class WebSocketConnector
{
    private readonly ClientCore _core;

    public WebSocketConnector(ClientCore core) => _core = core;

    /// <summary>Connects, retrying transient failures; returns an open socket.</summary>
    /// <param name="pathAndQuery">The path (and endpoint query parameters) relative to the WebSocket base URL.</param>
    /// <param name="operation">A short name for logs.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    public Task<ClientWebSocket> ConnectAsync(string pathAndQuery, string operation, CancellationToken cancellationToken)
        => ConnectAsync(pathAndQuery, operation, _core.Settings.MaxRetries, WebSocketAuthStyle.Standard, cancellationToken);

    /// <summary>Connects, retrying transient failures, with the endpoint's own way of carrying the credential.</summary>
    /// <param name="pathAndQuery">The path (and endpoint query parameters) relative to the WebSocket base URL.</param>
    /// <param name="operation">A short name for logs.</param>
    /// <param name="authStyle">Where this endpoint expects the credential and the API version.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    public Task<ClientWebSocket> ConnectAsync(string pathAndQuery, string operation, WebSocketAuthStyle authStyle, CancellationToken cancellationToken)
        => ConnectAsync(pathAndQuery, operation, _core.Settings.MaxRetries, authStyle, cancellationToken);

    /// <summary>Connects with a retry budget of its own (a reconnect loop counts its attempts itself).</summary>
    /// <param name="pathAndQuery">The path (and endpoint query parameters) relative to the WebSocket base URL.</param>
    /// <param name="operation">A short name for logs.</param>
    /// <param name="maxRetries">Retries after the first attempt (0 for a single attempt).</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    public Task<ClientWebSocket> ConnectAsync(string pathAndQuery, string operation, int maxRetries, CancellationToken cancellationToken)
        => ConnectAsync(pathAndQuery, operation, maxRetries, WebSocketAuthStyle.Standard, cancellationToken);

    private async Task<ClientWebSocket> ConnectAsync(string pathAndQuery, string operation, int maxRetries, WebSocketAuthStyle authStyle, CancellationToken cancellationToken)
    {
        ClientSettings settings = _core.Settings;
        if (settings.Credential is not { } credential)
        {
            throw new CartesiaCredentialMissingException();
        }

        if (settings.WebSocketQueryAuth)
        {
            authStyle = WebSocketAuthStyle.Query;
        }

        bool hasQuery = pathAndQuery.Contains('?', StringComparison.Ordinal);
        string logUrl = SecretRedactor.RedactUri(settings.ResolveWebSocket(pathAndQuery));
        long started = Stopwatch.GetTimestamp();
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Asked at every attempt of every connect and reconnect: a provider credential's token is fresh here.
            string secret = await credential.GetSecretAsync(settings.TimeProvider, async: true, cancellationToken).ConfigureAwait(false);
            Uri uri = settings.ResolveWebSocket(pathAndQuery + authStyle.QuerySuffix(credential.Kind, secret, settings.ApiVersion, hasQuery));
            logUrl = SecretRedactor.RedactUri(uri);
            Log.SendingRequest(_core.HttpLogger, "GET", logUrl, operation, attempt);
            ClientWebSocket socket = CreateSocket(settings, authStyle, credential.Kind, secret);
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (settings.Timeout != Timeout.InfiniteTimeSpan)
            {
                attemptCts.CancelAfter(settings.Timeout);
            }

            Exception failure;
            RetryDecision decision;
            try
            {
                if (settings.IsBrowser)
                {
                    // The browser's own WebSocket: it takes no HttpMessageInvoker.
                    await socket.ConnectAsync(uri, attemptCts.Token).ConfigureAwait(false);
                }
                else
                {
                    await socket.ConnectAsync(uri, _core.WebSocketInvoker, attemptCts.Token).ConfigureAwait(false);
                }

                return socket;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException or IOException)
            {
                int status = settings.IsBrowser ? 0 : (int)socket.HttpStatusCode;
                if (status == 401)
                {
                    credential.Refused(secret);
                }

                if (status >= 400)
                {
                    var info = new CartesiaResponseInfo(status, ToHeaders(socket.HttpResponseHeaders), attempt, Stopwatch.GetElapsedTime(started));
                    decision = RetryPolicy.ForStatus(status, info.GetHeader, OperationKind.Standard, settings, DateTimeOffset.UtcNow);
                    failure = ApiErrorFactory.Create(info, body: null, decision.ServerDelay,
                        decision.ServerDelayTooLong ? $"The WebSocket handshake was rejected; not retried: {decision.Reason}." : "The WebSocket handshake was rejected.");
                }
                else
                {
                    bool timedOut = attemptCts.IsCancellationRequested;
                    decision = new RetryDecision(true, timedOut ? "the handshake timed out" : "the connection could not be made");
                    failure = timedOut
                        ? new CartesiaTimeoutException($"Connecting to {logUrl} did not complete within {RetryPolicy.Describe(settings.Timeout)} (CartesiaClientOptions.Timeout).", ex) { Phase = CartesiaTimeoutPhase.Request, Timeout = settings.Timeout, Attempts = attempt }
                        : new CartesiaWebSocketException($"Could not connect to {logUrl}: {SecretRedactor.Redact(ex.Message)}", ex) { Attempts = attempt };
                }

                socket.Dispose();
            }

            if (!decision.Retry || attempt > maxRetries)
            {
                Log.NotRetrying(_core.HttpLogger, "GET", logUrl, operation, decision.Reason);
                Telemetry.RecordError(null, operation, failure);
                throw failure;
            }

            TimeSpan delay = RetryPolicy.Delay(attempt, decision.ServerDelay);
            Log.Retrying(_core.HttpLogger, "GET", logUrl, operation, (long)delay.TotalMilliseconds, attempt, maxRetries, decision.Reason);
            Telemetry.Retries.Add(1, new KeyValuePair<string, object?>("cartesia.operation", operation));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ClientWebSocket CreateSocket(ClientSettings settings, WebSocketAuthStyle authStyle, CartesiaCredentialKind kind, string secret)
    {
        var socket = new ClientWebSocket();
        if (settings.IsBrowser)
        {
            // A browser's WebSocket sets no header, keep-alive or response details (each throws
            // PlatformNotSupportedException there): the credential and version are in the query (WebSocketAuthStyle.Query).
            return socket;
        }

        ClientWebSocketOptions options = socket.Options;
        options.CollectHttpResponseDetails = true;
        options.KeepAliveInterval = settings.WebSocketKeepAliveInterval;
        if (settings.WebSocketKeepAliveInterval > TimeSpan.Zero)
        {
            options.KeepAliveTimeout = settings.WebSocketKeepAliveTimeout;
        }

        if (authStyle.CredentialHeader(kind, secret) is (string name, string value))
        {
            options.SetRequestHeader(name, value);
        }

        if (!authStyle.VersionInQuery)
        {
            options.SetRequestHeader("Cartesia-Version", settings.ApiVersion.Value);
        }

        options.SetRequestHeader("User-Agent", settings.UserAgent);
        options.SetRequestHeader("X-Cartesia-Client", ClientIdentity.ClientName);
        foreach ((string headerName, string headerValue) in settings.DefaultHeaders)
        {
            options.SetRequestHeader(headerName, headerValue);
        }

        return socket;
    }

    private static Dictionary<string, IReadOnlyList<string>> ToHeaders(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, IEnumerable<string> values) in headers ?? new Dictionary<string, IEnumerable<string>>())
        {
            result[name] = values.ToArray();
        }

        return result;
    }
}
