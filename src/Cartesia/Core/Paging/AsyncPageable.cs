namespace Cartesia.Core.Paging;

/// <summary>The asynchronous pageable over a <see cref="PageRequest{T}"/>.</summary>
internal sealed class AsyncPageable<T> : CartesiaAsyncPageable<T>
{
    private readonly PageRequest<T> _request;
    private readonly CancellationToken _operationToken;

    public AsyncPageable(PageRequest<T> request, CancellationToken operationToken)
    {
        _request = request;
        _operationToken = operationToken;
    }

    public override async IAsyncEnumerable<CartesiaPage<T>> AsPages([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_operationToken, cancellationToken);
        await foreach (CartesiaPage<T> page in _request.PagesAsync(linked.Token).ConfigureAwait(false))
        {
            yield return page;
        }
    }
}
