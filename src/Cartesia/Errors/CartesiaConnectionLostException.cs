using System.Net.WebSockets;

namespace Cartesia;

/// <summary>
/// The WebSocket a generation or session ran on was lost before it finished: the audio or transcript delivered
/// so far is truncated. <see cref="CartesiaIncompleteStreamException.AudioBytesReceived"/> says how much arrived.
/// </summary>
public class CartesiaConnectionLostException : CartesiaIncompleteStreamException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaConnectionLostException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaConnectionLostException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The close status the service sent, or null when the connection dropped without a close frame.</summary>
    public WebSocketCloseStatus? CloseStatus { get; init; }

    /// <summary>The close reason the service sent.</summary>
    public string? CloseDescription { get; init; }

    /// <summary>How long the delivered audio lasts, when the SDK knows the format.</summary>
    public TimeSpan? AudioDurationReceived { get; init; }
}
