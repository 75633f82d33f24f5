using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Voices;

/// <summary>
/// Who can use a voice (API 2026-08-14): <c>private</c> (its owner) or <c>public</c> (everyone). Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<VoiceAccess>))]
public readonly record struct VoiceAccess : IStringValue<VoiceAccess>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>private</c>.</param>
    public VoiceAccess(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>private</c>: only its owner can use it.</summary>
    public static VoiceAccess Private { get; } = new("private");

    /// <summary><c>public</c>: anyone can use it.</summary>
    public static VoiceAccess Public { get; } = new("public");

    /// <summary>Converts a wire value to a <see cref="VoiceAccess"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator VoiceAccess(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static VoiceAccess IStringValue<VoiceAccess>.FromValue(string value) => new(value);
}
