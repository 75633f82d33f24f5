namespace Cartesia.Emulator.Protocol;

/// <summary>
/// Cursor paging by item id as PROTOCOL.md §7 and §22.5 describe: <c>limit</c> 1–100, <c>starting_after</c> (the
/// items after an id) or <c>ending_before</c> (the page just before an id), <c>has_more</c>, <c>next_page</c>,
/// and an empty page past the end. An unknown cursor is a 400.
/// </summary>
internal static class Paging
{
    public static Page<T> Apply<T>(HttpRequest request, IReadOnlyList<T> items, Func<T, string> idOf, int defaultLimit = 20, bool allowEndingBefore = true)
    {
        int limit = defaultLimit;
        string? limitText = request.Query["limit"];
        if (!string.IsNullOrEmpty(limitText) && (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            throw ApiError.Invalid($"limit must be an integer between 1 and 100; '{limitText}' is not.");
        }

        string? after = NonEmpty(request.Query["starting_after"]);
        string? before = allowEndingBefore ? NonEmpty(request.Query["ending_before"]) : null;
        int start = 0, end = items.Count;
        if (after is not null)
        {
            start = IndexOf(items, idOf, after, "starting_after") + 1;
        }

        if (before is not null)
        {
            end = IndexOf(items, idOf, before, "ending_before");
        }

        if (end < start)
        {
            end = start;
        }

        List<T> page;
        bool hasMore;
        if (before is not null)
        {
            // The page just before the cursor, in list order; "more" means more before it.
            int from = Math.Max(start, end - limit);
            page = items.Skip(from).Take(end - from).ToList();
            hasMore = from > start;
            return new Page<T>(page, hasMore, hasMore && page.Count > 0 ? idOf(page[0]) : null);
        }

        page = items.Skip(start).Take(Math.Min(limit, end - start)).ToList();
        hasMore = start + page.Count < end;
        return new Page<T>(page, hasMore, hasMore && page.Count > 0 ? idOf(page[^1]) : null);
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, string> idOf, string id, string parameter)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (string.Equals(idOf(items[i]), id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw ApiError.Invalid($"{parameter} '{id}' is not an item of this list.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
