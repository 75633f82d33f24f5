using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Stt;

/// <summary>
/// How finely a batch transcription is timed (<c>timestamp_granularities[]</c>). Open: the service may add
/// granularities; today there is <see cref="Word"/>.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<SttTimestampGranularity>))]
public readonly record struct SttTimestampGranularity : IStringValue<SttTimestampGranularity>
{
    /// <summary>Creates a granularity from its wire name.</summary>
    /// <param name="value">The wire name, for example <c>word</c>.</param>
    public SttTimestampGranularity(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire name.</summary>
    public string Value { get; }

    /// <summary><c>word</c>: a start and end time for every word.</summary>
    public static SttTimestampGranularity Word { get; } = new("word");

    /// <summary>Converts a wire name to a granularity.</summary>
    /// <param name="value">The wire name.</param>
    public static implicit operator SttTimestampGranularity(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static SttTimestampGranularity IStringValue<SttTimestampGranularity>.FromValue(string value) => new(value);
}
