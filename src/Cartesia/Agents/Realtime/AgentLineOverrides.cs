namespace Cartesia.Agents;

/// <summary>Per-call overrides a Line agent reads from <c>start.agent</c> (its <c>CallRequest.agent</c>).</summary>
public sealed class AgentLineOverrides
{
    /// <summary>The system prompt for this call.</summary>
    public string? SystemPrompt { get; set; }

    /// <summary>What the agent says first; empty makes it wait for the user.</summary>
    public string? Introduction { get; set; }
}
