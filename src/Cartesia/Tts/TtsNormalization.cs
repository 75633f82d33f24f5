using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// How the transcript's text is normalized before speaking (numbers, dates, abbreviations): <c>auto</c>
/// (the default), <c>off</c>, or a locale code such as <c>en-IN</c> to normalize as in that locale.
/// API version 2026-08-14 and later.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<TtsNormalization>))]
public readonly record struct TtsNormalization : IStringValue<TtsNormalization>
{
    /// <summary>Creates a normalization setting.</summary>
    /// <param name="value"><c>auto</c>, <c>off</c> or a locale code.</param>
    public TtsNormalization(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary>Normalize as the service sees fit (the default).</summary>
    public static TtsNormalization Auto { get; } = new("auto");

    /// <summary>Speak the text as written.</summary>
    public static TtsNormalization Off { get; } = new("off");

    /// <summary>Normalize as in a locale, for example <c>en-IN</c>.</summary>
    /// <param name="locale">A locale code (<c>xx-YY</c>).</param>
    public static TtsNormalization ForLocale(string locale) => new(locale);

    /// <summary>Converts a wire value to a <see cref="TtsNormalization"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator TtsNormalization(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static TtsNormalization IStringValue<TtsNormalization>.FromValue(string value) => new(value);
}
