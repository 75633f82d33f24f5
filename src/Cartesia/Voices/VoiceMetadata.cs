using System.Text.Json.Serialization;

namespace Cartesia.Voices;

/// <summary>What cloning or localizing a voice answers: the new voice's metadata (a different shape from <see cref="Voice"/>).</summary>
public sealed class VoiceMetadata : CartesiaResult
{
    /// <summary>The new voice's id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The id of the user who owns the voice.</summary>
    [JsonPropertyName("user_id")]
    public string UserId { get; init; } = string.Empty;

    /// <summary>Who can use the voice (API 2026-08-14).</summary>
    [JsonPropertyName("access")]
    public VoiceAccess? Access { get; init; }

    /// <summary>Who sees the voice in lists (API 2026-08-14).</summary>
    [JsonPropertyName("visibility")]
    public VoiceVisibility? Visibility { get; init; }

    /// <summary>Whether the voice is public (API versions before 2026-08-14).</summary>
    [JsonPropertyName("is_public")]
    public bool? IsPublic { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The tagline (API 2026-08-14; empty when unset).</summary>
    [JsonPropertyName("tagline")]
    public string? Tagline { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    /// <summary>When the voice was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The voice's language.</summary>
    [JsonPropertyName("language")]
    public Language Language { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}
