namespace Cartesia;

/// <summary>
/// One of the SDK's timeouts expired (see <see cref="Phase"/>). Distinct from your own cancellation, which
/// surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public class CartesiaTimeoutException : CartesiaConnectionException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaTimeoutException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaTimeoutException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>Which timeout expired.</summary>
    public CartesiaTimeoutPhase Phase { get; init; }

    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; init; }
}
