using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>An agent (Line): its voice, language, repository, deployments and phone number.</summary>
public sealed class AgentSummary : CartesiaResult
{
    /// <summary>The agent id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The unique name (as the CLI knows it).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>A short description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>When the agent was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the agent was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The id of the voice the agent speaks with.</summary>
    [JsonPropertyName("tts_voice")]
    public string TtsVoice { get; init; } = string.Empty;

    /// <summary>The language the agent speaks.</summary>
    [JsonPropertyName("tts_language")]
    public string TtsLanguage { get; init; } = string.Empty;

    /// <summary>The webhook that receives events of Playground calls, if any.</summary>
    [JsonPropertyName("webhook_id")]
    public string? WebhookId { get; init; }

    /// <summary>When the agent was deleted, if it was.</summary>
    [JsonPropertyName("deleted_at")]
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>The Git repository the agent deploys from.</summary>
    [JsonPropertyName("git_repository")]
    public GitRepository? GitRepository { get; init; }

    /// <summary>The branch deployed.</summary>
    [JsonPropertyName("git_deploy_branch")]
    public string? GitDeployBranch { get; init; }

    /// <summary>The agent's phone numbers (at most one for now).</summary>
    [JsonPropertyName("phone_numbers")]
    public IReadOnlyList<PhoneNumberSummary>? PhoneNumbers { get; init; }

    /// <summary>Whether the agent has had a text-to-agent run.</summary>
    [JsonPropertyName("has_text_to_agent_run")]
    public bool HasTextToAgentRun { get; init; }

    /// <summary>How many deployments the agent has.</summary>
    [JsonPropertyName("deployment_count")]
    public int DeploymentCount { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}
