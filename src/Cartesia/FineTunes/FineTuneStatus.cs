using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.FineTunes;

/// <summary>
/// Where a fine-tune is: <c>created</c> → <c>training</c> → <c>completed</c> or <c>failed</c>. Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<FineTuneStatus>))]
public readonly record struct FineTuneStatus : IStringValue<FineTuneStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>training</c>.</param>
    public FineTuneStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>created</c>: queued, not training yet.</summary>
    public static FineTuneStatus Created { get; } = new("created");

    /// <summary><c>training</c>: in progress.</summary>
    public static FineTuneStatus Training { get; } = new("training");

    /// <summary><c>completed</c>: its voices are ready (<see cref="FineTunesClient.ListVoicesAsync"/>).</summary>
    public static FineTuneStatus Completed { get; } = new("completed");

    /// <summary><c>failed</c>: training did not succeed.</summary>
    public static FineTuneStatus Failed { get; } = new("failed");

    /// <summary>Whether the fine-tune has finished, successfully or not.</summary>
    public bool IsFinished => Value is "completed" or "failed";

    /// <summary>Converts a wire value to a <see cref="FineTuneStatus"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator FineTuneStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static FineTuneStatus IStringValue<FineTuneStatus>.FromValue(string value) => new(value);
}
