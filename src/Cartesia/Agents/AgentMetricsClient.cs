using Cartesia.Core;
using Cartesia.Core.Http;
using System.Text.RegularExpressions;

namespace Cartesia.Agents;

/// <summary>
/// LLM-as-a-judge metrics (<c>/agents/metrics</c>): create, get, list (one page at a time, as the API pages it), add
/// to and remove from an agent, and their <see cref="Results"/>. Reach it as <c>client.Agents.Metrics</c>.
/// </summary>
public partial class AgentMetricsClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected AgentMetricsClient()
    {
        _core = null!;
        Results = null!;
    }

    internal AgentMetricsClient(ClientCore core)
    {
        _core = core;
        Results = new AgentMetricResultsClient(core);
    }

    /// <summary>The results of metrics on calls: list and export.</summary>
    public virtual AgentMetricResultsClient Results { get; }

    /// <summary>Creates a metric (<c>POST /agents/metrics</c>).</summary>
    /// <param name="request">The unique name, the prompt and an optional display name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Metric> CreateAsync(MetricCreateRequest request, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="CreateAsync"/>.</summary>
    /// <param name="request">The unique name, the prompt and an optional display name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Metric Create(MetricCreateRequest request, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a metric (<c>GET /agents/metrics/{metric_id}</c>).</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Metric> GetAsync(string metricId, CancellationToken cancellationToken = default)
        => GetCoreAsync(metricId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GetAsync"/>.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Metric Get(string metricId, CancellationToken cancellationToken = default)
        => GetCoreAsync(metricId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Gets one page of metrics (<c>GET /agents/metrics</c>). Like the official SDKs this is not auto-paged: for the
    /// next page pass the last metric's id as <see cref="MetricListOptions.StartingAfter"/> while
    /// <see cref="CartesiaPage{T}.HasMore"/> is true.
    /// </summary>
    /// <param name="options">Page size and cursor; null for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaPage<Metric>> ListAsync(MetricListOptions? options = null, CancellationToken cancellationToken = default)
        => ListCoreAsync(options, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="options">Page size and cursor; null for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaPage<Metric> List(MetricListOptions? options = null, CancellationToken cancellationToken = default)
        => ListCoreAsync(options, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Adds a metric to an agent, so it runs on its calls from now on (<c>POST /agents/{agent_id}/metrics/{metric_id}</c>).</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="metricId">The metric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaResponseInfo> AddToAgentAsync(string agentId, string metricId, CancellationToken cancellationToken = default)
        => LinkCoreAsync(HttpMethod.Post, agentId, metricId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="AddToAgentAsync"/>.</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="metricId">The metric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaResponseInfo AddToAgent(string agentId, string metricId, CancellationToken cancellationToken = default)
        => LinkCoreAsync(HttpMethod.Post, agentId, metricId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Removes a metric from an agent (<c>DELETE /agents/{agent_id}/metrics/{metric_id}</c>); its results stay.
    /// </summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="metricId">The metric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaResponseInfo> RemoveFromAgentAsync(string agentId, string metricId, CancellationToken cancellationToken = default)
        => LinkCoreAsync(HttpMethod.Delete, agentId, metricId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="RemoveFromAgentAsync"/>.</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="metricId">The metric id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaResponseInfo RemoveFromAgent(string agentId, string metricId, CancellationToken cancellationToken = default)
        => LinkCoreAsync(HttpMethod.Delete, agentId, metricId, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Metric> CreateCoreAsync(MetricCreateRequest request, bool async, CancellationToken cancellationToken)
    {
        Validate.NotNull(request, nameof(request));
        if (string.IsNullOrEmpty(request.Name) || !NamePattern().IsMatch(request.Name))
        {
            throw new ArgumentException($"MetricCreateRequest.Name (name) '{request.Name}' must be lower-case letters, digits, '_', '-' and '.' only.", nameof(request));
        }

        Validate.Text(request.Prompt, "MetricCreateRequest.Prompt (prompt)", nameof(request));
        Validate.OptionalText(request.DisplayName, "MetricCreateRequest.DisplayName (display_name)", nameof(request));
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Post, "/agents/metrics", "agents.metrics.create", JsonBody.Create(request, _core.Json.MetricCreateRequest)), _core.Json.Metric, async, cancellationToken);
    }

    private ValueTask<Metric> GetCoreAsync(string metricId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(metricId, nameof(metricId), nameof(metricId));
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Get, $"/agents/metrics/{id}", "agents.metrics.get"), _core.Json.Metric, async, cancellationToken);
    }

    private ValueTask<CartesiaPage<Metric>> ListCoreAsync(MetricListOptions? options, bool async, CancellationToken cancellationToken)
    {
        Validate.Limit(options?.Limit, "MetricListOptions.Limit", nameof(options));
        Validate.OptionalId(options?.StartingAfter, "MetricListOptions.StartingAfter (starting_after)", nameof(options));
        var query = new QueryString().Add("limit", options?.Limit).Add("starting_after", options?.StartingAfter);
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Get, "/agents/metrics" + query, "agents.metrics.list"), _core.Json.CartesiaPageMetric, async, cancellationToken);
    }

    private ValueTask<CartesiaResponseInfo> LinkCoreAsync(HttpMethod method, string agentId, string metricId, bool async, CancellationToken cancellationToken)
    {
        string agent = PathSegment.Escape(agentId, nameof(agentId), nameof(agentId));
        string metric = PathSegment.Escape(metricId, nameof(metricId), nameof(metricId));
        string operation = method == HttpMethod.Post ? "agents.metrics.add_to_agent" : "agents.metrics.remove_from_agent";
        return _core.SendForInfoAsync(PipelineRequest.Json(method, $"/agents/{agent}/metrics/{metric}", operation, accept: "*/*"), async, cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
