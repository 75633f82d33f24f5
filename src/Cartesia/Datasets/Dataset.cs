using System.Text.Json.Serialization;

namespace Cartesia.Datasets;

/// <summary>A dataset: a collection of audio files to fine-tune a model on.</summary>
public sealed class Dataset : CartesiaResult
{
    /// <summary>The dataset id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    /// <summary>When the dataset was created (ISO-8601 text, as the API types it).</summary>
    [JsonPropertyName("created_at")]
    public string CreatedAt { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}
