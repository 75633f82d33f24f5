using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Agents;

/// <summary>
/// The status of an agent call: <c>active</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>. Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<AgentCallStatus>))]
public readonly record struct AgentCallStatus : IStringValue<AgentCallStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>completed</c>.</param>
    public AgentCallStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>active</c>: in progress.</summary>
    public static AgentCallStatus Active { get; } = new("active");

    /// <summary><c>completed</c>.</summary>
    public static AgentCallStatus Completed { get; } = new("completed");

    /// <summary><c>failed</c>.</summary>
    public static AgentCallStatus Failed { get; } = new("failed");

    /// <summary><c>cancelled</c>.</summary>
    public static AgentCallStatus Cancelled { get; } = new("cancelled");

    /// <summary>Converts a wire value to a <see cref="AgentCallStatus"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator AgentCallStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static AgentCallStatus IStringValue<AgentCallStatus>.FromValue(string value) => new(value);
}
