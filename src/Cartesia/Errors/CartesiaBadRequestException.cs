namespace Cartesia;

/// <summary>400 Bad Request: the request was not valid (for example an unknown model or voice, or an empty transcript).</summary>
public class CartesiaBadRequestException : CartesiaApiException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaBadRequestException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaBadRequestException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
