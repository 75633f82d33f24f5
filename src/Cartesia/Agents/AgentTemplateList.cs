using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>The body of <c>GET /agents/templates</c>.</summary>
internal sealed class AgentTemplateList : CartesiaModel
{
    /// <summary>The templates.</summary>
    [JsonPropertyName("templates")]
    public IReadOnlyList<AgentTemplate>? Templates { get; init; }
}
