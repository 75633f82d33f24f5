namespace Cartesia;

/// <summary>403 Forbidden: the credential may not do this (for example an access token without the needed grant).</summary>
public class CartesiaPermissionDeniedException : CartesiaApiException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaPermissionDeniedException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaPermissionDeniedException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
