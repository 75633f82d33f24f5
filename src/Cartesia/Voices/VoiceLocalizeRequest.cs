using System.Text.Json.Serialization;

namespace Cartesia.Voices;

/// <summary>
/// Create a new voice from an existing one, adapted to another accent (<c>POST /voices/localize</c>). On API
/// 2026-08-14 the target is an <see cref="Accent"/> from the catalogue; older versions take
/// <see cref="Language"/>, <see cref="Description"/> and <see cref="OriginalSpeakerGender"/> instead (and an
/// optional <see cref="Dialect"/>). Pro Voice Clones cannot be localized.
/// </summary>
public sealed class VoiceLocalizeRequest : CartesiaModel
{
    /// <summary>The voice to localize (<c>voice_id</c>).</summary>
    [JsonPropertyName("voice_id")]
    public required string VoiceId { get; set; }

    /// <summary>The new voice's name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    /// <summary>The accent to localize to, a catalogue id (<c>accent</c>; required on API 2026-08-14).</summary>
    [JsonPropertyName("accent")]
    public VoiceAccent? Accent { get; set; }

    /// <summary>The new voice's description (<c>description</c>; required before API 2026-08-14).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The target language (<c>language</c>; required before API 2026-08-14).</summary>
    [JsonPropertyName("language")]
    public Language? Language { get; set; }

    /// <summary>The target dialect (<c>dialect</c>).</summary>
    [JsonPropertyName("dialect")]
    public LocalizeDialect? Dialect { get; set; }

    /// <summary>The original speaker's gender (<c>original_speaker_gender</c>; required before API 2026-08-14).</summary>
    [JsonPropertyName("original_speaker_gender")]
    public Gender? OriginalSpeakerGender { get; set; }

    /// <summary>The new voice's tagline, at most 32 characters (<c>tagline</c>; API 2026-08-14).</summary>
    [JsonPropertyName("tagline")]
    public string? Tagline { get; set; }
}
