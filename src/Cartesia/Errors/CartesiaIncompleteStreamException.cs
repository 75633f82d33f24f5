namespace Cartesia;

/// <summary>
/// A stream ended before its final event: the body or connection closed without the <c>done</c> the protocol
/// promises, so what was delivered is a truncated generation, never a success.
/// </summary>
public class CartesiaIncompleteStreamException : CartesiaConnectionException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaIncompleteStreamException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaIncompleteStreamException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>How many bytes of audio were delivered before the stream ended.</summary>
    public long AudioBytesReceived { get; init; }

    /// <summary>How many events were delivered before the stream ended.</summary>
    public int EventsReceived { get; init; }

    /// <summary>The generation's context id, when the stream had one.</summary>
    public string? ContextId { get; init; }
}
