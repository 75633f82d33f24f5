namespace Cartesia;

/// <summary>
/// The service reported an error inside a stream: an <c>error</c> event of a Server-Sent Events stream or an
/// error frame on a WebSocket. The stream ends with this exception; both the structured error shape and the
/// legacy one (<c>"error": "Title: Message"</c>) are parsed into the same properties.
/// </summary>
public class CartesiaStreamException : CartesiaException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaStreamException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaStreamException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP-like status code of the error event, for example 400 or 429.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The machine-readable error code, for example <c>concurrency_limited</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The short summary of the error.</summary>
    public string? Title { get; init; }

    /// <summary>The detailed message of the error.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The request id the service gave, for Cartesia support.</summary>
    public string? RequestId { get; init; }

    /// <summary>A link to documentation about the error.</summary>
    public string? DocUrl { get; init; }

    /// <summary>The generation's context id, when the error named one.</summary>
    public string? ContextId { get; init; }

    /// <summary>How many bytes of audio the stream had delivered before the error.</summary>
    public long AudioBytesReceived { get; init; }
}
