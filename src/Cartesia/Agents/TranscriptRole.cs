using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Agents;

/// <summary>
/// Who spoke a turn of a call transcript: <c>user</c>, <c>assistant</c> (the agent) or <c>system</c> (logs).
/// Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<TranscriptRole>))]
public readonly record struct TranscriptRole : IStringValue<TranscriptRole>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>assistant</c>.</param>
    public TranscriptRole(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>user</c>: the caller.</summary>
    public static TranscriptRole User { get; } = new("user");

    /// <summary><c>assistant</c>: the agent.</summary>
    public static TranscriptRole Assistant { get; } = new("assistant");

    /// <summary><c>system</c>: a log event or metric.</summary>
    public static TranscriptRole System { get; } = new("system");

    /// <summary>Converts a wire value to a <see cref="TranscriptRole"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator TranscriptRole(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static TranscriptRole IStringValue<TranscriptRole>.FromValue(string value) => new(value);
}
