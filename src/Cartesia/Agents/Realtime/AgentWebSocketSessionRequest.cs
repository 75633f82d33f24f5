namespace Cartesia.Agents;

/// <summary>
/// The body of <see cref="AgentsClient.CreateWebSocketSessionAsync"/>: values for the call's dynamic variables and
/// overrides of the agent's config, bound to the one call the returned token opens.
/// </summary>
public sealed class AgentWebSocketSessionRequest
{
    /// <summary>Values for the agent's dynamic variables (the same rules as <see cref="AgentSessionOptions.DynamicVariables"/>).</summary>
    public IDictionary<string, object> DynamicVariables { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>Overrides of the agent's config for this call (<c>config_overrides</c>).</summary>
    public AgentConfigOverrides? ConfigOverrides { get; set; }
}
