using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// The deprecated coarse speed setting (<c>slow</c>, <c>normal</c>, <c>fast</c>). Use
/// <see cref="GenerationConfig.Speed"/> instead.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<ModelSpeed>))]
public readonly record struct ModelSpeed : IStringValue<ModelSpeed>
{
    /// <summary>Creates a speed setting.</summary>
    /// <param name="value"><c>slow</c>, <c>normal</c> or <c>fast</c>.</param>
    public ModelSpeed(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary>Slower speech.</summary>
    public static ModelSpeed Slow { get; } = new("slow");

    /// <summary>Normal speech.</summary>
    public static ModelSpeed Normal { get; } = new("normal");

    /// <summary>Faster speech.</summary>
    public static ModelSpeed Fast { get; } = new("fast");

    /// <summary>Converts a wire value to a <see cref="ModelSpeed"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator ModelSpeed(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static ModelSpeed IStringValue<ModelSpeed>.FromValue(string value) => new(value);
}
