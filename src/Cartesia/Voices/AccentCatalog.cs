using System.Text.Json.Serialization;

namespace Cartesia.Voices;

/// <summary>The body of <c>GET /accents</c>: <c>{"accents": [...]}</c>.</summary>
internal sealed class AccentCatalog : CartesiaModel
{
    [JsonPropertyName("accents")]
    public IReadOnlyList<Accent>? Accents { get; init; }
}
