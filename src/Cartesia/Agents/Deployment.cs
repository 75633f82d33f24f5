using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>A deployment of an agent: a build of its code, possibly live.</summary>
public sealed class Deployment : CartesiaResult
{
    /// <summary>The deployment id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The agent id.</summary>
    [JsonPropertyName("agent_id")]
    public string AgentId { get; init; } = string.Empty;

    /// <summary>The status.</summary>
    [JsonPropertyName("status")]
    public DeploymentStatus Status { get; init; }

    /// <summary>Whether this is the agent's pinned deployment (one per agent).</summary>
    [JsonPropertyName("is_pinned")]
    public bool IsPinned { get; init; }

    /// <summary>Whether this is the agent's live deployment (one per agent).</summary>
    [JsonPropertyName("is_live")]
    public bool IsLive { get; init; }

    /// <summary>The environment variables it runs with.</summary>
    [JsonPropertyName("env_var_collection_id")]
    public string EnvVarCollectionId { get; init; } = string.Empty;

    /// <summary>The source code it was built from.</summary>
    [JsonPropertyName("source_code_file_id")]
    public string SourceCodeFileId { get; init; } = string.Empty;

    /// <summary>The Git commit.</summary>
    [JsonPropertyName("git_commit_hash")]
    public string GitCommitHash { get; init; } = string.Empty;

    /// <summary>When it was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the build started.</summary>
    [JsonPropertyName("build_started_at")]
    public DateTimeOffset BuildStartedAt { get; init; }

    /// <summary>When the build completed.</summary>
    [JsonPropertyName("build_completed_at")]
    public DateTimeOffset BuildCompletedAt { get; init; }

    /// <summary>What broke the build, if anything.</summary>
    [JsonPropertyName("build_error")]
    public string? BuildError { get; init; }

    /// <summary>The build logs.</summary>
    [JsonPropertyName("build_logs")]
    public string BuildLogs { get; init; } = string.Empty;

    /// <summary>When deploying started.</summary>
    [JsonPropertyName("deployment_started_at")]
    public DateTimeOffset DeploymentStartedAt { get; init; }

    /// <summary>When deploying completed.</summary>
    [JsonPropertyName("deployment_completed_at")]
    public DateTimeOffset DeploymentCompletedAt { get; init; }

    /// <summary>What broke the deployment, if anything.</summary>
    [JsonPropertyName("deployment_error")]
    public string? DeploymentError { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Status})";
}
