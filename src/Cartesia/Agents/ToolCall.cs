using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>A tool the agent called during a turn.</summary>
public sealed class ToolCall : CartesiaModel
{
    /// <summary>The call id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The tool name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The arguments.</summary>
    [JsonPropertyName("arguments")]
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();
}
