using System.Collections;

namespace Cartesia;

/// <summary>
/// The items of a list the service returns whole (no paging: agents, templates, phone numbers, deployments,
/// accents), with the response they came from.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class CartesiaList<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T> _items;

    /// <summary>Creates a list (the SDK creates these; public for tests).</summary>
    /// <param name="items">The items.</param>
    /// <param name="response">The status, headers and request id of the response.</param>
    public CartesiaList(IReadOnlyList<T> items, CartesiaResponseInfo? response)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
        Response = response;
    }

    /// <summary>The status, headers and request id of the response the items came from.</summary>
    public CartesiaResponseInfo? Response { get; }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
