using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Agents;

/// <summary>
/// The status of a metric result: <c>completed</c>, or <c>failed</c> when the metric could not be computed or parsed.
/// Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<MetricResultStatus>))]
public readonly record struct MetricResultStatus : IStringValue<MetricResultStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>completed</c>.</param>
    public MetricResultStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>completed</c>.</summary>
    public static MetricResultStatus Completed { get; } = new("completed");

    /// <summary><c>failed</c>.</summary>
    public static MetricResultStatus Failed { get; } = new("failed");

    /// <summary>Converts a wire value to a <see cref="MetricResultStatus"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator MetricResultStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static MetricResultStatus IStringValue<MetricResultStatus>.FromValue(string value) => new(value);
}
