using System.Text.Json.Serialization;

namespace Cartesia.Voices;

/// <summary>A voice (API 2026-08-14 shape: <c>access</c> and <c>visibility</c> instead of <c>is_public</c>; <c>tagline</c>, <c>accent</c>, <c>locales</c>).</summary>
public sealed class Voice : CartesiaResult
{
    /// <summary>The voice id (what TTS requests name as their voice).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Whether your organization owns the voice.</summary>
    [JsonPropertyName("is_owner")]
    public bool IsOwner { get; init; }

    /// <summary>Who can use the voice (API 2026-08-14).</summary>
    [JsonPropertyName("access")]
    public VoiceAccess? Access { get; init; }

    /// <summary>Who sees the voice in lists (API 2026-08-14).</summary>
    [JsonPropertyName("visibility")]
    public VoiceVisibility? Visibility { get; init; }

    /// <summary>Whether the voice is public (API versions before 2026-08-14; later versions send <see cref="Access"/>).</summary>
    [JsonPropertyName("is_public")]
    public bool? IsPublic { get; init; }

    /// <summary>The name (without the tagline).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>A short tagline (at most 32 characters; empty when unset).</summary>
    [JsonPropertyName("tagline")]
    public string? Tagline { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    /// <summary>How the voice presents, if set.</summary>
    [JsonPropertyName("gender")]
    public GenderPresentation? Gender { get; init; }

    /// <summary>The voice's accent, a catalogue id (API 2026-08-14).</summary>
    [JsonPropertyName("accent")]
    public VoiceAccent? Accent { get; init; }

    /// <summary>When the voice was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The voice's language.</summary>
    [JsonPropertyName("language")]
    public Language Language { get; init; }

    /// <summary>The locales the voice speaks: its native locale first, then attached ones.</summary>
    [JsonPropertyName("locales")]
    public IReadOnlyList<VoiceLocale> Locales { get; init; } = [];

    /// <summary>The voice's country (ISO 3166-1 alpha-2), when known. Deprecated by the API: prefer <see cref="Locales"/>.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>
    /// A URL of a preview clip (it needs the same Authorization header), only when listed or fetched with
    /// <see cref="VoiceExpand.PreviewFileUrl"/>; null when the voice has none.
    /// </summary>
    [JsonPropertyName("preview_file_url")]
    public string? PreviewFileUrl { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}
