using Cartesia.Core;
using Cartesia.Core.Http;

namespace Cartesia.Agents;

/// <summary>Deployments of agents: list an agent's, get one. Reach it as <c>client.Agents.Deployments</c>.</summary>
public class AgentDeploymentsClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected AgentDeploymentsClient() => _core = null!;

    internal AgentDeploymentsClient(ClientCore core) => _core = core;

    /// <summary>Lists an agent's deployments (<c>GET /agents/{agent_id}/deployments</c>; not paged).</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaList<Deployment>> ListAsync(string agentId, CancellationToken cancellationToken = default)
        => ListCoreAsync(agentId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaList<Deployment> List(string agentId, CancellationToken cancellationToken = default)
        => ListCoreAsync(agentId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a deployment (<c>GET /agents/deployments/{deployment_id}</c>).</summary>
    /// <param name="deploymentId">The deployment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Deployment> GetAsync(string deploymentId, CancellationToken cancellationToken = default)
        => GetCoreAsync(deploymentId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GetAsync"/>.</summary>
    /// <param name="deploymentId">The deployment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Deployment Get(string deploymentId, CancellationToken cancellationToken = default)
        => GetCoreAsync(deploymentId, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<CartesiaList<Deployment>> ListCoreAsync(string agentId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(agentId, nameof(agentId), nameof(agentId));
        return _core.SendForListAsync(PipelineRequest.Json(HttpMethod.Get, $"/agents/{id}/deployments", "agents.deployments.list"), _core.Json.ListDeployment, async, cancellationToken);
    }

    private ValueTask<Deployment> GetCoreAsync(string deploymentId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(deploymentId, nameof(deploymentId), nameof(deploymentId));
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Get, $"/agents/deployments/{id}", "agents.deployments.get"), _core.Json.Deployment, async, cancellationToken);
    }
}
