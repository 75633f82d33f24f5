using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Voices;

/// <summary>
/// A speaker's gender, as voice localization asks for it (<c>male</c> or <c>female</c>). Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<Gender>))]
public readonly record struct Gender : IStringValue<Gender>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>female</c>.</param>
    public Gender(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>male</c>.</summary>
    public static Gender Male { get; } = new("male");

    /// <summary><c>female</c>.</summary>
    public static Gender Female { get; } = new("female");

    /// <summary>Converts a wire value to a <see cref="Gender"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator Gender(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static Gender IStringValue<Gender>.FromValue(string value) => new(value);
}
