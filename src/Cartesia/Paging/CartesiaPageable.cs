using System.Collections;

namespace Cartesia;

/// <summary>
/// The synchronous twin of <see cref="CartesiaAsyncPageable{T}"/>: a list that fetches its pages as you enumerate
/// it (<c>foreach</c> over the items). Nothing is sent until enumeration starts. Use <see cref="AsPages"/> for the
/// pages themselves.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class CartesiaPageable<T> : IEnumerable<T>
{
    /// <summary>The pages, fetched one at a time as they are enumerated.</summary>
    public abstract IEnumerable<CartesiaPage<T>> AsPages();

    /// <summary>Every item of every page, fetching the next page when the current one is used up.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        foreach (CartesiaPage<T> page in AsPages())
        {
            foreach (T item in page.Data)
            {
                yield return item;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
