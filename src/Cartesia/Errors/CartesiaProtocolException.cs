namespace Cartesia;

/// <summary>
/// The service sent something the protocol does not allow: an event that is not valid JSON, a frame of the
/// wrong kind, a response body of the wrong type (for example JSON where audio was expected).
/// </summary>
public class CartesiaProtocolException : CartesiaException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaProtocolException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaProtocolException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The beginning of the offending payload (at most a few hundred characters), for diagnosis.</summary>
    public string? Payload { get; init; }
}
