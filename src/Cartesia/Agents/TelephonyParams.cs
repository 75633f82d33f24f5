using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>The telephone numbers of a call made by phone.</summary>
public sealed class TelephonyParams : CartesiaModel
{
    /// <summary>The caller's number.</summary>
    [JsonPropertyName("to")]
    public string To { get; init; } = string.Empty;

    /// <summary>The agent's number.</summary>
    [JsonPropertyName("from")]
    public string From { get; init; } = string.Empty;
}
