using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>The Git repository an agent deploys from.</summary>
public sealed class GitRepository : CartesiaModel
{
    /// <summary>The provider, for example GitHub.</summary>
    [JsonPropertyName("provider")]
    public string Provider { get; init; } = string.Empty;

    /// <summary>The account.</summary>
    [JsonPropertyName("account")]
    public string Account { get; init; } = string.Empty;

    /// <summary>The repository name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{Provider}:{Account}/{Name}";
}
