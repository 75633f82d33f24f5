using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>Changes to an agent (<c>PATCH /agents/{agent_id}</c>); unset fields stay as they are.</summary>
public sealed class AgentUpdateRequest : CartesiaModel
{
    /// <summary>A new name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>A new description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The id of a new voice.</summary>
    [JsonPropertyName("tts_voice")]
    public string? TtsVoice { get; set; }

    /// <summary>A new language.</summary>
    [JsonPropertyName("tts_language")]
    public string? TtsLanguage { get; set; }
}
