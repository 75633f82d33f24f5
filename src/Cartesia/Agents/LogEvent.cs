using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>An event logged by the agent's code.</summary>
public sealed class LogEvent : CartesiaModel
{
    /// <summary>The event name.</summary>
    [JsonPropertyName("event")]
    public string Event { get; init; } = string.Empty;

    /// <summary>Its metadata.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>When it arrived, in seconds from the start of the call.</summary>
    [JsonPropertyName("timestamp")]
    public double Timestamp { get; init; }
}
