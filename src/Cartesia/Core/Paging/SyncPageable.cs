namespace Cartesia.Core.Paging;

/// <summary>The synchronous pageable over a <see cref="PageRequest{T}"/>.</summary>
internal sealed class SyncPageable<T> : CartesiaPageable<T>
{
    private readonly PageRequest<T> _request;
    private readonly CancellationToken _operationToken;

    public SyncPageable(PageRequest<T> request, CancellationToken operationToken)
    {
        _request = request;
        _operationToken = operationToken;
    }

    public override IEnumerable<CartesiaPage<T>> AsPages() => _request.Pages(_operationToken);
}
