using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>A Cartesia-provided template to start an agent from.</summary>
public sealed class AgentTemplate : CartesiaModel
{
    /// <summary>The template id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The template's Git repository.</summary>
    [JsonPropertyName("repo_url")]
    public string RepoUrl { get; init; } = string.Empty;

    /// <summary>The template's directory in the repository.</summary>
    [JsonPropertyName("root_dir")]
    public string RootDir { get; init; } = string.Empty;

    /// <summary>Environment variables the template needs.</summary>
    [JsonPropertyName("required_env_vars")]
    public IReadOnlyList<string>? RequiredEnvVars { get; init; }

    /// <summary>The template's dependencies.</summary>
    [JsonPropertyName("dependencies")]
    public IReadOnlyList<string>? Dependencies { get; init; }

    /// <summary>The owner's id.</summary>
    [JsonPropertyName("owner_id")]
    public string OwnerId { get; init; } = string.Empty;

    /// <summary>When the template was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the template was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}
