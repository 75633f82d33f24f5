using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Voices;

/// <summary>
/// Who sees a voice in lists (API 2026-08-14): <c>owner</c> or <c>all</c>. Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<VoiceVisibility>))]
public readonly record struct VoiceVisibility : IStringValue<VoiceVisibility>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>owner</c>.</param>
    public VoiceVisibility(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>owner</c>: listed for its owner only.</summary>
    public static VoiceVisibility Owner { get; } = new("owner");

    /// <summary><c>all</c>: listed for everyone.</summary>
    public static VoiceVisibility All { get; } = new("all");

    /// <summary>Converts a wire value to a <see cref="VoiceVisibility"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator VoiceVisibility(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static VoiceVisibility IStringValue<VoiceVisibility>.FromValue(string value) => new(value);
}
