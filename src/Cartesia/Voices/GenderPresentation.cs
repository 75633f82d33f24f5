using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Voices;

/// <summary>
/// How a voice presents: <c>masculine</c>, <c>feminine</c> or <c>gender_neutral</c>. Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<GenderPresentation>))]
public readonly record struct GenderPresentation : IStringValue<GenderPresentation>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>feminine</c>.</param>
    public GenderPresentation(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>masculine</c>.</summary>
    public static GenderPresentation Masculine { get; } = new("masculine");

    /// <summary><c>feminine</c>.</summary>
    public static GenderPresentation Feminine { get; } = new("feminine");

    /// <summary><c>gender_neutral</c>.</summary>
    public static GenderPresentation GenderNeutral { get; } = new("gender_neutral");

    /// <summary>Converts a wire value to a <see cref="GenderPresentation"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator GenderPresentation(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static GenderPresentation IStringValue<GenderPresentation>.FromValue(string value) => new(value);
}
