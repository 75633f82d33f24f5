using System.Text.Json.Serialization;

namespace Cartesia.PronunciationDictionaries;

/// <summary>Changes to a pronunciation dictionary (<c>PATCH /pronunciation-dicts/{id}</c>); unset fields stay as they are.</summary>
public sealed class PronunciationDictionaryUpdateRequest : CartesiaModel
{
    /// <summary>A new name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The new list of mappings (it replaces the old one).</summary>
    [JsonPropertyName("items")]
    public IList<PronunciationDictionaryItem>? Items { get; set; }
}
