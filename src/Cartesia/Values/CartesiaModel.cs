using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cartesia;

/// <summary>
/// The base of every request and response model. Fields this SDK does not know yet are kept in
/// <see cref="AdditionalProperties"/>: a response's unknown fields survive a round trip, and a request's extra
/// fields are sent as they are (for fields the service added after this SDK).
/// </summary>
public abstract class CartesiaModel
{
    /// <summary>Fields of the JSON object that this SDK does not model, by name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
