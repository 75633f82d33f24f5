using System.Text.Json.Serialization;

namespace Cartesia.Catalog;

/// <summary>The body of <c>GET /locales</c>: <c>{"locales": [...]}</c>.</summary>
internal sealed class LocaleCatalogBody : CartesiaModel
{
    [JsonPropertyName("locales")]
    public IReadOnlyList<LocaleInfo>? Locales { get; init; }
}
