using System.Text.Json;
using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// The Agents WebSockets and their session tokens (AGENTS-WEBSOCKET.md §1, U1–U4, U19): the managed socket
/// <c>/v1/agents/websocket/{agent_id}</c> (an API key in <c>X-API-Key</c>, or an <c>agent</c>-grant token or a session
/// token in <c>access_token</c>; <c>Authorization</c> alone is refused), the legacy <c>/agents/stream/{agent_id}</c>
/// (<c>Authorization: Bearer</c> with a key or an <c>agent</c>-grant token, or <c>access_token</c>), and
/// <c>POST /v1/agents/websocket/{agent_id}/sessions</c> (API key only). The handshake went through
/// <see cref="ApiMiddleware"/> (credential, version, faults); refusals here are HTTP errors before the upgrade: 401, 403
/// (no <c>agent</c> grant, a session token for another agent), 404 (unknown agent) and 429 (over
/// <see cref="EmulatorAgentOptions.MaxConcurrentCalls"/>).
/// </summary>
internal static class AgentSocketEndpoints
{
    /// <summary>How long a session token lives.</summary>
    public static readonly TimeSpan SessionTokenLifetime = TimeSpan.FromMinutes(5);

    public static void Map(WebApplication app)
    {
        app.Map("/v1/agents/websocket/{agentId}", (HttpContext context, string agentId) => RunAsync(context, agentId, legacy: false));
        app.MapPost("/v1/agents/websocket/{agentId}/sessions", CreateSessionAsync);
        app.Map("/agents/stream/{agentId}", (HttpContext context, string agentId) => RunAsync(context, agentId, legacy: true));
    }

    /// <summary>Whether a path is the managed socket's (where an <c>agent</c>-grant token is accepted).</summary>
    public static bool IsManagedSocketPath(string path)
    {
        const string prefix = "/v1/agents/websocket/";
        return path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path.IndexOf('/', prefix.Length) < 0;
    }

    private static async Task RunAsync(HttpContext context, string agentId, bool legacy)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        CartesiaEmulator emulator = context.RequestServices.GetRequiredService<CartesiaEmulator>();
        if (!legacy && !HasManagedCredential(context.Request))
        {
            throw new ApiError(401, "unauthorized", "Unauthorized", "The agents WebSocket takes an API key in the X-API-Key header or an access token in the access_token query parameter; Authorization is not accepted here.");
        }

        AgentSessionGrant? grant = null;
        if (api.Token is { } token)
        {
            if (!token.Agent)
            {
                throw new ApiError(403, "forbidden", "Forbidden", "The access token has no 'agent' grant.");
            }

            grant = state.Agents.SessionTokens.GetValueOrDefault(token.Token);
        }

        string id = RouteIds.Decode(agentId);
        AgentRecord agent = state.Agents.Agents.Find(id) ?? throw new ApiError(404, "agent_not_found", "Agent not found", $"Agent '{id}' was not found.");
        if (grant is not null)
        {
            if (legacy || grant.AgentId != agent.Id)
            {
                throw new ApiError(403, "forbidden", "Forbidden", $"This session token opens the managed socket of agent '{grant.AgentId}' only.");
            }
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw ApiError.BadRequest("WebSocket required", $"{context.Request.Path} is a WebSocket endpoint: connect with an upgrade request.");
        }

        if (grant is not null && !grant.TryUse())
        {
            throw new ApiError(401, "unauthorized", "Unauthorized", "This session token was already used: a session token opens one call.");
        }

        int open = Interlocked.Increment(ref state.Agents.OpenCalls);
        try
        {
            if (emulator.Options.Agents.MaxConcurrentCalls is { } cap && open > cap)
            {
                throw new ApiError(429, "concurrency_limited", "Too many concurrent calls", $"At most {cap} agent calls may be open at once.");
            }

            using EmulatorWebSocket socket = await EmulatorWebSocket.AcceptAsync(context).ConfigureAwait(false);
            using AgentSocketSession session = legacy
                ? new LegacyAgentSession(socket, emulator, agent)
                : new ManagedAgentSession(socket, emulator, agent, accessToken: api.Token is not null, grant);
            await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref state.Agents.OpenCalls);
        }
    }

    private static bool HasManagedCredential(HttpRequest request)
        => request.Headers["X-API-Key"].ToString().Length > 0 || request.Query["access_token"].ToString().Length > 0;

    private static Task CreateSessionAsync(HttpContext context, string agentId)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        string id = RouteIds.Decode(agentId);
        AgentRecord agent = state.Agents.Agents.Find(id) ?? throw new ApiError(404, "agent_not_found", "Agent not found", $"Agent '{id}' was not found.");
        JsonElement body = RequestJson.Object(api);
        foreach (JsonProperty property in body.EnumerateObject())
        {
            if (property.Name is not ("dynamic_variables" or "config_overrides"))
            {
                throw new ApiError(422, "invalid_request", "Invalid request", $"Unknown field '{property.Name}'; the fields are dynamic_variables and config_overrides.");
            }
        }

        Dictionary<string, string> variables = [];
        if (body.TryGetProperty("dynamic_variables", out JsonElement given) && given.ValueKind != JsonValueKind.Null)
        {
            (Dictionary<string, string>? values, string? problem) = DynamicVariables.Read(given);
            variables = values ?? throw new ApiError(422, "invalid_dynamic_variables", "Invalid dynamic variables", problem!);
        }

        string? initialMessage = null;
        if (body.TryGetProperty("config_overrides", out JsonElement overrides) && overrides.ValueKind != JsonValueKind.Null)
        {
            if (overrides.ValueKind != JsonValueKind.Object)
            {
                throw new ApiError(422, "invalid_request", "Invalid request", "'config_overrides' must be an object.");
            }

            initialMessage = RequestJson.Optional(overrides, "initial_message");
        }

        string template = initialMessage ?? AgentScript.GreetingOf(agent.Id);
        List<string> missing = AgentScript.VariablesOf(template).Where(v => !variables.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new ApiError(422, "missing_dynamic_variables", "Missing dynamic variables", $"The agent's welcome message needs {string.Join(", ", missing)}.");
        }

        string token = AccessTokens.AccessTokenEndpoints.Jwt(tts: false, stt: false, agent: true, state.Now, state.Now + SessionTokenLifetime);
        state.AccessTokens[token] = new AccessTokenGrant(token, Tts: false, Stt: false, Agent: true, state.Now + SessionTokenLifetime);
        state.Agents.SessionTokens[token] = new AgentSessionGrant(agent.Id, variables, initialMessage);
        return JsonReply.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteNumber("expires_in", (int)SessionTokenLifetime.TotalSeconds);
            w.WriteEndObject();
        });
    }
}
