using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>A piece of a transcript turn with its time.</summary>
public sealed class TextChunk : CartesiaModel
{
    /// <summary>The text.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = string.Empty;

    /// <summary>Its start, in seconds from the start of the call.</summary>
    [JsonPropertyName("start_timestamp")]
    public double StartTimestamp { get; init; }
}
