namespace Cartesia;

/// <summary>A 5xx status: the service failed. These are retried automatically where that is safe.</summary>
public class CartesiaServerException : CartesiaApiException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaServerException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaServerException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
