namespace Cartesia.Core.Http;

/// <summary>
/// Decides retries as PROTOCOL.md §6 describes (connection failures, timeouts, 408, 409, 429, 5xx;
/// <c>x-should-retry</c> overrides), made billing-safe for generation requests, and computes the delay.
/// </summary>
internal static class RetryPolicy
{
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>Decides about an error status.</summary>
    public static RetryDecision ForStatus(int status, Func<string, string?> header, OperationKind kind, ClientSettings settings, DateTimeOffset now)
    {
        TimeSpan? serverDelay = RetryAfterParser.Parse(header, now);
        string? shouldRetry = header("x-should-retry")?.Trim();

        RetryDecision decision;
        if (string.Equals(shouldRetry, "true", StringComparison.OrdinalIgnoreCase))
        {
            decision = new RetryDecision(true, $"status {status} with x-should-retry: true");
        }
        else if (string.Equals(shouldRetry, "false", StringComparison.OrdinalIgnoreCase))
        {
            return new RetryDecision(false, $"status {status} with x-should-retry: false");
        }
        else if (status is 408 or 429)
        {
            decision = new RetryDecision(true, $"status {status}");
        }
        else if (status == 409 || status >= 500)
        {
            decision = IsBillingSafe(kind, settings)
                ? new RetryDecision(false, $"status {status} on a generation request, which may have been processed (GenerationRetries is BillingSafe)")
                : new RetryDecision(true, $"status {status}");
        }
        else
        {
            return new RetryDecision(false, $"status {status} is not retryable");
        }

        if (serverDelay is { } delay && delay > settings.MaxRetryAfter)
        {
            return new RetryDecision(false, $"the service asked to wait {Describe(delay)}, longer than MaxRetryAfter ({Describe(settings.MaxRetryAfter)})", delay, ServerDelayTooLong: true);
        }

        return decision with { ServerDelay = serverDelay };
    }

    /// <summary>Decides about a failure with no response (connection or timeout).</summary>
    /// <param name="certainlyNotProcessed">Whether the request can not have reached the service (connect, DNS, TLS failures).</param>
    /// <param name="what">What failed, for the reason text.</param>
    /// <param name="kind">What the request does.</param>
    /// <param name="settings">The client's settings.</param>
    public static RetryDecision ForFailure(bool certainlyNotProcessed, string what, OperationKind kind, ClientSettings settings)
    {
        if (certainlyNotProcessed || !IsBillingSafe(kind, settings))
        {
            return new RetryDecision(true, what);
        }

        return new RetryDecision(false, $"{what} after the request was sent; a generation request may have been processed and billed, so it is not retried (GenerationRetries is BillingSafe)");
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    public static TimeSpan Delay(int retry, TimeSpan? serverDelay)
    {
        if (serverDelay is { } server && server > TimeSpan.Zero)
        {
            return server;
        }

        return Backoff(retry, InitialBackoff, MaxBackoff);
    }

    /// <summary>
    /// Exponential backoff before attempt <paramref name="retry"/> (1-based): <paramref name="initial"/> doubled per
    /// attempt, at most <paramref name="max"/>, less up to a quarter of jitter. The HTTP retries and the STT reconnects share it.
    /// </summary>
    public static TimeSpan Backoff(int retry, TimeSpan initial, TimeSpan max)
    {
        double nominal = Math.Min(initial.TotalSeconds * Math.Pow(2, retry - 1), max.TotalSeconds);
        double jitter = 1 - (0.25 * Random.Shared.NextDouble());
        return TimeSpan.FromSeconds(nominal * jitter);
    }

    /// <summary>A short human form of a duration: <c>1.5 s</c>, <c>250 ms</c>.</summary>
    public static string Describe(TimeSpan value)
        => value == System.Threading.Timeout.InfiniteTimeSpan ? "infinite"
            : value.TotalSeconds >= 1 ? $"{value.TotalSeconds:0.###} s"
            : $"{value.TotalMilliseconds:0} ms";

    private static bool IsBillingSafe(OperationKind kind, ClientSettings settings)
        => kind == OperationKind.Generation && settings.GenerationRetries == GenerationRetryMode.BillingSafe;
}
