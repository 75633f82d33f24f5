using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Errors;
using Microsoft.Extensions.Logging;

namespace Cartesia.Core.Http;

/// <summary>
/// The one HTTP path every REST call takes, synchronous or asynchronous: headers (credential,
/// <c>Cartesia-Version</c>, identity), per-attempt timeout, retries with backoff and server-requested delays,
/// and the mapping of failures to the SDK's exceptions.
/// </summary>
internal sealed class HttpPipeline
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    private readonly ClientSettings _settings;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public HttpPipeline(ClientSettings settings, HttpClient http, ILogger logger, TimeProvider? time = null)
    {
        _settings = settings;
        _http = http;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Sends a request with retries; returns a successful response or throws.</summary>
    /// <exception cref="CartesiaApiException">The service answered with an error status.</exception>
    /// <exception cref="CartesiaConnectionException">The service could not be reached or timed out.</exception>
    /// <exception cref="CartesiaCredentialMissingException">The request needs a credential and the client has none.</exception>
    /// <exception cref="PlatformNotSupportedException">Synchronous, in a browser.</exception>
    public async ValueTask<PipelineResponse> SendAsync(PipelineRequest request, bool async, CancellationToken cancellationToken)
    {
        SyncAsync.ThrowIfSyncInBrowser(_settings, async, request.Operation);
        if (request.RequiresCredential && _settings.Credential is null)
        {
            throw new CartesiaCredentialMissingException();
        }

        CheckHeaders(request);
        Uri uri = _settings.ResolveHttp(request.PathAndQuery);
        string logUrl = SecretRedactor.RedactUri(uri);
        string method = request.Method.Method;
        long started = Stopwatch.GetTimestamp();
        int maxAttempts = _settings.MaxRetries + 1;
        using Activity? activity = StartActivity(request, uri);

        try
        {
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Log.SendingRequest(_logger, method, logUrl, request.Operation, attempt);
                AttemptResult result = await SendOnceAsync(request, uri, logUrl, attempt, started, async, cancellationToken).ConfigureAwait(false);
                if (result.Response is { } response)
                {
                    RecordSuccess(activity, request, response.Info);
                    return response;
                }

                RetryDecision decision = result.Decision;
                if (decision.Retry && !request.ContentReplayable)
                {
                    decision = decision with { Retry = false, Reason = $"{decision.Reason}, but the request body is a non-seekable stream that cannot be rewound, so it cannot be sent again", Explain = true };
                }

                if (!decision.Retry || attempt >= maxAttempts)
                {
                    string reason = decision.Retry ? $"{decision.Reason}; giving up after {attempt} attempt(s)" : decision.Reason;
                    Log.NotRetrying(_logger, method, logUrl, request.Operation, reason);
                    throw result.CreateException(attempt, decision);
                }

                TimeSpan delay = RetryPolicy.Delay(attempt, decision.ServerDelay);
                Log.Retrying(_logger, method, logUrl, request.Operation, (long)delay.TotalMilliseconds, attempt, _settings.MaxRetries, decision.Reason);
                Telemetry.Retries.Add(1, new KeyValuePair<string, object?>("cartesia.operation", request.Operation));
                await SyncAsync.DelayAsync(delay, _time, async, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Telemetry.RecordError(activity, request.Operation, ex);
            throw;
        }
    }

    /// <summary>Rejects per-request headers (a raw <see cref="CartesiaRequest"/>'s) that could add headers or requests of their own.</summary>
    private static void CheckHeaders(PipelineRequest request)
    {
        HeaderRules.CheckValue(request.Accept, $"{nameof(CartesiaRequest)}.{nameof(CartesiaRequest.Accept)}", nameof(request));
        foreach ((string name, string value) in request.Headers ?? [])
        {
            string what = $"{nameof(CartesiaRequest)}.{nameof(CartesiaRequest.Headers)}";
            HeaderRules.CheckName(name, what, nameof(request));
            HeaderRules.CheckValue(value, $"{what}[\"{name}\"]", nameof(request));
        }
    }

    private Activity? StartActivity(PipelineRequest request, Uri uri)
    {
        Activity? activity = Telemetry.StartOperation(request.Operation);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
            activity.SetTag("url.path", uri.AbsolutePath);
            activity.SetTag("cartesia.api_version", _settings.ApiVersion.Value);
        }

        return activity;
    }

    private static void RecordSuccess(Activity? activity, PipelineRequest request, CartesiaResponseInfo info)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.response.status_code", info.StatusCode);
            activity.SetTag("cartesia.request_id", info.RequestId);
            activity.SetTag("cartesia.attempts", info.Attempts);
        }

        if (Telemetry.OperationDuration.Enabled)
        {
            Telemetry.OperationDuration.Record(
                info.Elapsed.TotalSeconds,
                new KeyValuePair<string, object?>("cartesia.operation", request.Operation),
                new KeyValuePair<string, object?>("http.response.status_code", info.StatusCode));
        }
    }

    private async ValueTask<AttemptResult> SendOnceAsync(PipelineRequest request, Uri uri, string logUrl, int attempt, long started, bool async, CancellationToken cancellationToken)
    {
        // A provider credential is asked per attempt: a retry after a long backoff never sends an expired token.
        string? secret = _settings.Credential is { } credential ? await credential.GetSecretAsync(_time, async, cancellationToken).ConfigureAwait(false) : null;
        using HttpRequestMessage message = CreateMessage(request, uri, secret);
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_settings.Timeout != Timeout.InfiniteTimeSpan)
        {
            attemptCts.CancelAfter(_settings.Timeout);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = async
                ? await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false)
                : _http.Send(message, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token);

            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            CartesiaResponseInfo info = CartesiaResponseInfo.FromMessage(response, attempt, elapsed);
            long elapsedMs = (long)elapsed.TotalMilliseconds;
            Log.ReceivedResponse(_logger, info.StatusCode, request.Method.Method, logUrl, elapsedMs, info.RequestId);

            if (response.IsSuccessStatusCode)
            {
                byte[]? body = request.StreamResponse ? null : await ReadSuccessBodyAsync(response, request, logUrl, async, attemptCts.Token).ConfigureAwait(false);
                var success = new PipelineResponse(response, body, info);
                response = null; // owned by the caller now
                return AttemptResult.Success(success);
            }

            byte[] errorBytes = await ReadBodyAsync(response, MaxErrorBodyBytes, async, attemptCts.Token).ConfigureAwait(false);
            string? errorBody = SecretRedactor.Scrub(Encoding.UTF8.GetString(errorBytes), _settings.Credential);
            if (info.StatusCode == 401 && secret is not null)
            {
                _settings.Credential!.Refused(secret);
            }

            RetryDecision decision = RetryPolicy.ForStatus(info.StatusCode, info.GetHeader, request.Kind, _settings, _time.GetUtcNow());
            return AttemptResult.Status(info, errorBody, decision);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException or ObjectDisposedException)
        {
            return Failure(ex, request, logUrl, attemptCts.IsCancellationRequested);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private AttemptResult Failure(Exception ex, PipelineRequest request, string logUrl, bool attemptTimedOut)
    {
        string target = $"{request.Method.Method} {logUrl}";
        string failure = $"{ex.GetType().Name}: {ex.Message}";
        Log.RequestFailed(_logger, request.Method.Method, logUrl, request.Operation, failure);

        if (attemptTimedOut)
        {
            return AttemptResult.Timeout(ex,
                $"The request {target} did not complete within {RetryPolicy.Describe(_settings.Timeout)} (CartesiaClientOptions.Timeout)",
                _settings.Timeout,
                RetryPolicy.ForFailure(false, "the attempt timed out", request.Kind, _settings));
        }

        if (ex is TaskCanceledException { InnerException: TimeoutException })
        {
            TimeSpan httpTimeout = _http.Timeout;
            return AttemptResult.Timeout(ex,
                $"The request {target} was cut by the Timeout of the HttpClient you supplied ({RetryPolicy.Describe(httpTimeout)}); set HttpClient.Timeout to Timeout.InfiniteTimeSpan and use CartesiaClientOptions.Timeout",
                httpTimeout,
                RetryPolicy.ForFailure(false, "the HttpClient timeout expired", request.Kind, _settings));
        }

        bool notProcessed = ex is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        };
        string what = notProcessed ? "the connection could not be made" : "the connection failed";
        return AttemptResult.Connection(ex, $"Could not complete {target}: {ex.Message}", RetryPolicy.ForFailure(notProcessed, what, request.Kind, _settings));
    }

    private HttpRequestMessage CreateMessage(PipelineRequest request, Uri uri, string? secret)
    {
        var message = new HttpRequestMessage(request.Method, uri);
        HttpRequestHeaders headers = message.Headers;
        if (secret is not null)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        headers.TryAddWithoutValidation("Cartesia-Version", _settings.ApiVersion.Value);
        headers.TryAddWithoutValidation("User-Agent", _settings.UserAgent);
        headers.TryAddWithoutValidation("X-Cartesia-Client", ClientIdentity.ClientName);
        headers.TryAddWithoutValidation("Accept", request.Accept);
        message.Content = request.Content?.Invoke();

        Override(message, _settings.DefaultHeaders);
        if (request.Headers is not null)
        {
            Override(message, request.Headers);
        }

        return message;
    }

    private static void Override(HttpRequestMessage message, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        foreach ((string name, string value) in headers)
        {
            if (message.Content is not null && name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.Remove(name);
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    /// <summary>
    /// Reads a success body whole, failing with <see cref="CartesiaProtocolException"/> (not retried) when it is
    /// larger than <see cref="CartesiaClientOptions.MaxResponseBodyBytes"/>, before reading it when it says so.
    /// </summary>
    private async ValueTask<byte[]> ReadSuccessBodyAsync(HttpResponseMessage response, PipelineRequest request, string logUrl, bool async, CancellationToken cancellationToken)
    {
        int limit = _settings.MaxResponseBodyBytes;
        long? declared = response.Content.Headers.ContentLength;
        byte[]? body = declared > limit ? null : await ReadBodyAsync(response, limit + 1, async, cancellationToken).ConfigureAwait(false);
        if (body is null || body.Length > limit)
        {
            string size = declared > limit ? $"{declared} bytes" : $"more than {limit} bytes";
            throw new CartesiaProtocolException(
                $"The response to {request.Method.Method} {logUrl} ({request.Operation}) is {size}, over the limit of {limit} bytes (CartesiaClientOptions.MaxResponseBodyBytes); it was not read.");
        }

        return body;
    }

    /// <summary>Reads a body up to a limit, within the attempt's timeout, synchronously or not.</summary>
    private static async ValueTask<byte[]> ReadBodyAsync(HttpResponseMessage response, int limit, bool async, CancellationToken cancellationToken)
    {
        // A synchronous read does not observe the token, so the token aborts it by disposing the response.
        using CancellationTokenRegistration abort = async ? default : cancellationToken.Register(static r => ((HttpResponseMessage)r!).Dispose(), response);
        try
        {
            Stream stream = async
                ? await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
                : response.Content.ReadAsStream(cancellationToken);
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[16 * 1024];
            while (buffer.Length < limit)
            {
                int read = async
                    ? await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken).ConfigureAwait(false)
                    : stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length));
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is IOException or ObjectDisposedException or HttpRequestException)
        {
            throw new OperationCanceledException("Reading the response was cancelled.", ex, cancellationToken);
        }
    }

    /// <summary>The outcome of one attempt: a response, or what failed and whether to retry.</summary>
    private readonly struct AttemptResult
    {
        private readonly Func<int, RetryDecision, Exception>? _createException;

        private AttemptResult(PipelineResponse? response, RetryDecision decision, Func<int, RetryDecision, Exception>? createException)
        {
            Response = response;
            Decision = decision;
            _createException = createException;
        }

        public PipelineResponse? Response { get; }

        public RetryDecision Decision { get; }

        public Exception CreateException(int attempts, RetryDecision decision) => _createException!(attempts, decision);

        public static AttemptResult Success(PipelineResponse response) => new(response, default, null);

        public static AttemptResult Status(CartesiaResponseInfo info, string? body, RetryDecision decision)
            => new(null, decision, (attempts, d) => ApiErrorFactory.Create(
                new CartesiaResponseInfo(info.StatusCode, info.Headers, attempts, info.Elapsed),
                body,
                d.ServerDelay,
                d.ServerDelayTooLong || d.Explain ? $"Not retried: {d.Reason}." : null));

        public static AttemptResult Timeout(Exception cause, string message, TimeSpan timeout, RetryDecision decision)
            => new(null, decision, (attempts, d) => new CartesiaTimeoutException($"{message}. {Attempts(attempts, d)}", cause)
            {
                Phase = CartesiaTimeoutPhase.Request,
                Timeout = timeout,
                Attempts = attempts,
            });

        public static AttemptResult Connection(Exception cause, string message, RetryDecision decision)
            => new(null, decision, (attempts, d) => new CartesiaConnectionException($"{message.TrimEnd('.')}. {Attempts(attempts, d)}", cause) { Attempts = attempts });

        private static string Attempts(int attempts, RetryDecision decision)
            => decision.Retry ? $"Gave up after {attempts} attempt(s)." : $"Not retried: {decision.Reason}.";
    }
}
