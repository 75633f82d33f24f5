using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Voices;

/// <summary>
/// A dialect to localize a voice to, with its language: English <c>au</c>, <c>in</c>, <c>so</c>, <c>uk</c>, <c>us</c>;
/// Spanish <c>mx</c>, <c>pe</c>; Portuguese <c>br</c>, <c>eu</c>; French <c>eu</c>, <c>ca</c>. Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<LocalizeDialect>))]
public readonly record struct LocalizeDialect : IStringValue<LocalizeDialect>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>uk</c>.</param>
    public LocalizeDialect(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary>English: Australian (<c>au</c>).</summary>
    public static LocalizeDialect Australian { get; } = new("au");

    /// <summary>English: Indian (<c>in</c>).</summary>
    public static LocalizeDialect Indian { get; } = new("in");

    /// <summary>English: Southern (<c>so</c>).</summary>
    public static LocalizeDialect Southern { get; } = new("so");

    /// <summary>English: British (<c>uk</c>).</summary>
    public static LocalizeDialect British { get; } = new("uk");

    /// <summary>English: American (<c>us</c>).</summary>
    public static LocalizeDialect American { get; } = new("us");

    /// <summary>Spanish: Latin American (<c>mx</c>).</summary>
    public static LocalizeDialect LatinAmerican { get; } = new("mx");

    /// <summary>Spanish: Peninsular (<c>pe</c>).</summary>
    public static LocalizeDialect Peninsular { get; } = new("pe");

    /// <summary>Portuguese: Brazilian (<c>br</c>).</summary>
    public static LocalizeDialect Brazilian { get; } = new("br");

    /// <summary>Portuguese: European, or French: Parisian/Metropolitan (<c>eu</c>).</summary>
    public static LocalizeDialect European { get; } = new("eu");

    /// <summary>French: Canadian (<c>ca</c>).</summary>
    public static LocalizeDialect Canadian { get; } = new("ca");

    /// <summary>Converts a wire value to a <see cref="LocalizeDialect"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator LocalizeDialect(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static LocalizeDialect IStringValue<LocalizeDialect>.FromValue(string value) => new(value);
}
