using System.Text.Json.Serialization;

namespace Cartesia.Datasets;

/// <summary>A file of a dataset.</summary>
public sealed class DatasetFile : CartesiaModel
{
    /// <summary>The file id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The original file name.</summary>
    [JsonPropertyName("filename")]
    public string FileName { get; init; } = string.Empty;

    /// <summary>When the file was added (ISO-8601 text).</summary>
    [JsonPropertyName("created_at")]
    public string CreatedAt { get; init; } = string.Empty;

    /// <summary>The size in bytes.</summary>
    [JsonPropertyName("size")]
    public long Size { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{FileName} ({Id}, {Size} bytes)";
}
