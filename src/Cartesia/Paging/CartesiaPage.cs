using System.Text.Json.Serialization;

namespace Cartesia;

/// <summary>
/// One page of a list: its items, whether the service says more follow, the service's cursor for the next page,
/// and (through <see cref="CartesiaResult.Response"/>) the response it came from.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class CartesiaPage<T> : CartesiaResult
{
    /// <summary>The items of this page, in the service's order.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<T> Data { get; init; } = [];

    /// <summary>
    /// Whether more items follow, or <see langword="null"/> where the endpoint does not say (<c>/agents/calls</c>).
    /// </summary>
    [JsonPropertyName("has_more")]
    public bool? HasMore { get; init; }

    /// <summary>
    /// The service's cursor for the next page (an item id to pass as <c>StartingAfter</c>), or null. Auto-paging
    /// uses the id of the last item instead, as the official SDKs do.
    /// </summary>
    [JsonPropertyName("next_page")]
    public string? NextPage { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"CartesiaPage<{typeof(T).Name}> {{ Items = {Data.Count}, HasMore = {(HasMore is { } more ? (more ? "true" : "false") : "(unknown)")}, NextPage = {NextPage ?? "(none)"} }}";
}
