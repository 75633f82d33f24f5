using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia;

/// <summary>
/// A Cartesia API version (<c>YYYY-MM-DD</c>), sent as the <c>Cartesia-Version</c> header on every HTTP and
/// WebSocket request. Open: any well-formed date is accepted, the known versions are static members.
/// </summary>
/// <remarks>
/// The client pins <see cref="Default"/> (<c>2026-08-14</c>) unless told otherwise, and shapes requests for
/// the version it is pinned to (for example the voice is a plain id from 2026-08-14 and
/// <c>{"mode":"id","id":…}</c> before).
/// </remarks>
[JsonConverter(typeof(StringValueJsonConverter<CartesiaApiVersion>))]
[System.ComponentModel.TypeConverter(typeof(CartesiaApiVersionTypeConverter))]
public readonly record struct CartesiaApiVersion : IStringValue<CartesiaApiVersion>, IComparable<CartesiaApiVersion>
{
    /// <summary>Creates a version from its <c>YYYY-MM-DD</c> value.</summary>
    /// <param name="value">The version date, for example <c>2026-08-14</c>.</param>
    /// <exception cref="ArgumentException">The value is not a <c>YYYY-MM-DD</c> date.</exception>
    public CartesiaApiVersion(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _))
        {
            throw new ArgumentException($"A Cartesia API version is a date in the form YYYY-MM-DD; '{value}' is not.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The version string, for example <c>2026-08-14</c>.</summary>
    public string Value { get; }

    /// <summary>The first stable version.</summary>
    public static CartesiaApiVersion V2024_06_10 { get; } = new("2024-06-10");

    /// <summary>Version 2024-11-13.</summary>
    public static CartesiaApiVersion V2024_11_13 { get; } = new("2024-11-13");

    /// <summary>Version 2025-04-16.</summary>
    public static CartesiaApiVersion V2025_04_16 { get; } = new("2025-04-16");

    /// <summary>Version 2025-11-04 (the OpenAPI document's version; voice as <c>{"mode":"id","id":…}</c>).</summary>
    public static CartesiaApiVersion V2025_11_04 { get; } = new("2025-11-04");

    /// <summary>Version 2026-03-01: structured JSON error bodies.</summary>
    public static CartesiaApiVersion V2026_03_01 { get; } = new("2026-03-01");

    /// <summary>Version 2026-08-14: voice as a plain id, <c>locale</c>, <c>normalization</c>, accents.</summary>
    public static CartesiaApiVersion V2026_08_14 { get; } = new("2026-08-14");

    /// <summary>The version this SDK is built and tested against: <see cref="V2026_08_14"/>.</summary>
    public static CartesiaApiVersion Default => V2026_08_14;

    /// <summary>The versions this SDK knows, oldest first.</summary>
    public static IReadOnlyList<CartesiaApiVersion> Known { get; } =
        [V2024_06_10, V2024_11_13, V2025_04_16, V2025_11_04, V2026_03_01, V2026_08_14];

    /// <summary>Whether error bodies of this version are structured JSON (2026-03-01 and later).</summary>
    public bool HasStructuredErrors => CompareTo(V2026_03_01) >= 0;

    /// <summary>Whether this version takes the voice as a plain id string (2026-08-14 and later).</summary>
    public bool UsesPlainVoiceId => CompareTo(V2026_08_14) >= 0;

    /// <inheritdoc />
    public int CompareTo(CartesiaApiVersion other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Whether <paramref name="left"/> is an earlier version than <paramref name="right"/>.</summary>
    public static bool operator <(CartesiaApiVersion left, CartesiaApiVersion right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is a later version than <paramref name="right"/>.</summary>
    public static bool operator >(CartesiaApiVersion left, CartesiaApiVersion right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is the same or an earlier version than <paramref name="right"/>.</summary>
    public static bool operator <=(CartesiaApiVersion left, CartesiaApiVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is the same or a later version than <paramref name="right"/>.</summary>
    public static bool operator >=(CartesiaApiVersion left, CartesiaApiVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Converts a <c>YYYY-MM-DD</c> string to a version.</summary>
    /// <param name="value">The version date.</param>
    public static implicit operator CartesiaApiVersion(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static CartesiaApiVersion IStringValue<CartesiaApiVersion>.FromValue(string value) => new(value);
}
