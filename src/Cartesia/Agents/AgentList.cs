using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>The body of <c>GET /agents</c>.</summary>
internal sealed class AgentList : CartesiaModel
{
    /// <summary>The agents.</summary>
    [JsonPropertyName("summaries")]
    public IReadOnlyList<AgentSummary>? Summaries { get; init; }
}
