namespace Cartesia.Agents;

/// <summary>Which metric results to list or export; every filter is optional and they combine.</summary>
public sealed class MetricResultFilter
{
    /// <summary>Only results of this agent (<c>agent_id</c>).</summary>
    public string? AgentId { get; set; }

    /// <summary>Only results of this deployment (<c>deployment_id</c>).</summary>
    public string? DeploymentId { get; set; }

    /// <summary>Only results of this metric (<c>metric_id</c>).</summary>
    public string? MetricId { get; set; }

    /// <summary>Only results of this call (<c>call_id</c>).</summary>
    public string? CallId { get; set; }

    /// <summary>Only results created at or after this time (<c>start_date</c>, ISO-8601).</summary>
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>Only results created at or before this time (<c>end_date</c>, ISO-8601).</summary>
    public DateTimeOffset? EndDate { get; set; }
}
