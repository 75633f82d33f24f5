namespace Cartesia;

/// <summary>
/// A stream's consumer fell too far behind: more audio was waiting unread than the configured limit (for a
/// WebSocket context, <see cref="Tts.TtsWebSocketOptions.MaxBufferedBytesPerContext"/>). The stream was cancelled
/// rather than let memory grow without bound or slow down other streams.
/// </summary>
public class CartesiaBufferOverflowException : CartesiaException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaBufferOverflowException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaBufferOverflowException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long LimitBytes { get; init; }
}
