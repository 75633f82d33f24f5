namespace Cartesia.Agents;

/// <summary>A page of metrics (<c>GET /agents/metrics</c>, which pages forward only and is not auto-paged).</summary>
public sealed class MetricListOptions
{
    /// <summary>Metrics per page, 1–100 (the service's default is 10).</summary>
    public int? Limit { get; set; }

    /// <summary>Start after the metric with this id (<c>starting_after</c>): the last id of the previous page.</summary>
    public string? StartingAfter { get; set; }
}
