using System.Text.Json.Serialization;

namespace Cartesia.Datasets;

/// <summary>A dataset's new name and description (<c>PATCH /datasets/{id}</c>; both are required by the API).</summary>
public sealed class DatasetUpdateRequest : CartesiaModel
{
    /// <summary>The new name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    /// <summary>The new description.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; set; }
}
