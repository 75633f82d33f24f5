using System.Text.Json.Serialization;
using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>The result of a metric on a call (the API writes these keys in camelCase).</summary>
public sealed class MetricResult : CartesiaModel
{
    /// <summary>The result id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The metric id.</summary>
    [JsonPropertyName("metricId")]
    public string MetricId { get; init; } = string.Empty;

    /// <summary>The metric name.</summary>
    [JsonPropertyName("metricName")]
    public string MetricName { get; init; } = string.Empty;

    /// <summary>A summary of the call.</summary>
    [JsonPropertyName("summary")]
    public string Summary { get; init; } = string.Empty;

    /// <summary>The call transcript.</summary>
    [JsonPropertyName("transcript")]
    public IReadOnlyList<AgentTranscript>? Transcript { get; init; }

    /// <summary>The agent id.</summary>
    [JsonPropertyName("agentId")]
    public string AgentId { get; init; } = string.Empty;

    /// <summary>The call id.</summary>
    [JsonPropertyName("callId")]
    public string CallId { get; init; } = string.Empty;

    /// <summary>The deployment id.</summary>
    [JsonPropertyName("deploymentId")]
    public string DeploymentId { get; init; } = string.Empty;

    /// <summary>The raw result.</summary>
    [JsonPropertyName("result")]
    public string Result { get; init; } = string.Empty;

    /// <summary>The structured result, if any.</summary>
    [JsonPropertyName("jsonResult")]
    public JsonElement? JsonResult { get; init; }

    /// <summary>The value of the result (any JSON), if any.</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }

    /// <summary>Whether the metric was computed.</summary>
    [JsonPropertyName("status")]
    public MetricResultStatus Status { get; init; }

    /// <summary>The run that produced it, if any.</summary>
    [JsonPropertyName("runId")]
    public string? RunId { get; init; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{MetricName}: {Result} ({Status})";
}
