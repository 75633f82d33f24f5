namespace Cartesia;

/// <summary>The root of every exception the Cartesia SDK throws on purpose.</summary>
/// <remarks>
/// Bad arguments are reported with <see cref="ArgumentException"/> before anything is sent, and a cancelled
/// <see cref="CancellationToken"/> of yours surfaces as <see cref="OperationCanceledException"/>; everything
/// else (the service said no, the connection failed, a stream broke) derives from this type.
/// </remarks>
public class CartesiaException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
