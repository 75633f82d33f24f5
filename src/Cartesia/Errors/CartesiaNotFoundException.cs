namespace Cartesia;

/// <summary>404 Not Found: the resource does not exist, or the API version is unknown to the service.</summary>
public class CartesiaNotFoundException : CartesiaApiException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaNotFoundException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaNotFoundException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
