using System.Text.Json.Serialization;

namespace Cartesia.PronunciationDictionaries;

/// <summary>A pronunciation dictionary: text-to-alias mappings TTS applies when a request names it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The service calls it a pronunciation dictionary; it is not an IDictionary.")]
public sealed class PronunciationDictionary : CartesiaResult
{
    /// <summary>The dictionary id (what <c>PronunciationDictId</c> on TTS requests takes).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The id of the owning user.</summary>
    [JsonPropertyName("owner_id")]
    public string OwnerId { get; init; } = string.Empty;

    /// <summary>Whether the dictionary is pinned for the user.</summary>
    [JsonPropertyName("pinned")]
    public bool Pinned { get; init; }

    /// <summary>The mappings.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<PronunciationDictionaryItem> Items { get; init; } = [];

    /// <summary>When the dictionary was created (ISO-8601 text).</summary>
    [JsonPropertyName("created_at")]
    public string CreatedAt { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id}, {Items.Count} items)";
}
