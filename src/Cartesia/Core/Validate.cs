using System.Globalization;
using Cartesia.Tts;

namespace Cartesia.Core;

/// <summary>
/// The local checks every area shares; each throws <see cref="ArgumentException"/> naming the field, before
/// anything is sent.
/// </summary>
internal static class Validate
{
    /// <summary>Rejects a missing id, or one padded with white space or holding control characters.</summary>
    public static void Id(string? value, string field, string paramName) => TtsRequestValidator.CheckId(value, field, paramName);

    /// <summary>Whether <paramref name="value"/> holds a control character (a pasted newline or tab, say); allocates nothing.</summary>
    public static bool HasControl(string value)
    {
        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rejects an optional id that is set but not valid.</summary>
    public static void OptionalId(string? value, string field, string paramName)
    {
        if (value is not null)
        {
            Id(value, field, paramName);
        }
    }

    /// <summary>Rejects a missing, empty or white-space text.</summary>
    public static void Text(string? value, string field, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required and must not be empty.", paramName);
        }
    }

    /// <summary>Rejects an optional text that is set but empty.</summary>
    public static void OptionalText(string? value, string field, string paramName)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} must not be empty when set (leave it null to omit it).", paramName);
        }
    }

    /// <summary>Rejects a page size outside 1–100.</summary>
    public static void Limit(int? limit, string field, string paramName)
    {
        if (limit is { } value && value is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{field} (limit) must be between 1 and 100.");
        }
    }

    /// <summary>Rejects a missing request object.</summary>
    public static T NotNull<T>(T? value, string paramName) where T : class
        => value ?? throw new ArgumentNullException(paramName);

    /// <summary>An invariant rendering of a number for messages.</summary>
    public static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
