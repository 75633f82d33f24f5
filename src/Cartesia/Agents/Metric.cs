using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>An LLM-as-a-judge metric, run on the calls of the agents it is added to.</summary>
public sealed class Metric : CartesiaResult
{
    /// <summary>The metric id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The unique name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The name shown in the Playground.</summary>
    [JsonPropertyName("display_name")]
    public string? DisplayName { get; init; }

    /// <summary>The prompt: the task and how to judge it.</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; init; } = string.Empty;

    /// <summary>When the metric was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}
