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
        if (settings.Credential is null)
        {
            throw new CartesiaCredentialMissingException();
        }

        Uri uri = settings.ResolveWebSocket(pathAndQuery + authStyle.QuerySuffix(settings.Credential, settings.ApiVersion, pathAndQuery.Contains('?', StringComparison.Ordinal)));
        string logUrl = SecretRedactor.RedactUri(uri);
        long started = Stopwatch.GetTimestamp();
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.SendingRequest(_core.HttpLogger, "GET", logUrl, operation, attempt);
            ClientWebSocket socket = CreateSocket(settings, authStyle);
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (settings.Timeout != Timeout.InfiniteTimeSpan)
            {
                attemptCts.CancelAfter(settings.Timeout);
            }

            Exception failure;
            RetryDecision decision;
            try
            {
                await socket.ConnectAsync(uri, _core.WebSocketInvoker, attemptCts.Token).ConfigureAwait(false);
                return socket;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException or IOException)
            {
                int status = (int)socket.HttpStatusCode;
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
                        : new CartesiaWebSocketException($"Could not connect to {logUrl}: {ex.Message}", ex) { Attempts = attempt };
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

    private static ClientWebSocket CreateSocket(ClientSettings settings, WebSocketAuthStyle authStyle)
    {
        var socket = new ClientWebSocket();
        ClientWebSocketOptions options = socket.Options;
        options.CollectHttpResponseDetails = true;
        options.KeepAliveInterval = settings.WebSocketKeepAliveInterval;
        if (settings.WebSocketKeepAliveInterval > TimeSpan.Zero)
        {
            options.KeepAliveTimeout = settings.WebSocketKeepAliveTimeout;
        }

        if (authStyle.CredentialHeader(settings.Credential!) is (string name, string value))
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
