using System.Text.Json.Serialization;

namespace Cartesia.PronunciationDictionaries;

/// <summary>A new pronunciation dictionary (<c>POST /pronunciation-dicts/</c>).</summary>
public sealed class PronunciationDictionaryCreateRequest : CartesiaModel
{
    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    /// <summary>The initial mappings (optional).</summary>
    [JsonPropertyName("items")]
    public IList<PronunciationDictionaryItem>? Items { get; set; }
}
