using System.Text.Json.Serialization;

namespace Cartesia.Voices;

/// <summary>The body of <c>PATCH /voices/{id}/accents</c>: <c>{"accents": [...]}</c>.</summary>
internal sealed class VoiceAccentsRequest : CartesiaModel
{
    [JsonPropertyName("accents")]
    public required IReadOnlyList<VoiceAccent> Accents { get; init; }
}
