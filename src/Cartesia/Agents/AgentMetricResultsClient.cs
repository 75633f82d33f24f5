using System.Globalization;
using System.Text;
using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Paging;

namespace Cartesia.Agents;

/// <summary>The results of metrics on calls: list (auto-paging) and export as CSV. Reach it as <c>client.Agents.Metrics.Results</c>.</summary>
public class AgentMetricResultsClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected AgentMetricResultsClient() => _core = null!;

    internal AgentMetricResultsClient(ClientCore core) => _core = core;

    /// <summary>Lists metric results (<c>GET /agents/metrics/results</c>), fetching pages as you enumerate.</summary>
    /// <param name="filter">Which results; null for all.</param>
    /// <param name="options">Paging; null for the service's default page size.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaAsyncPageable<MetricResult> ListAsync(MetricResultFilter? filter = null, CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new AsyncPageable<MetricResult>(PrepareList(filter, options), cancellationToken);

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="filter">Which results; null for all.</param>
    /// <param name="options">Paging; null for the service's default page size.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaPageable<MetricResult> List(MetricResultFilter? filter = null, CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new SyncPageable<MetricResult>(PrepareList(filter, options), cancellationToken);

    /// <summary>
    /// Exports metric results as CSV text (<c>GET /agents/metrics/results/export</c>, at most 100 000 rows: the
    /// service answers 400 for more and 404 when none match).
    /// </summary>
    /// <param name="filter">Which results; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<MetricResultsExport> ExportAsync(MetricResultFilter? filter = null, CancellationToken cancellationToken = default)
        => ExportCoreAsync(filter, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="ExportAsync"/>.</summary>
    /// <param name="filter">Which results; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual MetricResultsExport Export(MetricResultFilter? filter = null, CancellationToken cancellationToken = default)
        => ExportCoreAsync(filter, async: false, cancellationToken).EnsureCompleted();

    private PageRequest<MetricResult> PrepareList(MetricResultFilter? filter, CartesiaListOptions? options)
    {
        PageRequest<MetricResult>.ValidateOptions(options, "CartesiaListOptions", nameof(options));
        return new PageRequest<MetricResult>(_core, "/agents/metrics/results", "agents.metrics.results.list", Filters(filter, nameof(filter)), options, _core.Json.CartesiaPageMetricResult, r => r.Id);
    }

    private async ValueTask<MetricResultsExport> ExportCoreAsync(MetricResultFilter? filter, bool async, CancellationToken cancellationToken)
    {
        var query = new QueryString();
        foreach ((string name, string value) in Filters(filter, nameof(filter)))
        {
            query.Add(name, value);
        }

        using PipelineResponse response = await _core.Pipeline.SendAsync(PipelineRequest.Json(HttpMethod.Get, "/agents/metrics/results/export" + query, "agents.metrics.results.export", accept: "text/csv"), async, cancellationToken).ConfigureAwait(false);
        return new MetricResultsExport(Encoding.UTF8.GetString(response.Body ?? [])) { Response = response.Info };
    }

    private static List<KeyValuePair<string, string>> Filters(MetricResultFilter? filter, string paramName)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (filter is null)
        {
            return query;
        }

        Add("agent_id", filter.AgentId, "AgentId");
        Add("deployment_id", filter.DeploymentId, "DeploymentId");
        Add("metric_id", filter.MetricId, "MetricId");
        Add("call_id", filter.CallId, "CallId");
        if (filter.StartDate is { } start && filter.EndDate is { } end && end < start)
        {
            throw new ArgumentException("MetricResultFilter.EndDate is before StartDate.", paramName);
        }

        Add("start_date", Iso(filter.StartDate), "StartDate");
        Add("end_date", Iso(filter.EndDate), "EndDate");
        return query;

        void Add(string name, string? value, string property)
        {
            if (value is not null)
            {
                Validate.Id(value, $"MetricResultFilter.{property} ({name})", paramName);
                query.Add(new(name, value));
            }
        }
    }

    /// <summary>An ISO-8601 UTC time (<c>2024-04-01T00:00:00Z</c>), as the API's examples write it.</summary>
    private static string? Iso(DateTimeOffset? value)
        => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
