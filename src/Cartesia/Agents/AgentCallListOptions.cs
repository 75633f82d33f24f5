namespace Cartesia.Agents;

/// <summary>Which calls to list (<c>GET /agents/calls</c>), newest first, and paging.</summary>
public sealed class AgentCallListOptions : CartesiaListOptions
{
    /// <summary>The agent whose calls to list (<c>agent_id</c>; required).</summary>
    public required string AgentId { get; set; }

    /// <summary>Whether to include each call's transcript (<c>expand=transcript</c>).</summary>
    public bool IncludeTranscript { get; set; }
}
