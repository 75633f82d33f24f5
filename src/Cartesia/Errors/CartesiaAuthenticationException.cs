namespace Cartesia;

/// <summary>401 Unauthorized: the API key or access token is missing, wrong or expired.</summary>
public class CartesiaAuthenticationException : CartesiaApiException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaAuthenticationException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaAuthenticationException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
