using System.Net.WebSockets;

namespace Cartesia;

/// <summary>
/// A WebSocket failed at the connection level: it closed with an error status, closed when it should not have,
/// or could not be used. A rejected handshake with an HTTP status is a <see cref="CartesiaApiException"/> instead.
/// </summary>
public class CartesiaWebSocketException : CartesiaConnectionException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaWebSocketException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaWebSocketException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The close status the peer sent, or null when the connection dropped without a close frame.</summary>
    public WebSocketCloseStatus? CloseStatus { get; init; }

    /// <summary>The close reason the peer sent.</summary>
    public string? CloseDescription { get; init; }
}
