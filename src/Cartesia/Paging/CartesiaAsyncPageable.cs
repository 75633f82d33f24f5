namespace Cartesia;

/// <summary>
/// A list that fetches its pages as you enumerate it (<c>await foreach</c> over the items), following the cursor
/// from page to page. Nothing is sent until enumeration starts; each enumeration starts again from the first page.
/// Use <see cref="AsPages"/> for the pages themselves.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class CartesiaAsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>The pages, fetched one at a time as they are enumerated.</summary>
    /// <param name="cancellationToken">Stops fetching.</param>
    public abstract IAsyncEnumerable<CartesiaPage<T>> AsPages(CancellationToken cancellationToken = default);

    /// <summary>Every item of every page, fetching the next page when the current one is used up.</summary>
    /// <param name="cancellationToken">Stops fetching.</param>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (CartesiaPage<T> page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (T item in page.Data)
            {
                yield return item;
            }
        }
    }

    /// <summary>Reads every item of every page into a list.</summary>
    /// <param name="cancellationToken">Stops fetching.</param>
    public async Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<T>();
        await foreach (T item in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }
}
