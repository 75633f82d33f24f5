using System.Text.Json.Serialization;

namespace Cartesia.Datasets;

/// <summary>A new dataset (<c>POST /datasets/</c>).</summary>
public sealed class DatasetCreateRequest : CartesiaModel
{
    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    /// <summary>The description (may be empty, but the API requires the field).</summary>
    [JsonPropertyName("description")]
    public required string Description { get; set; }
}
