using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>A new metric (<c>POST /agents/metrics</c>).</summary>
public sealed class MetricCreateRequest : CartesiaModel
{
    /// <summary>The unique name: lower-case letters, digits, <c>_</c>, <c>-</c> and <c>.</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    /// <summary>The prompt: the task and how to judge it.</summary>
    [JsonPropertyName("prompt")]
    public required string Prompt { get; set; }

    /// <summary>The name shown in the Playground.</summary>
    [JsonPropertyName("display_name")]
    public string? DisplayName { get; set; }
}
