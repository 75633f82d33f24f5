namespace Cartesia;

/// <summary>422 Unprocessable Entity: the request was well formed but its content was rejected.</summary>
public class CartesiaUnprocessableEntityException : CartesiaApiException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaUnprocessableEntityException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaUnprocessableEntityException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
