namespace Cartesia;

/// <summary>
/// Where a paged list starts and how many items each page holds. Auto-paging goes forward from
/// <see cref="StartingAfter"/> (or the start), or backward from <see cref="EndingBefore"/> when that is set.
/// </summary>
public class CartesiaListOptions
{
    /// <summary>Items per page, 1–100 (the service's default when null).</summary>
    public int? Limit { get; set; }

    /// <summary>Start after the item with this id (<c>starting_after</c>).</summary>
    public string? StartingAfter { get; set; }

    /// <summary>End before the item with this id (<c>ending_before</c>); paging then goes backward.</summary>
    public string? EndingBefore { get; set; }
}
