namespace Cartesia;

/// <summary>
/// An agent call's connection was lost: it dropped, or the service closed it other than normally (for example 1008
/// when the Line stream refused the <c>start</c>) without an error event. Says what was sent and received before.
/// </summary>
public class CartesiaAgentConnectionLostException : CartesiaConnectionLostException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaAgentConnectionLostException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaAgentConnectionLostException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>Bytes of audio on the wire before the loss.</summary>
    public long AudioBytesSent { get; init; }

    /// <summary>Messages on the wire before the loss (the opening one included).</summary>
    public long MessagesSent { get; init; }
}
