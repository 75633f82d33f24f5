using System.Text.Json.Serialization;

namespace Cartesia;

/// <summary>
/// A model that can be the result of a REST call; when it is, <see cref="Response"/> gives the status,
/// headers and request id of the response it came from.
/// </summary>
public abstract class CartesiaResult : CartesiaModel
{
    /// <summary>
    /// The response this object was read from (status, headers, request id), or <see langword="null"/> when it
    /// was not the whole result of a call (for example an item of a list).
    /// </summary>
    [JsonIgnore]
    public CartesiaResponseInfo? Response { get; internal set; }
}
