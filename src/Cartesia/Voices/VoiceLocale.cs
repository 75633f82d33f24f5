using System.Text.Json.Serialization;

namespace Cartesia.Voices;

/// <summary>A locale a voice speaks.</summary>
public sealed class VoiceLocale : CartesiaModel
{
    /// <summary>The BCP-47 language-region tag, for example <c>en-US</c>.</summary>
    [JsonPropertyName("locale")]
    public string Locale { get; init; } = string.Empty;

    /// <summary>Whether this is the voice's native (source) locale.</summary>
    [JsonPropertyName("is_native")]
    public bool IsNative { get; init; }

    /// <inheritdoc />
    public override string ToString() => IsNative ? $"{Locale} (native)" : Locale;
}
