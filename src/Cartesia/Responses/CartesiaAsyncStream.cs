namespace Cartesia;

/// <summary>
/// A stream of events from one response, read with <c>await foreach</c>. The request is sent when enumeration
/// starts; the stream can be enumerated once. It ends in exactly one way: normally after its final event, or
/// with an exception (<see cref="CartesiaStreamException"/> for an error the service reported,
/// <see cref="CartesiaIncompleteStreamException"/> when it stopped early, <see cref="CartesiaTimeoutException"/>,
/// <see cref="OperationCanceledException"/>). Leaving the loop early closes the connection.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A stream of events, named for what users call it; it is not a System.IO.Stream.")]
public abstract class CartesiaAsyncStream<T> : IAsyncEnumerable<T>
{
    /// <summary>
    /// The status, headers and request id of the response, once enumeration has started and the response
    /// arrived; <see langword="null"/> before.
    /// </summary>
    public CartesiaResponseInfo? Response { get; protected set; }

    /// <inheritdoc />
    public abstract IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default);
}
