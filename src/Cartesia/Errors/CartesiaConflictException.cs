namespace Cartesia;

/// <summary>409 Conflict: the request conflicts with the current state of a resource.</summary>
public class CartesiaConflictException : CartesiaApiException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaConflictException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaConflictException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
