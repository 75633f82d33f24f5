using System.Text.Json.Serialization;

namespace Cartesia.Voices;

/// <summary>An accent of the catalogue (<c>GET /accents</c>, API 2026-08-14).</summary>
public sealed class Accent : CartesiaModel
{
    /// <summary>The accent id, for example <c>british</c> (what requests take).</summary>
    [JsonPropertyName("id")]
    public VoiceAccent Id { get; init; }

    /// <summary>The display name, for example <c>British English</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The language, for example <c>en</c>.</summary>
    [JsonPropertyName("language")]
    public Language Language { get; init; }

    /// <summary>The canonical locale, for example <c>en-GB</c>.</summary>
    [JsonPropertyName("locale")]
    public string Locale { get; init; } = string.Empty;

    /// <summary>Whether this accent is the default of its locale.</summary>
    [JsonPropertyName("is_locale_default")]
    public bool IsLocaleDefault { get; init; }

    /// <summary>Whether voices can be localized to this accent (<see cref="VoicesClient.LocalizeAsync"/>).</summary>
    [JsonPropertyName("is_localizable")]
    public bool IsLocalizable { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}
