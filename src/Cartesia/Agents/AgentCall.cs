using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>A call to an agent.</summary>
public sealed class AgentCall : CartesiaResult
{
    /// <summary>The call id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The agent id.</summary>
    [JsonPropertyName("agent_id")]
    public string AgentId { get; init; } = string.Empty;

    /// <summary>When the call started.</summary>
    [JsonPropertyName("start_time")]
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the call ended.</summary>
    [JsonPropertyName("end_time")]
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The transcript (in lists only when asked for with <c>IncludeTranscript</c>).</summary>
    [JsonPropertyName("transcript")]
    public IReadOnlyList<AgentTranscript>? Transcript { get; init; }

    /// <summary>The numbers, for a phone call.</summary>
    [JsonPropertyName("telephony_params")]
    public TelephonyParams? TelephonyParams { get; init; }

    /// <summary>A summary Cartesia generated.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>The status.</summary>
    [JsonPropertyName("status")]
    public AgentCallStatus Status { get; init; }

    /// <summary>What went wrong, if the call failed.</summary>
    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; init; }

    /// <summary>The deployment that took the call.</summary>
    [JsonPropertyName("deployment_id")]
    public string? DeploymentId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Status})";
}
