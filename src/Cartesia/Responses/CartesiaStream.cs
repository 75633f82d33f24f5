using System.Collections;

namespace Cartesia;

/// <summary>
/// The synchronous twin of <see cref="CartesiaAsyncStream{T}"/>, read with <c>foreach</c>. The request is sent
/// when enumeration starts; the stream can be enumerated once and ends in exactly one way, like its
/// asynchronous twin. Leaving the loop early closes the connection.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A stream of events, named for what users call it; it is not a System.IO.Stream.")]
public abstract class CartesiaStream<T> : IEnumerable<T>
{
    /// <summary>
    /// The status, headers and request id of the response, once enumeration has started and the response
    /// arrived; <see langword="null"/> before.
    /// </summary>
    public CartesiaResponseInfo? Response { get; protected set; }

    /// <inheritdoc />
    public abstract IEnumerator<T> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
