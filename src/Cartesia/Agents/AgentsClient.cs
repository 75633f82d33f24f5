using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Json;

namespace Cartesia.Agents;

/// <summary>
/// Agents (Line): list, get, update, delete, templates and phone numbers, with <see cref="Calls"/>,
/// <see cref="Metrics"/> and <see cref="Deployments"/>. Agents are created and deployed with the CLI or the
/// Playground. Reach it as <see cref="CartesiaClient.Agents"/>.
/// </summary>
public class AgentsClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected AgentsClient()
    {
        _core = null!;
        Calls = null!;
        Metrics = null!;
        Deployments = null!;
    }

    internal AgentsClient(ClientCore core)
    {
        _core = core;
        Calls = new AgentCallsClient(core);
        Metrics = new AgentMetricsClient(core);
        Deployments = new AgentDeploymentsClient(core);
    }

    /// <summary>Calls to agents: list, get, download audio.</summary>
    public virtual AgentCallsClient Calls { get; }

    /// <summary>LLM-as-a-judge metrics and their results.</summary>
    public virtual AgentMetricsClient Metrics { get; }

    /// <summary>Deployments of agents.</summary>
    public virtual AgentDeploymentsClient Deployments { get; }

    /// <summary>Lists the account's agents (<c>GET /agents</c>; not paged).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaList<AgentSummary>> ListAsync(CancellationToken cancellationToken = default)
        => ListCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaList<AgentSummary> List(CancellationToken cancellationToken = default)
        => ListCoreAsync(async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets an agent (<c>GET /agents/{agent_id}</c>).</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<AgentSummary> GetAsync(string agentId, CancellationToken cancellationToken = default)
        => GetCoreAsync(agentId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GetAsync"/>.</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual AgentSummary Get(string agentId, CancellationToken cancellationToken = default)
        => GetCoreAsync(agentId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Updates an agent's name, description, voice or language (<c>PATCH /agents/{agent_id}</c>).</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated agent.</returns>
    public virtual Task<AgentSummary> UpdateAsync(string agentId, AgentUpdateRequest request, CancellationToken cancellationToken = default)
        => UpdateCoreAsync(agentId, request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="UpdateAsync"/>.</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated agent.</returns>
    public virtual AgentSummary Update(string agentId, AgentUpdateRequest request, CancellationToken cancellationToken = default)
        => UpdateCoreAsync(agentId, request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Deletes an agent (<c>DELETE /agents/{agent_id}</c>).</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaResponseInfo> DeleteAsync(string agentId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(agentId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="DeleteAsync"/>.</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaResponseInfo Delete(string agentId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(agentId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists Cartesia's agent templates (<c>GET /agents/templates</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaList<AgentTemplate>> ListTemplatesAsync(CancellationToken cancellationToken = default)
        => ListTemplatesCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="ListTemplatesAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaList<AgentTemplate> ListTemplates(CancellationToken cancellationToken = default)
        => ListTemplatesCoreAsync(async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists an agent's phone numbers (<c>GET /agents/{agent_id}/phone-numbers</c>).</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaList<PhoneNumber>> ListPhoneNumbersAsync(string agentId, CancellationToken cancellationToken = default)
        => ListPhoneNumbersCoreAsync(agentId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="ListPhoneNumbersAsync"/>.</summary>
    /// <param name="agentId">The agent id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaList<PhoneNumber> ListPhoneNumbers(string agentId, CancellationToken cancellationToken = default)
        => ListPhoneNumbersCoreAsync(agentId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Opens a call with a managed agent over its WebSocket (<c>/v1/agents/websocket/{agent_id}</c>): sends
    /// <c>session_create</c> and returns once the service answered <c>session_ready</c>. Authenticates with the API key
    /// (<c>X-API-Key</c>) or an access token with the <c>agent</c> grant (or a session token from
    /// <see cref="CreateWebSocketSessionAsync"/>) in the <c>access_token</c> query.
    /// </summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="options">The audio format, output delivery, dynamic variables, client tools; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The live call; dispose it to hang up.</returns>
    /// <exception cref="ArgumentException">An option is not valid (nothing is sent).</exception>
    /// <exception cref="CartesiaApiException">The handshake was refused (401, 403 without the <c>agent</c> grant, 404, 429).</exception>
    /// <exception cref="CartesiaAgentErrorException">The service refused the session (for example <c>missing_dynamic_variables</c>).</exception>
    public virtual async Task<AgentSession> ConnectAsync(string agentId, AgentSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        string id = PathSegment.Escape(agentId, nameof(agentId), nameof(agentId));
        options ??= new AgentSessionOptions();
        int frameBytes = AgentValidator.ValidateCommon(options, nameof(AgentSessionOptions));
        AgentValidator.Validate(options);
        var tools = new Dictionary<string, AgentClientToolHandler>(options.ClientTools, StringComparer.Ordinal);
        var protocol = new ManagedAgentProtocol(id, options, tools.Keys);
        AgentCallCore call = await AgentCallCore.ConnectAsync(_core, agentId, protocol, options, frameBytes, tools, options.KeepAliveInterval, cancellationToken).ConfigureAwait(false);
        return new ManagedAgentSession(call, options.OutputDelivery);
    }

    /// <summary>
    /// Opens a call with a Line agent over the older stream (<c>/agents/stream/{agent_id}</c>): sends <c>start</c> and
    /// returns once the service answered <c>ack</c>. Authenticates with <c>Authorization: Bearer</c> (API key or an
    /// access token with the <c>agent</c> grant).
    /// </summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="options">The audio format, stream id, voice, metadata and overrides; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The live call; dispose it to hang up.</returns>
    /// <exception cref="ArgumentException">An option is not valid (nothing is sent).</exception>
    /// <exception cref="CartesiaApiException">The handshake was refused.</exception>
    /// <exception cref="CartesiaAgentConnectionLostException">The service closed instead of answering <c>start</c>.</exception>
    public virtual async Task<AgentLineSession> ConnectLineStreamAsync(string agentId, AgentLineSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        string id = PathSegment.Escape(agentId, nameof(agentId), nameof(agentId));
        options ??= new AgentLineSessionOptions();
        int frameBytes = AgentValidator.ValidateCommon(options, nameof(AgentLineSessionOptions));
        AgentValidator.Validate(options);
        var protocol = new LineAgentProtocol(id, options);
        AgentCallCore call = await AgentCallCore.ConnectAsync(_core, agentId, protocol, options, frameBytes, new Dictionary<string, AgentClientToolHandler>(), Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return new LineAgentSession(call, protocol);
    }

    /// <summary>
    /// Creates a session for one browser or mobile call to a managed agent
    /// (<c>POST /v1/agents/websocket/{agent_id}/sessions</c>; API key only) and returns its token, with the call's
    /// dynamic variables and config overrides bound to it.
    /// </summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="request">Dynamic variables and overrides; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A dynamic variable is not valid (nothing is sent).</exception>
    /// <exception cref="CartesiaPermissionDeniedException">The client uses an access token: only an API key can create sessions.</exception>
    public virtual Task<AgentSessionToken> CreateWebSocketSessionAsync(string agentId, AgentWebSocketSessionRequest? request = null, CancellationToken cancellationToken = default)
        => CreateWebSocketSessionCoreAsync(agentId, request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="CreateWebSocketSessionAsync"/>.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="request">Dynamic variables and overrides; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual AgentSessionToken CreateWebSocketSession(string agentId, AgentWebSocketSessionRequest? request = null, CancellationToken cancellationToken = default)
        => CreateWebSocketSessionCoreAsync(agentId, request, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<AgentSessionToken> CreateWebSocketSessionCoreAsync(string agentId, AgentWebSocketSessionRequest? request, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(agentId, nameof(agentId), nameof(agentId));
        AgentValidator.ValidateDynamicVariables(request?.DynamicVariables, "AgentWebSocketSessionRequest.DynamicVariables", nameof(request));
        byte[] body = AgentSessionRequestWriter.Write(request);
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Post, $"/v1/agents/websocket/{id}/sessions", "agents.create_websocket_session", JsonBody.FromBytes(body)), WireJsonContext.Default.AgentSessionToken, async, cancellationToken);
    }

    private ValueTask<CartesiaList<AgentSummary>> ListCoreAsync(bool async, CancellationToken cancellationToken)
        => _core.SendForWrappedListAsync(PipelineRequest.Json(HttpMethod.Get, "/agents", "agents.list"), WireJsonContext.Default.AgentList, l => l.Summaries, async, cancellationToken);

    private ValueTask<AgentSummary> GetCoreAsync(string agentId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(agentId, nameof(agentId), nameof(agentId));
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Get, $"/agents/{id}", "agents.get"), _core.Json.AgentSummary, async, cancellationToken);
    }

    private ValueTask<AgentSummary> UpdateCoreAsync(string agentId, AgentUpdateRequest request, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(agentId, nameof(agentId), nameof(agentId));
        Validate.NotNull(request, nameof(request));
        Validate.OptionalText(request.Name, "AgentUpdateRequest.Name (name)", nameof(request));
        Validate.OptionalId(request.TtsVoice, "AgentUpdateRequest.TtsVoice (tts_voice)", nameof(request));
        Validate.OptionalId(request.TtsLanguage, "AgentUpdateRequest.TtsLanguage (tts_language)", nameof(request));
        if (request.Name is null && request.Description is null && request.TtsVoice is null && request.TtsLanguage is null && request.AdditionalProperties is not { Count: > 0 })
        {
            throw new ArgumentException("AgentUpdateRequest sets nothing: set Name, Description, TtsVoice or TtsLanguage.", nameof(request));
        }

        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Patch, $"/agents/{id}", "agents.update", JsonBody.Create(request, _core.Json.AgentUpdateRequest)), _core.Json.AgentSummary, async, cancellationToken);
    }

    private ValueTask<CartesiaResponseInfo> DeleteCoreAsync(string agentId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(agentId, nameof(agentId), nameof(agentId));
        return _core.SendForInfoAsync(PipelineRequest.Json(HttpMethod.Delete, $"/agents/{id}", "agents.delete", accept: "*/*"), async, cancellationToken);
    }

    private ValueTask<CartesiaList<AgentTemplate>> ListTemplatesCoreAsync(bool async, CancellationToken cancellationToken)
        => _core.SendForWrappedListAsync(PipelineRequest.Json(HttpMethod.Get, "/agents/templates", "agents.list_templates"), WireJsonContext.Default.AgentTemplateList, l => l.Templates, async, cancellationToken);

    private ValueTask<CartesiaList<PhoneNumber>> ListPhoneNumbersCoreAsync(string agentId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(agentId, nameof(agentId), nameof(agentId));
        return _core.SendForListAsync(PipelineRequest.Json(HttpMethod.Get, $"/agents/{id}/phone-numbers", "agents.list_phone_numbers"), _core.Json.ListPhoneNumber, async, cancellationToken);
    }
}
