namespace Cartesia;

/// <summary>
/// No usable answer came back: the connection could not be made, broke, or was refused by the network
/// (DNS, TCP, TLS, proxy). The <see cref="Exception.InnerException"/> carries the transport's own exception.
/// </summary>
public class CartesiaConnectionException : CartesiaException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaConnectionException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaConnectionException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>How many attempts were made before giving up (1 when there was no retry).</summary>
    public int Attempts { get; init; } = 1;
}
