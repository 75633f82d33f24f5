namespace Cartesia;

/// <summary>
/// 429 Too Many Requests: a concurrency or rate limit was hit (error code <c>concurrency_limited</c> or
/// <c>quota_exceeded</c>), over HTTP or at a WebSocket handshake.
/// </summary>
/// <remarks>
/// The client retries 429 responses itself, waiting as long as the service asks. When the service asks for a
/// wait longer than <see cref="CartesiaClientOptions.MaxRetryAfter"/> it fails at once with this exception
/// and <see cref="RetryAfter"/> set, rather than hanging.
/// </remarks>
public class CartesiaRateLimitException : CartesiaApiException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaRateLimitException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaRateLimitException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>
    /// How long the service asked to wait before trying again (from <c>retry-after-ms</c> or <c>retry-after</c>),
    /// or <see langword="null"/> when it did not say.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}
