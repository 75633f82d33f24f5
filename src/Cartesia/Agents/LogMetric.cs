using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>A metric logged by the agent's code.</summary>
public sealed class LogMetric : CartesiaModel
{
    /// <summary>The metric name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The value.</summary>
    [JsonPropertyName("value")]
    public double Value { get; init; }

    /// <summary>When it arrived, in seconds from the start of the call.</summary>
    [JsonPropertyName("timestamp")]
    public double Timestamp { get; init; }
}
