using System.Net.WebSockets;

namespace Cartesia;

/// <summary>
/// An agent call ended with a fatal <c>error</c> from the service (managed agents socket): <see cref="CartesiaStreamException.ErrorCode"/>
/// is its code — <c>missing_dynamic_variables</c>, <c>invalid_dynamic_variables</c>, <c>dynamic_variables_not_allowed</c>
/// (the session never started), <c>invalid_event</c>, <c>agent_failed</c>, … — and the close that followed is kept.
/// </summary>
public class CartesiaAgentErrorException : CartesiaStreamException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaAgentErrorException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaAgentErrorException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The close status that followed the error (1008 for a client error, 1011 when the agent failed), when one came.</summary>
    public WebSocketCloseStatus? CloseStatus { get; init; }

    /// <summary>The close reason that followed the error.</summary>
    public string? CloseDescription { get; init; }

    /// <summary>Bytes of audio sent before the error.</summary>
    public long AudioBytesSent { get; init; }

    /// <summary>Events received before the error.</summary>
    public long EventsReceived { get; init; }
}
