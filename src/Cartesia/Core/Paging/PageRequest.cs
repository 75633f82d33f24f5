using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Cartesia.Core.Http;

namespace Cartesia.Core.Paging;

/// <summary>
/// How to fetch the pages of one list call (PROTOCOL.md §7): the same query each time, with the cursor moved to the
/// id of the last item (forward) or of the first item (backward, when the call started with <c>ending_before</c>).
/// Paging stops on an empty page, when the service says <c>has_more: false</c>, or when the edge item has no id.
/// </summary>
internal sealed class PageRequest<T>
{
    private readonly ClientCore _core;
    private readonly string _path;
    private readonly string _operation;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _filters;
    private readonly int? _limit;
    private readonly string? _startingAfter;
    private readonly string? _endingBefore;
    private readonly JsonTypeInfo<CartesiaPage<T>> _typeInfo;
    private readonly Func<T, string?> _idOf;

    public PageRequest(ClientCore core, string path, string operation, IReadOnlyList<KeyValuePair<string, string>> filters, CartesiaListOptions? options, JsonTypeInfo<CartesiaPage<T>> typeInfo, Func<T, string?> idOf)
    {
        _core = core;
        _path = path;
        _operation = operation;
        _filters = filters;
        _limit = options?.Limit;
        _startingAfter = options?.StartingAfter;
        _endingBefore = options?.EndingBefore;
        _typeInfo = typeInfo;
        _idOf = idOf;
    }

    /// <summary>Checks the paging options (before anything is sent).</summary>
    public static void ValidateOptions(CartesiaListOptions? options, string type, string paramName)
    {
        if (options is null)
        {
            return;
        }

        Validate.Limit(options.Limit, $"{type}.Limit", paramName);
        Validate.OptionalId(options.StartingAfter, $"{type}.StartingAfter (starting_after)", paramName);
        Validate.OptionalId(options.EndingBefore, $"{type}.EndingBefore (ending_before)", paramName);
    }

    /// <summary>Fetches one page with the given cursors.</summary>
    public ValueTask<CartesiaPage<T>> FetchAsync(string? startingAfter, string? endingBefore, bool async, CancellationToken cancellationToken)
    {
        var query = new QueryString();
        foreach ((string name, string value) in _filters)
        {
            query.Add(name, value);
        }

        query.Add("limit", _limit).Add("starting_after", startingAfter).Add("ending_before", endingBefore);
        return _core.SendForJsonAsync(
            new PipelineRequest { Method = HttpMethod.Get, PathAndQuery = _path + query, Operation = _operation },
            _typeInfo,
            async,
            cancellationToken);
    }

    public async IAsyncEnumerable<CartesiaPage<T>> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Cursor? cursor = new(_startingAfter, _endingBefore);
        for (bool first = true; cursor is { } current; first = false)
        {
            CartesiaPage<T> page = await FetchAsync(current.StartingAfter, current.EndingBefore, async: true, cancellationToken).ConfigureAwait(false);
            if (first || page.Data.Count > 0)
            {
                yield return page;
            }

            cursor = Next(page, current);
        }
    }

    public IEnumerable<CartesiaPage<T>> Pages(CancellationToken cancellationToken)
    {
        Cursor? cursor = new(_startingAfter, _endingBefore);
        for (bool first = true; cursor is { } current; first = false)
        {
            CartesiaPage<T> page = FetchAsync(current.StartingAfter, current.EndingBefore, async: false, cancellationToken).EnsureCompleted();
            if (first || page.Data.Count > 0)
            {
                yield return page;
            }

            cursor = Next(page, current);
        }
    }

    /// <summary>The cursor of the page after this one, or null when paging is over.</summary>
    private Cursor? Next(CartesiaPage<T> page, Cursor current)
    {
        if (page.Data.Count == 0 || page.HasMore == false)
        {
            return null;
        }

        bool backward = _endingBefore is not null;
        string? edge = _idOf(backward ? page.Data[0] : page.Data[^1]);
        if (string.IsNullOrEmpty(edge))
        {
            return null;
        }

        return backward ? current with { EndingBefore = edge } : current with { StartingAfter = edge };
    }

    private readonly record struct Cursor(string? StartingAfter, string? EndingBefore);
}
