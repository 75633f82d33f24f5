using System.Text.Json.Serialization;

namespace Cartesia.Catalog;

/// <summary>The body of <c>GET /models</c>: <c>{"models": [...]}</c>.</summary>
internal sealed class ModelCatalogBody : CartesiaModel
{
    [JsonPropertyName("models")]
    public IReadOnlyList<ModelInfo>? Models { get; init; }
}
